import { addDays } from '@huimin/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const today = '2026-11-23';
let app: TestApp;
let clerk: Client, cityClerk: Client;
let drafts = 0;

async function person(facts: unknown[] = [], region = '510104', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1990-04-04'),
    name: '登记人',
    regionCode: region,
    facts,
    ...extra,
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

const unemployed = (personId: string, startsOn: string, regionCode = '510104') => ({
  personId,
  kind: 'unemployment',
  regionCode,
  basis: 'residence',
  startsOn,
});
const employed = (personId: string, startsOn: string) => ({
  ...unemployed(personId, startsOn),
  kind: 'employment',
  employmentKind: 'labour-contract',
  employerCreditCode: '91510104MA0000001E',
});

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

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'reg-clerk', ['clerk'], '510104');
  cityClerk = await staff(app, 'reg-clerk-city', ['clerk'], '510100');
});
afterAll(() => app.close());

describe('unemployment registration (失业登记) as the engine reads it', () => {
  it('a person registered unemployed is in the six groups: the skill-evaluation decision changes with no fact entered by hand', async () => {
    const certificate = {
      id: 'ZS-REG-1',
      kind: 'skill-level',
      occupation: '电工',
      level: 5,
      issuedOn: addDays(today, -10),
      firstEvaluation: true,
    };
    const id = await person([{ kind: 'certificate', data: certificate }]);
    expect((await decision(id, 'skill-evaluation', { certificateId: 'ZS-REG-1' })).eligible).toBe(false);
    const res = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, addDays(today, -60)),
    );
    expectOk(res, 201);
    expect(res.json()).toMatchObject({
      kind: 'unemployment',
      cardNumber: expect.stringMatching(/^510104-2026-\d{6}$/),
    });
    expect((await decision(id, 'skill-evaluation', { certificateId: 'ZS-REG-1' })).eligible).toBe(true);
  });

  it('people registered at the same moment each get a card number of their own', async () => {
    // Two clerks at two desks: each registration reads the region's last serial, so without a
    // lock (on a PostgreSQL server, where they truly run at once) both took the same next number.
    const ids = await Promise.all(Array.from({ length: 12 }, () => person()));
    const cards = await Promise.all(
      ids.map(async (id) => {
        const res = await clerk.request(
          'POST',
          '/api/v1/employment-services/registrations',
          unemployed(id, '2026-09-01'),
        );
        expectOk(res, 201);
        return res.json<{ cardNumber: string }>().cardNumber;
      }),
    );
    expect(new Set(cards).size).toBe(12);
  });

  it('an employment registration ends the unemployment the day before, keeps the card number, and the fact ends with it', async () => {
    const id = await person();
    const first = (
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2026-09-01'))
    ).json<{ id: string; cardNumber: string }>();
    const work = await clerk.request('POST', '/api/v1/employment-services/registrations', employed(id, '2026-11-02'));
    expectOk(work, 201);
    expect(work.json<{ cardNumber: string }>().cardNumber).toBe(first.cardNumber);
    const list = (await clerk.request('GET', `/api/v1/employment-services/people/${id}/registrations`)).json<{
      registrations: { id: string; endsOn?: string; endReason?: string }[];
    }>();
    expect(list.registrations.find((r) => r.id === first.id)).toMatchObject({
      endsOn: '2026-11-01',
      endReason: 'employed',
    });
    const facts = await app.database.db
      .selectFrom('registry_fact')
      .select(['kind', 'data'])
      .where('person_id', '=', id)
      .where('retracted_at', 'is', null)
      .execute();
    expect(facts.map((f) => f.data)).toEqual(
      expect.arrayContaining([
        { kind: 'registered-unemployed', from: '2026-09-01', to: '2026-11-01' },
        { kind: 'labour-contract', employer: '91510104MA0000001E', from: '2026-11-02' },
      ]),
    );
  });

  it('refuses a second registration overlapping an open one, naming both periods', async () => {
    const id = await person();
    expectOk(await clerk.request('POST', '/api/v1/employment-services/registrations', employed(id, '2026-10-01')), 201);
    const again = await clerk.request('POST', '/api/v1/employment-services/registrations', employed(id, '2026-11-01'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'REGISTRATION_OVERLAPS', field: 'startsOn' });
    expect(again.json<{ message: string }>().message).toContain('2026-11-01 至 今');
    expect(again.json<{ message: string }>().message).toContain('2026-10-01 至 今');
    const english = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2026-09-15'),
      { 'accept-language': 'en-US' },
    );
    // Before the open one of the other kind began, or the day it began: it could not end the day
    // before, so the refusal names the first day a new one may start.
    expect(english.json()).toMatchObject({
      code: 'REGISTRATION_STARTS_TOO_EARLY',
      message: expect.stringContaining('began on 2026-10-01; a new one must start on 2026-10-02 or later'),
    });
    const sameDay = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2026-10-01'),
    );
    expect(sameDay.json()).toMatchObject({
      code: 'REGISTRATION_STARTS_TOO_EARLY',
      field: 'startsOn',
      message:
        '字段 开始日期：已有的就业登记自 2026-10-01 起；新登记须从 2026-10-02 或以后开始，原登记于新登记前一日终止',
    });
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2026-10-02')),
      201,
    );
  });

  it('a person registered in another region gets a clear error naming that region and the date', async () => {
    const id = await person([], '510104', { hukouRegion: '510105' });
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2026-08-08')),
      201,
    );
    const atHukou = { ...unemployed(id, '2026-11-01', '510105'), basis: 'hukou' };
    const res = await cityClerk.request('POST', '/api/v1/employment-services/registrations', atHukou);
    expect(res.json()).toMatchObject({
      code: 'REGISTERED_ELSEWHERE',
      field: 'regionCode',
      message: expect.stringContaining('2026-08-08 在锦江区办理失业登记'),
    });
    const english = await cityClerk.request('POST', '/api/v1/employment-services/registrations', atHukou, {
      'accept-language': 'en-US',
    });
    expect(english.json<{ message: string }>().message).toContain(
      'unemployment registration in Jinjiang District since 2026-08-08',
    );
  });

  it('concurrent registrations for one person give one', async () => {
    const id = await person();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2026-10-10')),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json<{ code: string }>().code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/ALREADY_REGISTERED|REGISTRATION_OVERLAPS/)]),
    );
    expect(
      await app.database.db.selectFrom('employment_registration').select('id').where('person_id', '=', id).execute(),
    ).toHaveLength(1);
  });

  it('a registration must be at the place of residence or of 户籍, and bad input names the field', async () => {
    const id = await person([], '510104');
    const res = await cityClerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2026-10-10', '510105'),
    );
    expect(res.json()).toMatchObject({
      code: 'NOT_RESIDENCE_REGION',
      field: 'regionCode',
      message: expect.stringContaining('须在常住地 锦江区 办理'),
    });
    const bad = await clerk.request('POST', '/api/v1/employment-services/registrations', {
      ...unemployed(id, '2026-13-40'),
    });
    expect(bad.json()).toMatchObject({ field: 'startsOn' });
    const future = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2027-01-01'),
      { 'accept-language': 'en-US' },
    );
    expect(future.json()).toMatchObject({
      code: 'DATE_IN_FUTURE',
      field: 'startsOn',
      message: expect.stringContaining('start date'),
    });
  });

  it('an employer’s credit code with a wrong check character is refused naming it, unless the registry holds that unit', async () => {
    const id = await person();
    const mistyped = { ...employed(id, '2026-11-01'), employerCreditCode: '91510104MA0000001X' };
    const res = await clerk.request('POST', '/api/v1/employment-services/registrations', mistyped);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDIT_CODE', field: 'employerCreditCode' });
    expect(
      (await clerk.request('GET', `/api/v1/employment-services/people/${id}/registrations`)).json<{
        registrations: unknown[];
      }>().registrations,
    ).toEqual([]);
    // An early pilot code the registry keeps with its reason is the unit's real code.
    const pilot = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: '91510104MA0000003X',
      creditCodeOverride: '早期试点代码，经市场监管部门核实',
      name: '试点单位',
      category: 'enterprise',
      regionCode: '510104',
    });
    expectOk(pilot, 201);
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', {
        ...mistyped,
        employerCreditCode: '91510104MA0000003X',
      }),
      201,
    );
  });

  it('six months without contact (就业服务与就业管理规定 第六十三条) end an unemployment registration on the day they ran out', async () => {
    const id = await person();
    const reg = (
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2026-04-01'))
    ).json<{ id: string }>();
    const kept = await person();
    const touched = (
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(kept, '2026-04-01'))
    ).json<{ id: string }>();
    expectOk(await clerk.request('POST', `/api/v1/employment-services/registrations/${touched.id}/contact`));
    const review = await clerk.request('POST', '/api/v1/employment-services/registrations/no-contact-review');
    expectOk(review);
    const said = review.json<{ ended: number; people: { name: string; idNumberMasked: string }[] }>();
    expect(said.people).toHaveLength(said.ended);
    expect(said.people.length).toBeGreaterThan(0);
    const ended = (await clerk.request('GET', `/api/v1/employment-services/people/${id}/registrations`)).json<{
      registrations: { id: string; endsOn?: string; endReason?: string }[];
    }>();
    expect(ended.registrations[0]).toMatchObject({ id: reg.id, endsOn: '2026-10-01', endReason: 'no-contact' });
    const open = (await clerk.request('GET', `/api/v1/employment-services/people/${kept}/registrations`)).json<{
      registrations: { endsOn?: string }[];
    }>();
    expect(open.registrations[0]?.endsOn).toBeUndefined();
  });
});

describe('what an attack on the routes found', () => {
  it('an applicant’s own registration starts on the day it is made, not earlier', async () => {
    const id = idNumber('1992-02-02', 'female', '510104');
    const own = await applicant(app, {
      kind: 'person',
      idNumber: id,
      name: '自助登记',
      regionCode: '510104',
      username: `reg-self-${++drafts}`,
    });
    const body = { regionCode: '510104', basis: 'residence' };
    const backDated = await own.request('POST', '/api/v1/employment-services/my-registrations', {
      ...body,
      startsOn: '2015-01-01',
    });
    expect(backDated.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'startsOn' });
    expectOk(
      await own.request('POST', '/api/v1/employment-services/my-registrations', { ...body, startsOn: today }),
      201,
    );
  });

  it('no registration starts before the person turned 16 (劳动法 第十五条)', async () => {
    const id = await person();
    const tooEarly = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2006-04-03'),
    );
    expect(tooEarly.json()).toMatchObject({
      code: 'BEFORE_WORKING_AGE',
      field: 'startsOn',
      message: '字段 开始日期：登记日期不得早于年满16周岁之日（2006-04-04）',
    });
    const inEnglish = await clerk.request(
      'POST',
      '/api/v1/employment-services/registrations',
      unemployed(id, '2006-04-03'),
      { 'accept-language': 'en-US' },
    );
    expect(inEnglish.json<{ message: string }>().message).toBe(
      'Field start date: a registration cannot start before the person turned 16 (2006-04-04)',
    );
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', unemployed(id, '2006-04-04')),
      201,
    );
  });

  it('staff never register themselves', async () => {
    const own = await person();
    const self = await staff(app, `reg-own-${++drafts}`, ['clerk'], '510104', own);
    const res = await self.request('POST', '/api/v1/employment-services/registrations', unemployed(own, today));
    expect(res.json()).toMatchObject({ code: 'SOD_OWN_CLAIM', field: 'personId' });
  });
});
