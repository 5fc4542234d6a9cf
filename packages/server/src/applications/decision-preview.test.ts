import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/** Decided before submitting: the engine's answer for a form not yet filed, and nothing filed. */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

type Preview = {
  eligible: boolean;
  amountFen: number | null;
  reasons: { met: boolean; message: { zh: string }; cites: string }[];
};
const preview = async (c: Client, body: object) => c.request('POST', '/api/v1/applications/decision-preview', body);
const applications = async () =>
  Number(
    (
      await app.database.db
        .selectFrom('application')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let n = 0;
async function graduate(facts: object[]): Promise<Client> {
  const id = idNumber('2004-03-05', 'female', '510104');
  const name = `预判${++n}`;
  expectOk(await clerk.request('POST', '/api/v1/people', { idNumber: id, name, regionCode: '510104', facts }), 201);
  return applicant(app, { kind: 'person', idNumber: id, name, regionCode: '510104', username: `preview-${n}` });
}
const DIBAO = { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } };
const GRADUATING = { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } };

describe('what the engine would decide, before the applicant files', () => {
  it('a 2027 graduate of a 低保 family is told the amount, and nothing is filed', async () => {
    const client = await graduate([DIBAO, GRADUATING]);
    const before = await applications();
    const res = await preview(client, { subsidy: 'one-time-job-seeking' });
    expectOk(res);
    expect(res.json<Preview>()).toMatchObject({ eligible: true, amountFen: 150_000 });
    expect(await applications()).toBe(before);
  });

  it('with a draft for the same subsidy already saved, the preview names it, as filing would refuse a second', async () => {
    const client = await graduate([DIBAO, GRADUATING]);
    expect((await preview(client, { subsidy: 'one-time-job-seeking' })).json()).not.toHaveProperty('existing');
    const draft = await client.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      claim: {},
      idempotencyKey: `preview-draft-${n}`,
    });
    expectOk(draft, 201);
    const { id, number } = draft.json<{ id: string; number: string }>();
    expect((await preview(client, { subsidy: 'one-time-job-seeking' })).json()).toMatchObject({
      eligible: true,
      existing: { id, number, stateName: { zh: '草稿' } },
    });
    const again = await client.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      claim: {},
      idempotencyKey: `preview-draft-${n}-again`,
    });
    expect(again.json()).toMatchObject({ code: 'DUPLICATE_APPLICATION' });
  });

  it('without the hardship the text asks for, the unmet condition is named with its article', async () => {
    const client = await graduate([GRADUATING]);
    const decision = (await preview(client, { subsidy: 'one-time-job-seeking' })).json<Preview>();
    expect(decision.eligible).toBe(false);
    const unmet = decision.reasons.filter((r) => !r.met);
    expect(unmet.length).toBeGreaterThan(0);
    for (const r of unmet) expect(r.cites).toMatch(/第.+条|（[一二三四五六七八九十]+）/);
  });

  it('a hire not in the registry is refused naming the field, as filing would refuse it', async () => {
    const res = await preview(clerk, {
      subsidy: 'social-insurance-employer-graduate',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.json()).toMatchObject({ code: 'ORGANISATION_NOT_FOUND', field: 'organisationId' });
    const unknown = idNumber('1999-01-01', 'male', '510104');
    const org = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '预判单位',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '510104',
    });
    expectOk(org, 201);
    const organisationId = org.json<{ id: string }>().id;
    const listed = await preview(clerk, {
      subsidy: 'social-insurance-employer-graduate',
      organisationId,
      claim: {
        hires: [{ idNumber: unknown, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
        fromMonth: '2026-07',
        toMonth: '2026-10',
      },
    });
    expect(listed.json()).toMatchObject({ code: 'PERSON_NOT_REGISTERED', field: 'claim.hires[0].idNumber' });
  });

  it('a unit lists each hire once: the same person twice would be paid twice', async () => {
    const hire = idNumber('2001-05-05', 'female', '510104');
    const entry = { contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 };
    const res = await preview(clerk, {
      subsidy: 'social-insurance-employer-graduate',
      organisationId: '00000000-0000-4000-8000-000000000000',
      claim: {
        hires: [
          { idNumber: hire, ...entry },
          { idNumber: hire.toLowerCase(), ...entry },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'DUPLICATE_ENTRY',
      field: 'claim.hires[1].idNumber',
      message: '字段 申请内容·吸纳人员名单第2项·身份证号码：与第 1 人重复',
    });
  });

  it('a claim with a day that does not exist is refused in the caller’s language alone', async () => {
    const claim = {
      hires: [{ idNumber: idNumber('2001-05-05'), contractStart: '2026-02-30', contractMonths: 12, insuredMonths: 4 }],
    };
    const org = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '日期单位',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '510104',
    });
    expectOk(org, 201);
    const organisationId = org.json<{ id: string }>().id;
    const body = { subsidy: 'social-insurance-employer-graduate', organisationId, claim };
    const zh = await preview(clerk, body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'INVALID_FACT', field: 'claim.hires[0].contractStart' });
    expect(zh.json<{ message: string }>().message).toContain('不存在');
    expect(zh.json<{ message: string }>().message).not.toMatch(/real date/);
    const en = await clerk.request('POST', '/api/v1/applications/decision-preview', body, {
      'accept-language': 'en-US',
    });
    expect(en.json<{ message: string }>().message).toContain('not a real date');
    expect(en.json<{ message: string }>().message).not.toMatch(/不存在/);
  });

  it('a person’s form cannot list people, so it cannot probe the registry with their ID numbers', async () => {
    const client = await graduate([DIBAO, GRADUATING]);
    const someone = idNumber('1990-01-01', 'male', '620102');
    const res = await preview(client, {
      subsidy: 'one-time-job-seeking',
      claim: { hires: [{ idNumber: someone, contractStart: '2026-01-01', insuredMonths: 3 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'claim.hires' });
  });

  it('naming a unit’s hires is kept in the audit trail', async () => {
    const org = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '审计单位',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '510104',
    });
    const hire = idNumber('2003-02-02', 'male', '510104');
    expectOk(
      await clerk.request('POST', '/api/v1/people', { idNumber: hire, name: '被列人员', regionCode: '510104' }),
      201,
    );
    const before = await app.database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'application.previewed')
      .execute();
    expectOk(
      await preview(clerk, {
        subsidy: 'social-insurance-employer-graduate',
        organisationId: org.json<{ id: string }>().id,
        claim: {
          hires: [{ idNumber: hire, contractStart: '2026-07-01', contractMonths: 12, insuredMonths: 4 }],
          fromMonth: '2026-07',
          toMonth: '2026-10',
        },
      }),
    );
    const after = await app.database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'application.previewed')
      .execute();
    expect(after.length).toBe(before.length + 1);
  });
});
