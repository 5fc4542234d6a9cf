import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { minimumWageError, type StandardLookup } from './posting-checks.js';

/**
 * What a unit may post: one open posting per job (the same title, occupation, workplace and pay),
 * no monthly pay below the workplace's minimum wage (《劳动法》 第四十八条), and a workplace in the
 * unit's own province, a region the system knows.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, employer: Client;
let unitId: string;

const job = (extra: Record<string, unknown> = {}) => ({
  title: '装配工',
  occupationCode: '6-18-01-01',
  headcount: 5,
  payMinFen: 400_000,
  payMaxFen: 550_000,
  regionCode: '510104',
  place: '锦江区工业园2号',
  requirements: '',
  description: '流水线装配',
  contact: '人事部 028-0000001',
  validFrom: '2026-11-23',
  validTo: '2027-01-31',
  ...extra,
});
const postOwn = (body: unknown, language = 'zh-CN') =>
  employer.request('POST', '/api/v1/labour-market/my-postings', body, { 'accept-language': language });
const titles = async () =>
  (await employer.request('GET', '/api/v1/labour-market/my-postings')).json<{
    postings: { id: string; title: string; state: string; payMaxFen: number }[];
  }>().postings;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'pr-clerk', ['clerk'], '510104');
  employer = await applicant(app, {
    kind: 'organisation',
    creditCode: creditCode('510104'),
    name: '锦江装配制造有限公司',
    category: 'enterprise',
    regionCode: '510104',
    username: 'pr-unit',
  });
  unitId = (await employer.request('GET', '/api/v1/session')).json<{ account: { organisationId: string } }>().account
    .organisationId;
}, 60_000);
afterAll(() => app.close());

describe('one open posting per job of a unit (重复发布)', () => {
  it('the same posting sent fifty times at once is saved once; the others are told, naming the field', async () => {
    const sent = await Promise.all(Array.from({ length: 50 }, () => postOwn(job())));
    expect(sent.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = sent.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.json()).toMatchObject({ code: 'DUPLICATE_POSTING', field: 'title' });
    expect(refused[0]?.json<{ message: string }>().message).toContain('2027-01-31');
    expect((await titles()).filter((p) => p.title === '装配工')).toHaveLength(1);
  });

  it('the refusal reads in English too', async () => {
    const res = await postOwn(job(), 'en-US');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('already has this job');
  });

  it('a clerk posting it on the unit’s behalf is refused the same way; a reworded place is still the same job', async () => {
    const res = await clerk.request('POST', '/api/v1/labour-market/postings', {
      organisationId: unitId,
      ...job({ place: '锦江区工业园2号厂房', headcount: 8 }),
    });
    expect(res.json()).toMatchObject({ code: 'DUPLICATE_POSTING', field: 'title' });
  });

  it('another pay range is another job; once the first is withdrawn, it may be posted again', async () => {
    expectOk(await postOwn(job({ payMaxFen: 600_000 })), 201);
    const first = (await titles()).find((p) => p.title === '装配工' && p.payMaxFen === 550_000);
    expectOk(await employer.request('POST', `/api/v1/labour-market/my-postings/${first?.id}/withdrawal`));
    expectOk(await postOwn(job()), 201);
  });

  it('correcting one posting into a copy of another open one is refused', async () => {
    const made = await postOwn(job({ title: '包装工' }));
    expectOk(made, 201);
    const id = made.json<{ id: string }>().id;
    const res = await employer.request('PUT', `/api/v1/labour-market/my-postings/${id}`, job());
    expect(res.json()).toMatchObject({ code: 'DUPLICATE_POSTING', field: 'title' });
  });
});

describe('pay at least the local minimum wage (最低工资标准)', () => {
  it('a monthly pay below the workplace’s standard is refused, naming the standard and its amount', async () => {
    // The seed's example standard for 四川 (510000) is 2,100元 a month from 2023-01-01.
    const res = await postOwn(job({ title: '保洁员', payMinFen: 180_000, payMaxFen: 250_000 }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'PAY_BELOW_MINIMUM_WAGE', field: 'payMinFen' });
    const message = res.json<{ message: string }>().message;
    expect(message).toContain('最低工资标准');
    expect(message).toContain('2,100元');
    expect(message).toContain('1,800元');
    const en = await postOwn(job({ title: '保洁员', payMinFen: 180_000, payMaxFen: 250_000 }), 'en-US');
    expect(en.json<{ message: string }>().message).toContain('minimum wage of the workplace, ¥2,100.00');
  });

  it('pay equal to the standard is accepted', async () => {
    expectOk(await postOwn(job({ title: '保洁员', payMinFen: 210_000, payMaxFen: 250_000 })), 201);
  });

  it('a standard raised from a later day holds a posting that starts on or after it', async () => {
    const officer = await staff(app, 'pr-officer', ['parameter-officer'], '510100');
    const set = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'minimum-wage.monthly',
      regionCode: '510100',
      from: '2027-01-01',
      value: 250_000,
      note: '示例：成都市调整后的月最低工资标准',
    });
    expect(set.statusCode, set.body).toBe(201);
    const later = await postOwn(
      job({ title: '仓管员', payMinFen: 230_000, payMaxFen: 300_000, validFrom: '2027-01-05', validTo: '2027-03-31' }),
    );
    expect(later.json()).toMatchObject({ code: 'PAY_BELOW_MINIMUM_WAGE', field: 'payMinFen' });
    expect(later.json<{ message: string }>().message).toContain('2,500元（2027-01-01起执行');
    // Starting today, the standard in force today (2,100元) is the one it is held to.
    expectOk(await postOwn(job({ title: '仓管员', payMinFen: 230_000, payMaxFen: 300_000 })), 201);
  });

  it('only a monthly pay is compared; where the region has no standard the posting is left to review', async () => {
    const standard: StandardLookup = async () => ({
      parameter: 'minimum-wage.monthly',
      region: '510000',
      from: '2023-01-01',
      value: 210_000,
      source: 'example',
    });
    const daily = { payMinFen: 20_000, regionCode: '510104', validFrom: '2026-11-23' };
    expect(await minimumWageError(standard, daily, 'day', '2026-11-23')).toBeUndefined();
    expect(await minimumWageError(standard, daily, 'piece', '2026-11-23')).toBeUndefined();
    expect((await minimumWageError(standard, daily, 'month', '2026-11-23'))?.code).toBe('PAY_BELOW_MINIMUM_WAGE');
    expect(await minimumWageError(async () => undefined, daily, 'month', '2026-11-23')).toBeUndefined();
  });
});

describe('the workplace: a known region in the unit’s own province', () => {
  it('a workplace in another province is refused, naming the field', async () => {
    const res = await postOwn(job({ title: '外派装配工', regionCode: '620102' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'WORKPLACE_OUT_OF_PROVINCE', field: 'regionCode' });
    expect(res.json<{ message: string }>().message).toContain('劳务协作');
    // Both places by their names, in the reader's language.
    expect(res.json<{ message: string }>().message).toContain('工作地点 城关区 不在本单位所在省份（四川省）内');
    const en = await postOwn(job({ title: '外派装配工', regionCode: '620102' }), 'en-US');
    expect(en.json<{ message: string }>().message).toContain(
      'the workplace Chengguan District is outside the unit’s province (Sichuan)',
    );
  });

  it('nor may a posting be corrected to move it there', async () => {
    const made = await postOwn(job({ title: '调试工' }));
    expectOk(made, 201);
    const id = made.json<{ id: string }>().id;
    const res = await employer.request(
      'PUT',
      `/api/v1/labour-market/my-postings/${id}`,
      job({ title: '调试工', regionCode: '520102' }),
    );
    expect(res.json()).toMatchObject({ code: 'WORKPLACE_OUT_OF_PROVINCE', field: 'regionCode' });
  });

  it('a code no region has is refused; another county of the province is accepted', async () => {
    const unknown = await postOwn(job({ title: '外派装配工', regionCode: '510199' }));
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_REGION', field: 'regionCode' });
    expectOk(await postOwn(job({ title: '外派装配工', regionCode: '510105' })), 201);
  });
});
