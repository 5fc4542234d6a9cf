import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, login, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, reviewer: Client, caseWorker: Client;
let drafts = 0;

/** Someone paying their own insurance as flexibly employed for the last year (灵活就业). */
const flexiblyEmployed = [
  {
    kind: 'insurance',
    data: {
      fromMonth: '2025-11',
      toMonth: '2026-10',
      payer: 'self',
      pensionFen: 64_000,
      medicalFen: 32_000,
      unemploymentFen: 2_000,
    },
  },
];

async function person(facts: unknown[] = []): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1975-03-03'),
    name: '困难人员',
    regionCode: '510104',
    facts,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

/** What the engine decides for the person today, asked as a clerk would before filing. */
async function decision(
  personId: string,
  subsidy: string,
  claim: Record<string, unknown>,
): Promise<{ eligible: boolean }> {
  const res = await clerk.request('POST', '/api/v1/applications/decision-preview', { subsidy, personId, claim });
  expectOk(res);
  return res.json<{ eligible: boolean }>();
}

const file = (by: Client, personId: string, category = 'older-worker') =>
  by.request('POST', '/api/v1/employment-services/certifications', {
    personId,
    category,
    evidence: '失业一年以上，年满50周岁',
  });

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'hs-clerk', ['clerk'], '510104');
  reviewer = await staff(app, 'hs-reviewer', ['reviewer'], '510104');
  caseWorker = await staff(app, 'hs-case-worker', ['case-worker'], '510104');
});
afterAll(() => app.close());

/** Moves the clock; sessions from before do not survive the move. */
async function moveTo(date: string): Promise<void> {
  clock.setDate(date);
  [clerk, reviewer, caseWorker] = [
    await login(app, 'hs-clerk'),
    await login(app, 'hs-reviewer'),
    await login(app, 'hs-case-worker'),
  ];
}

describe('就业困难人员认定 (川办发〔2024〕34号 (十八))', () => {
  it('register → certify → the flexible-employment social-insurance subsidy (社保补贴) decision changes', async () => {
    const id = await person(flexiblyEmployed);
    const claim = { fromMonth: '2025-11', toMonth: '2026-10' };
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', {
        personId: id,
        kind: 'employment',
        employmentKind: 'flexible',
        regionCode: '510104',
        basis: 'residence',
        startsOn: '2025-10-01',
      }),
      201,
    );
    expect((await decision(id, 'social-insurance-flexible-hard-to-employ', claim)).eligible).toBe(false);
    const filed = await file(clerk, id);
    expectOk(filed, 201);
    const decided = await reviewer.request(
      'POST',
      `/api/v1/employment-services/certifications/${filed.json<{ id: string }>().id}/decision`,
      { certify: true },
    );
    expectOk(decided);
    expect(decided.json()).toMatchObject({
      state: 'certified',
      validFrom: '2026-11-23',
      reviewDue: '2027-11-23',
      reference: expect.stringContaining('（十八）'),
    });
    expect((await decision(id, 'social-insurance-flexible-hard-to-employ', claim)).eligible).toBe(true);
  });

  it('a certification decided by the person who filed it is refused (separation of duties)', async () => {
    const filed = await file(caseWorker, await person());
    expectOk(filed, 201);
    const own = await caseWorker.request(
      'POST',
      `/api/v1/employment-services/certifications/${filed.json<{ id: string }>().id}/decision`,
      { certify: true },
    );
    expect(own.json()).toMatchObject({ code: 'OWN_FILING' });
    expect(own.statusCode).toBe(403);
  });

  it('files only within the region’s categories in force, one live certification per person', async () => {
    const id = await person();
    expectOk(await file(clerk, id, 'disabled'), 201);
    expect((await file(clerk, id, 'disabled')).json()).toMatchObject({
      code: 'CERTIFICATION_PENDING',
      field: 'personId',
    });
    // 脱贫户 is on 庆阳's list (第22条), not on 四川's.
    expect((await file(clerk, await person(), 'poverty-alleviated')).json()).toMatchObject({
      code: 'CATEGORY_NOT_IN_FORCE',
      field: 'category',
    });
  });

  it('a labour contract ends the certification and its status the day before work starts; the assistance case closes', async () => {
    const id = await person();
    const certId = (await file(clerk, id)).json<{ id: string }>().id;
    expectOk(
      await caseWorker.request('POST', `/api/v1/employment-services/certifications/${certId}/decision`, {
        certify: true,
      }),
    );
    const cases = (
      await caseWorker.request('GET', '/api/v1/employment-services/cases?mine=true&kind=hard-to-employ')
    ).json<{ cases: { personId: string; caseWorkerName?: string }[] }>().cases;
    expect(cases.find((c) => c.personId === id)).toMatchObject({ caseWorkerName: 'hs-case-worker' });
    await moveTo('2026-12-10');
    const work = {
      personId: id,
      kind: 'employment',
      employmentKind: 'labour-contract',
      employerCreditCode: '91510104MA0000001E',
      regionCode: '510104',
      basis: 'residence',
      startsOn: '2026-12-01',
    };
    expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', work), 201);
    const mine = (await clerk.request('GET', '/api/v1/employment-services/certifications?state=exited')).json<{
      certifications: { id: string; exitedOn?: string; exitReason?: string }[];
    }>();
    expect(mine.certifications.find((c) => c.id === certId)).toMatchObject({
      exitedOn: '2026-11-30',
      exitReason: 'employed',
    });
    const status = await app.database.db
      .selectFrom('registry_fact')
      .select('data')
      .where('person_id', '=', id)
      .where('kind', '=', 'status')
      .where('retracted_at', 'is', null)
      .execute();
    expect(status.map((s) => s.data)).toEqual([{ kind: 'hard-to-employ', from: '2026-11-23', to: '2026-11-30' }]);
    const after = (await caseWorker.request('GET', '/api/v1/employment-services/cases?kind=hard-to-employ')).json<{
      cases: { personId: string; closeReason?: string }[];
    }>().cases;
    expect(after.find((c) => c.personId === id)).toMatchObject({ closeReason: 'employed' });
    await moveTo('2026-11-23');
  });

  it('a certification due for review is listed; a review that finds the person still hard to employ carries it to the next', async () => {
    const id = await person();
    const certId = (await file(clerk, id, 'disabled')).json<{ id: string }>().id;
    expectOk(
      await reviewer.request('POST', `/api/v1/employment-services/certifications/${certId}/decision`, {
        certify: true,
      }),
    );
    const due = async () =>
      (await reviewer.request('GET', '/api/v1/employment-services/certifications?dueForReview=true'))
        .json<{ certifications: { id: string }[] }>()
        .certifications.map((c) => c.id);
    expect(await due()).not.toContain(certId);
    // As if certified a year ago: its review date has come.
    await app.database.db
      .updateTable('hardship_certification')
      .set({ review_due: '2026-11-20' })
      .where('id', '=', certId)
      .execute();
    expect(await due()).toContain(certId);
    const reviewed = await caseWorker.request('POST', `/api/v1/employment-services/certifications/${certId}/review`, {
      note: '入户复核，仍未就业',
    });
    expectOk(reviewed);
    expect(reviewed.json()).toMatchObject({ state: 'certified', reviewDue: '2027-11-23' });
    expect(await due()).not.toContain(certId);
  });

  it('bad input names the field in the caller’s language', async () => {
    const res = await clerk.request(
      'POST',
      '/api/v1/employment-services/certifications',
      { personId: await person(), category: 'unlucky', evidence: 'x' },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'category', message: expect.stringContaining('category') });
  });
});

describe('what an attack on the routes found', () => {
  it('a reviewer never decides their own certification (181号 第二十五条)', async () => {
    const own = await person();
    const selfReviewer = await staff(app, `hs-self-${++drafts}`, ['reviewer'], '510104', own);
    const filed = await file(clerk, own);
    expectOk(filed, 201);
    const res = await selfReviewer.request(
      'POST',
      `/api/v1/employment-services/certifications/${filed.json<{ id: string }>().id}/decision`,
      { certify: true },
    );
    expect(res.json()).toMatchObject({ code: 'SOD_OWN_CLAIM' });
  });

  it('blank evidence or a blank refusal reason is refused naming the field, and a future exit too', async () => {
    const blank = await clerk.request('POST', '/api/v1/employment-services/certifications', {
      personId: await person(),
      category: 'older-worker',
      evidence: ' \u3000\t',
    });
    expect(blank.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'evidence' });

    const filed = (await file(clerk, await person())).json<{ id: string }>().id;
    const refusal = await reviewer.request('POST', `/api/v1/employment-services/certifications/${filed}/decision`, {
      certify: false,
      reason: '   ',
    });
    expect(refusal.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'reason' });

    expectOk(
      await reviewer.request('POST', `/api/v1/employment-services/certifications/${filed}/decision`, { certify: true }),
    );
    const exit = await caseWorker.request('POST', `/api/v1/employment-services/certifications/${filed}/exit`, {
      exitedOn: '2099-12-31',
      reason: 'employed',
    });
    expect(exit.json()).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'exitedOn' });
    // Certified today (23 November): an exit dated the day before is before it took effect.
    const early = await caseWorker.request(
      'POST',
      `/api/v1/employment-services/certifications/${filed}/exit`,
      { exitedOn: '2026-11-22', reason: 'employed' },
      { 'accept-language': 'en-US' },
    );
    expect(early.json()).toMatchObject({
      code: 'EXIT_BEFORE_CERTIFIED',
      field: 'exitedOn',
      message: expect.stringContaining('before the certification took effect (2026-11-23)'),
    });
    // A review's note says what it found; blank, the certification would run a year on unsaid.
    const dueOf = async () =>
      (
        await app.database.db
          .selectFrom('hardship_certification')
          .select('review_due')
          .where('id', '=', filed)
          .executeTakeFirstOrThrow()
      ).review_due;
    await app.database.db
      .updateTable('hardship_certification')
      .set({ review_due: '2026-11-20' })
      .where('id', '=', filed)
      .execute();
    const blankReview = await caseWorker.request('POST', `/api/v1/employment-services/certifications/${filed}/review`, {
      note: ' \u3000 ',
    });
    expect(blankReview.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'note' });
    expect(await dueOf()).toBe('2026-11-20');
  });
});
