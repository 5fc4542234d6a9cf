import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, login, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, clerk2: Client, cityClerk: Client, caseWorker: Client, employer: Client, graduate: Client;
let unitId: string, graduateId: string;

const job = (extra: Record<string, unknown> = {}) => ({
  title: '数控车床操作工',
  occupationCode: '6-18-01-01',
  headcount: 3,
  payMinFen: 450_000,
  payMaxFen: 650_000,
  regionCode: '510104',
  place: '锦江区工业园1号',
  requirements: '持车工证书优先，能适应倒班',
  description: '操作数控车床加工零件',
  contact: '人事部 028-0000000',
  validFrom: '2026-11-23',
  validTo: '2027-01-31',
  ...extra,
});
const post = (c: Client, url: string, body?: unknown) => c.request('POST', url, body);

async function published(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(employer, '/api/v1/labour-market/my-postings', job(extra));
  expectOk(res, 201);
  const id = res.json<{ id: string }>().id;
  expectOk(await post(clerk, `/api/v1/labour-market/postings/${id}/review`, { publish: true }));
  return id;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'lm-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'lm-clerk2', ['clerk'], '510104');
  cityClerk = await staff(app, 'lm-city', ['clerk'], '510100');
  caseWorker = await staff(app, 'lm-case', ['case-worker'], '510104');
  const code = creditCode('510104');
  employer = await applicant(app, {
    kind: 'organisation',
    creditCode: code,
    name: '锦江精密机械有限公司',
    category: 'enterprise',
    regionCode: '510104',
    username: 'lm-unit',
  });
  unitId = (await employer.request('GET', '/api/v1/session')).json<{ account: { organisationId: string } }>().account
    .organisationId;
  graduate = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2003-03-03', 'male', '510104'),
    name: '毕业生',
    regionCode: '510104',
    username: 'lm-grad',
  });
  graduateId = (await graduate.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account
    .personId;
}, 60_000);
afterAll(() => app.close());

describe('job postings: checked, reviewed by someone else, then on the board', () => {
  it('a pay range upside down is refused, naming the field; nothing is saved', async () => {
    const res = await post(employer, '/api/v1/labour-market/my-postings', job({ payMinFen: 700_000 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'PAY_RANGE_INVERTED', field: 'payMaxFen' });
    expect(res.json<{ message: string }>().message).toContain('7,000元');
    // A posting's pay is monthly, as its form says; a gig's (by the day or piece) is not called so.
    expect(res.json<{ message: string }>().message).toMatch(/^字段 月薪上限：/);
    expect((await employer.request('GET', '/api/v1/labour-market/my-postings')).json()).toEqual({ postings: [] });
  });

  it('a discriminatory requirement is refused, naming the field, the words and the law', async () => {
    const res = await post(
      employer,
      '/api/v1/labour-market/my-postings',
      job({ requirements: '限男性，35周岁以下，本地户口优先' }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; field: string; message: string; errors: { words: string }[] }>();
    expect(body).toMatchObject({ code: 'DISCRIMINATORY_CONTENT', field: 'requirements' });
    expect(body.message).toContain('限男性');
    expect(body.message).toContain('就业促进法');
    expect(body.errors.map((e) => e.words)).toEqual(['限男性', '35周岁以下', '本地户口优先']);
    // Each listed under the field's name as the form shows it, not its key.
    expect(body.errors[0]).toMatchObject({ columnName: { zh: '任职要求' } });
    // The message names every ground found, each with its words and article, not the first alone.
    expect(body.message).toMatch(/性别.*“限男性”.*；.*年龄.*“35周岁以下”.*；.*户籍.*“本地户口优先”/);
    const en = await employer.request('POST', '/api/v1/labour-market/my-postings', job({ title: '女性优先 文员' }), {
      'accept-language': 'en-US',
    });
    expect(en.json()).toMatchObject({ code: 'DISCRIMINATORY_CONTENT', field: 'title' });
    expect(en.json<{ message: string }>().message).toContain('a restriction by sex');
  });

  it('“男女不限” and a lawful lower age are not a restriction', async () => {
    const res = await post(
      employer,
      '/api/v1/labour-market/my-postings',
      job({ title: '数控车工', requirements: '男女不限，18-60岁' }),
    );
    expectOk(res, 201);
  });

  it('the poster may not review; another clerk refuses with a reason, the unit corrects, the clerk publishes', async () => {
    const res = await post(clerk, '/api/v1/labour-market/postings', { organisationId: unitId, ...job() });
    expectOk(res, 201);
    const id = res.json<{ id: string; state: string }>().id;
    expect((await post(clerk, `/api/v1/labour-market/postings/${id}/review`, { publish: true })).json()).toMatchObject({
      code: 'SOD_OWN_POSTING',
    });
    expect(
      (await post(clerk2, `/api/v1/labour-market/postings/${id}/review`, { publish: false })).json(),
    ).toMatchObject({ code: 'REQUIRED_FIELD', field: 'reason' });
    const refused = await post(clerk2, `/api/v1/labour-market/postings/${id}/review`, {
      publish: false,
      reason: '“身高170以上”与岗位无关（就业促进法第三条）',
    });
    expect(refused.json()).toMatchObject({ state: 'refused', open: false });
    const corrected = await employer.request('PUT', `/api/v1/labour-market/my-postings/${id}`, job({ title: '车工' }));
    expect(corrected.json()).toMatchObject({ state: 'submitted', title: '车工' });
    // The unit corrected it: either clerk may now review it.
    expect((await post(clerk, `/api/v1/labour-market/postings/${id}/review`, { publish: true })).json()).toMatchObject({
      state: 'published',
      open: true,
    });
    expect((await post(clerk2, `/api/v1/labour-market/postings/${id}/review`, { publish: true })).statusCode).toBe(409);
  });

  it('a deregistered employer is refused', async () => {
    const gone = creditCode('510104');
    const made = await post(clerk, '/api/v1/organisations', {
      creditCode: gone,
      name: '已注销公司',
      category: 'enterprise',
      regionCode: '510104',
    });
    expectOk(made, 201);
    const goneId = made.json<{ id: string }>().id;
    const csv = Buffer.from(`creditCode,status,deregisteredOn\r\n${gone},deregistered,2026-10-15\r\n`, 'utf8');
    expectOk(
      await clerk.request(
        'POST',
        `/api/v1/reference-snapshots/business-registry?takenOn=2026-11-20&source=${encodeURIComponent('市场监管局')}`,
        csv,
        { 'content-type': 'text/csv' },
      ),
      201,
    );
    const res = await post(clerk, '/api/v1/labour-market/postings', { organisationId: goneId, ...job() });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'EMPLOYER_DEREGISTERED', field: 'organisationId' });
    // A newer file loaded in 甘肃 that shows the code active speaks for 甘肃 only: 锦江区's own still holds.
    const gansu = await staff(app, 'lm-gansu', ['clerk'], '620102');
    const active = Buffer.from(`creditCode,status\r\n${gone},active\r\n`, 'utf8');
    expectOk(
      await gansu.request(
        'POST',
        `/api/v1/reference-snapshots/business-registry?takenOn=2026-11-22&source=${encodeURIComponent('市场监管局')}`,
        active,
        { 'content-type': 'text/csv' },
      ),
      201,
    );
    const again = await post(clerk, '/api/v1/labour-market/postings', { organisationId: goneId, ...job() });
    expect(again.json()).toMatchObject({ code: 'EMPLOYER_DEREGISTERED', field: 'organisationId' });
  });

  it('the board finds by region (and below), occupation group, pay and a Chinese keyword of one or more characters', async () => {
    const id = await published({ title: '电工（持证）', occupationCode: '6-31-01-03', description: '厂区配电维护' });
    const find = async (query: string) =>
      (await graduate.request('GET', `/api/v1/labour-market/jobs?${query}`))
        .json<{
          postings: { id: string }[];
        }>()
        .postings.map((p) => p.id);
    expect(await find(`q=${encodeURIComponent('配电')}`)).toEqual([id]);
    expect(await find(`q=${encodeURIComponent('电')}`)).toContain(id);
    expect(await find(`q=${encodeURIComponent('配电 维护')}`)).toEqual([id]);
    expect(await find(`q=${encodeURIComponent('配维')}`)).toEqual([]);
    expect(await find('region=510100&occupation=6-31')).toContain(id);
    expect(await find('region=510100&occupation=6-18')).not.toContain(id);
    expect(await find('region=620000')).not.toContain(id);
    expect(await find('payMinFen=700000')).not.toContain(id);
    expect(await find('payMinFen=600000')).toContain(id);
    expect((await graduate.request('GET', `/api/v1/labour-market/jobs/${id}`)).statusCode).toBe(200);
  });
});

describe('seekers, matching and referrals', () => {
  let postingId: string, seekerId: string;

  it('a graduate’s profile, matched with reasons; the same data, the same order', async () => {
    postingId = await published({ title: '焊工', occupationCode: '6-18-02-04', payMinFen: 500_000, minLevel: 5 });
    const saved = await graduate.request('PUT', '/api/v1/labour-market/my-profile', {
      regionCode: '510104',
      occupationCodes: ['6-18-02-04'],
      payMinFen: 450_000,
      availableFrom: '2026-11-23',
      skills: '焊接实训',
    });
    expectOk(saved);
    seekerId = saved.json<{ id: string }>().id;
    const matches = (await graduate.request('GET', '/api/v1/labour-market/my-matches')).json<{
      matches: { score: number; posting: { id: string }; reasons: { kind: string; points: number }[] }[];
    }>().matches;
    expect(matches[0]?.posting.id).toBe(postingId);
    expect(matches[0]?.reasons.map((r) => [r.kind, r.points])).toEqual([
      ['occupation', 40],
      ['region', 30],
      ['pay', 20],
    ]);
    const again = (await clerk.request('GET', `/api/v1/labour-market/seekers/${seekerId}/matches`)).json<{
      matches: unknown[];
    }>().matches;
    expect(again).toEqual(matches);
    const forPosting = (await clerk.request('GET', `/api/v1/labour-market/postings/${postingId}/matches`)).json<{
      matches: { seeker: { id: string }; score: number }[];
    }>().matches;
    expect(forPosting.map((m) => m.seeker.id)).toContain(seekerId);
  });

  it('two referrals of the same seeker to the same posting at once give one; the other is told', async () => {
    const body = { seekerId, postingId, note: '符合岗位要求' };
    const results = await Promise.all([
      post(caseWorker, '/api/v1/labour-market/referrals', body),
      post(clerk, '/api/v1/labour-market/referrals', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'ALREADY_REFERRED' });
  });

  it('the employer records the hire: the employment is registered through the registration service', async () => {
    const referral = (await employer.request('GET', '/api/v1/labour-market/my-referrals'))
      .json<{
        referrals: { id: string; seekerId: string }[];
      }>()
      .referrals.find((r) => r.seekerId === seekerId);
    expect(referral).toBeDefined();
    const id = referral?.id ?? '';
    expect(
      (await post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, { answer: 'refused' })).json(),
    ).toMatchObject({ code: 'REQUIRED_FIELD', field: 'reason' });
    expectOk(await post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, { answer: 'interview' }));
    const hired = await post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, {
      answer: 'hired',
      hiredOn: '2026-11-23',
    });
    expect(hired.json()).toMatchObject({ state: 'hired', hiredOn: '2026-11-23' });
    expect(hired.json<{ registrationId?: string }>().registrationId).toBeDefined();
    const registrations = (
      await clerk.request('GET', `/api/v1/employment-services/people/${graduateId}/registrations`)
    ).json<{ registrations: { kind: string; employerCreditCode?: string; endsOn?: string }[] }>().registrations;
    expect(registrations[0]).toMatchObject({ kind: 'employment' });
    expect(
      (await post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, { answer: 'refused', reason: 'x' }))
        .statusCode,
    ).toBe(409);
  });

  it('a hire of someone living outside the unit’s county stands; the registration is left to a clerk, with why', async () => {
    const made = await post(cityClerk, '/api/v1/people', {
      idNumber: idNumber('1995-05-05', 'male', '510105'),
      name: '青羊求职者',
      regionCode: '510105',
    });
    expectOk(made, 201);
    const seeker = await cityClerk.request('PUT', '/api/v1/labour-market/seekers', {
      personId: made.json<{ id: string }>().id,
      regionCode: '510104',
      occupationCodes: ['6-18-02-04'],
      payMinFen: 400_000,
      availableFrom: '2026-11-23',
      skills: '',
    });
    expectOk(seeker);
    const referral = await post(cityClerk, '/api/v1/labour-market/referrals', {
      seekerId: seeker.json<{ id: string }>().id,
      postingId,
      note: '',
    });
    expectOk(referral, 201);
    const hired = await post(
      employer,
      `/api/v1/labour-market/my-referrals/${referral.json<{ id: string }>().id}/answer`,
      {
        answer: 'hired',
      },
    );
    expect(hired.json()).toMatchObject({ state: 'hired', registrationError: 'PERSON_NOT_FOUND' });
    expect(hired.json<{ registrationId?: string }>().registrationId).toBeUndefined();
  });

  it('a person’s account is not a unit’s: it posts nothing', async () => {
    const res = await post(graduate, '/api/v1/labour-market/my-postings', job());
    expect(res.json()).toMatchObject({ code: 'NOT_A_UNIT' });
  });

  it('a referral to an expired posting is refused, naming the field', async () => {
    const id = await published({ title: '数控车工（短期）', validFrom: '2026-11-01', validTo: '2026-11-23' });
    clock.setDate('2026-11-24');
    // A day on, sessions from before have ended: the case worker logs in again.
    const res = await post(await login(app, 'lm-case'), '/api/v1/labour-market/referrals', {
      seekerId,
      postingId: id,
      note: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'POSTING_NOT_OPEN', field: 'postingId' });
  });
});
