import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;
const ids: Record<string, { application: string; idNumber: string }> = {};
const UNIT = creditCode('510104');

async function take(
  name: string,
  subsidy: string,
  facts: object[],
  claim: object,
  actions: [Client, string, object?][],
) {
  const id = idNumber('2004-03-05', 'female', '510104');
  const person = await clerk.request('POST', '/api/v1/people', { idNumber: id, name, regionCode: '510104', facts });
  expectOk(person, 201);
  const filed = await clerk.request('POST', '/api/v1/applications', {
    subsidy,
    personId: person.json<{ id: string }>().id,
    claim,
    idempotencyKey: `disclose-${Object.keys(ids).length}-key`,
    submit: true,
  });
  expectOk(filed, 201);
  const application = filed.json<{ id: string }>().id;
  for (const [c, action, extra] of actions)
    expectOk(await c.request('POST', `/api/v1/applications/${application}/transitions`, { action, ...extra }));
  ids[name] = { application, idNumber: id };
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 10_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
  approver = await staff(app, 'approver', ['approver'], '510104');
  finance = await staff(app, 'finance', ['finance'], '510104');
  expectOk(
    await clerk.request('POST', '/api/v1/organisations', {
      creditCode: UNIT,
      name: '锦江区城市管理局',
      category: 'government-organ',
      regionCode: '510104',
    }),
    201,
  );
  const upToApproval: [Client, string][] = [
    [counter, 'accept'],
    [reviewer, 'review'],
    [approver, 'approve'],
  ];
  await take(
    '王小红',
    'one-time-job-seeking',
    [
      { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
    {},
    [...upToApproval, [approver, 'publicise']],
  );
  await take(
    '李大明',
    'public-welfare-post',
    [
      { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-06-01' } },
      {
        kind: 'employment',
        data: { kind: 'public-welfare-post', employer: UNIT, from: '2026-01-01', placement: 1, postName: '社区保洁' },
      },
    ],
    { fromMonth: '2026-01', toMonth: '2026-03' },
    [...upToApproval, [approver, 'release'], [finance, 'pay', { paymentReference: 'B1' }]],
  );
  await take(
    '赵未批',
    'one-time-job-seeking',
    [
      { kind: 'status', data: { kind: 'tekun', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
    {},
    [[counter, 'accept']],
  );
}, 60_000);
afterAll(() => app.close());

describe('public disclosure lists (公示)', () => {
  it('lists the job-seeking subsidy during its publicity and the post subsidy once paid, masked, and nobody still in review', async () => {
    const res = await app.http.inject({ url: '/api/v1/disclosures?region=510104' });
    expectOk(res);
    const { rows, masking } = res.json<{ rows: Record<string, unknown>[]; masking: object }>();
    expect(masking).toEqual({ idKeepStart: 6, idKeepEnd: 4, nameKeepLast: false });
    expect(rows).toHaveLength(2);
    const jobSeeking = rows.find((r) => r.subsidy === 'one-time-job-seeking');
    expect(jobSeeking).toMatchObject({
      recipient: '王**',
      status: 'publicised',
      publicityEndsOn: '2026-11-30',
      amountFen: 150_000,
    });
    expect(jobSeeking?.idNumber).toBe(
      `${ids['王小红']!.idNumber.slice(0, 6)}********${ids['王小红']!.idNumber.slice(14)}`,
    );
    expect(rows.find((r) => r.subsidy === 'public-welfare-post')).toMatchObject({
      recipient: '李**',
      unit: '锦江区城市管理局',
      post: '社区保洁',
      period: '2026-01 — 2026-03',
      status: 'paid',
      standard: { zh: '2,100元/月 × 3个月', en: '¥2,100.00 a month × 3 months' },
      amountFen: 630_000,
    });
    expect(res.body).not.toContain(ids['王小红']!.idNumber);
    expect(res.body).not.toContain('赵');
  });

  it('counts the year by subsidy: who was paid and how much, and what is still in publicity', async () => {
    const summary = async (query: string) => {
      const res = await app.http.inject({ url: `/api/v1/disclosures/summary?${query}` });
      expectOk(res);
      return res.json<{ subsidies: unknown[]; total: unknown }>();
    };
    const district = await summary('region=510104&year=2026');
    expect(district.subsidies).toEqual([
      {
        subsidy: 'one-time-job-seeking',
        subsidyName: { zh: '一次性求职补贴', en: expect.any(String) },
        recipients: 0,
        payments: 0,
        paidFen: 0,
        pending: 1,
        pendingFen: 150_000,
      },
      {
        subsidy: 'public-welfare-post',
        subsidyName: expect.objectContaining({ zh: '公益性岗位补贴' }),
        recipients: 1,
        payments: 1,
        paidFen: 630_000,
        pending: 0,
        pendingFen: 0,
      },
    ]);
    expect(district.total).toEqual({ payments: 1, paidFen: 630_000, pending: 1, pendingFen: 150_000 });
    // The city's year holds its districts'; another year, and another province, hold none of it.
    expect((await summary('region=510100&year=2026')).total).toEqual(district.total);
    expect((await summary('region=510104&year=2025')).subsidies).toEqual([]);
    expect((await summary('region=620102&year=2026')).subsidies).toEqual([]);
    const refused = await app.http.inject({ url: '/api/v1/disclosures/summary?region=510104&year=26' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'year' });
  });

  it('sets the year’s employment targets beside what the registrations show was achieved', async () => {
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('1990-04-04', 'male', '510104'),
      name: '再就业',
      regionCode: '510104',
    });
    const personId = person.json<{ id: string }>().id;
    const registration = { personId, regionCode: '510104', basis: 'residence' };
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', {
        ...registration,
        kind: 'unemployment',
        startsOn: '2026-09-01',
      }),
      201,
    );
    // A job from 2 November: a new job this year, and the unemployment before it ended by work.
    expectOk(
      await clerk.request('POST', '/api/v1/employment-services/registrations', {
        ...registration,
        kind: 'employment',
        employmentKind: 'labour-contract',
        employerCreditCode: UNIT,
        startsOn: '2026-11-02',
      }),
      201,
    );
    const officer = await staff(app, 'target-officer', ['parameter-officer'], '510104');
    const target = (parameter: string, from: string, value: number) =>
      officer.request('POST', '/api/v1/parameters', {
        parameter,
        regionCode: '510104',
        from,
        value,
        note: '锦江区2026年就业工作目标',
      });
    const set = await target('employment-target.new-urban-jobs', '2026-01-01', 12_000);
    expectOk(set, 201);
    // A year's target is for its calendar year, to 31 December, whether or not the officer says so.
    expect(set.json()).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    // Decided on 20 December for the next year, it is entered from the next 1 January, not then.
    const early = await target('employment-target.hard-to-employ-employed', '2025-12-20', 50);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ field: 'from' });
    expect(early.json<{ message: string }>().message).toContain('1月1日');
    const halfYear = await officer.request('POST', '/api/v1/parameters', {
      parameter: 'employment-target.hard-to-employ-employed',
      regionCode: '510104',
      from: '2026-01-01',
      to: '2026-06-30',
      value: 50,
      note: '半年目标',
    });
    expect(halfYear.json()).toMatchObject({ field: 'to' });
    // Last year's target is not this year's.
    expectOk(await target('employment-target.unemployed-reemployed', '2025-01-01', 3_000), 201);
    const targets = async (region: string) =>
      (await app.http.inject({ url: `/api/v1/disclosures/summary?region=${region}&year=2026` })).json<{
        targets: { indicator: string; target?: number; achieved: number }[];
      }>().targets;
    expect(await targets('510104')).toEqual([
      expect.objectContaining({
        indicator: 'employment-target.new-urban-jobs',
        target: 12_000,
        achieved: 1,
        ratePermille: 0,
      }),
      { indicator: 'employment-target.unemployed-reemployed', name: expect.any(Object), achieved: 1 },
      { indicator: 'employment-target.hard-to-employ-employed', name: expect.any(Object), achieved: 0 },
    ]);
    // The city counts its districts' work, but a district's target is not the city's.
    expect((await targets('510100')).map((t) => [t.target, t.achieved])).toEqual([
      [undefined, 1],
      [undefined, 1],
      [undefined, 0],
    ]);
  });

  it('drops a revoked claim', async () => {
    expectOk(
      await approver.request('POST', `/api/v1/applications/${ids['李大明']!.application}/transitions`, {
        action: 'revoke',
        reason: '经查未实际上岗',
      }),
    );
    const rows = (await app.http.inject({ url: '/api/v1/disclosures?region=510104' })).json<{
      rows: { subsidy: string }[];
    }>().rows;
    expect(rows.map((r) => r.subsidy)).toEqual(['one-time-job-seeking']);
  });

  it('a page is built once while nothing changes and is the page a read would give', async () => {
    const serialise = (list: unknown) => JSON.stringify(list);
    const first = await app.disclosures.page({ region: '510104' }, serialise);
    expect(await app.disclosures.page({ region: '510104' }, serialise)).toBe(first);
    expect(await app.disclosures.page({ region: '510100' }, serialise)).not.toBe(first);
    expect(JSON.parse(first.bytes.toString('utf8'))).toEqual(await app.disclosures.list({ region: '510104' }));
  });

  it('is published as Excel too, and another region sees nothing of this one', async () => {
    const res = await app.http.inject({ url: '/api/v1/disclosures/export?region=510104' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0]?.getRow(2);
    expect(row?.getCell(3).value).toBe('王**');
    // 补贴金额(元): a number Excel can add up, as the list's own amount.
    const listed = (await app.http.inject({ url: '/api/v1/disclosures?region=510104' })).json<{
      rows: { amountFen: number }[];
    }>();
    expect(row?.getCell(9).value).toBe((listed.rows[0]?.amountFen ?? 0) / 100);
    expect(typeof row?.getCell(9).value).toBe('number');
    expect((await app.http.inject({ url: '/api/v1/disclosures?region=620102' })).json()).toMatchObject({
      total: 0,
      rows: [],
    });
  });

  it('dates a row by the day in Beijing: a claim publicised at 00:30 on 1 December is listed on 1 December', async () => {
    clock.setDate('2026-11-30');
    try {
      // A week on, the sessions of the morning have expired: the same roles sign in afresh.
      const signIn = (name: string, role: string) => staff(app, `${name}-a-week-on`, [role], '510104');
      [clerk, counter, reviewer, approver] = [
        await signIn('clerk', 'clerk'),
        await signIn('counter', 'clerk'),
        await signIn('reviewer', 'reviewer'),
        await signIn('approver', 'approver'),
      ];
      await take(
        '钱小冬',
        'one-time-job-seeking',
        [
          { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
          { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
        ],
        {},
        [
          [counter, 'accept'],
          [reviewer, 'review'],
          [approver, 'approve'],
        ],
      );
      // 00:30 on 1 December in Beijing is still 30 November in UTC.
      clock.advanceMinutes(14 * 60 + 30);
      approver = await staff(app, 'approver-after-midnight', ['approver'], '510104');
      expectOk(
        await approver.request('POST', `/api/v1/applications/${ids['钱小冬']!.application}/transitions`, {
          action: 'publicise',
        }),
      );
      const rows = (await app.http.inject({ url: '/api/v1/disclosures?region=510104' })).json<{
        rows: { recipient: string; date: string }[];
      }>().rows;
      expect(rows.find((r) => r.recipient === '钱**')).toMatchObject({ date: '2026-12-01' });
    } finally {
      clock.setDate('2026-11-23');
    }
  });
});

describe('the masking rule is the region’s to set', () => {
  it('reads the region’s parameters, else the documented default', async () => {
    const other = await startTestApp({ clock });
    await other.database.db
      .insertInto('parameter_value')
      .values([
        {
          parameter: 'disclosure.id-keep-start',
          region_code: '510000',
          valid_from: '2026-01-01',
          value: '3',
          source: 'local-setting',
          note: '四川：身份证号显示前3位',
        },
        {
          parameter: 'disclosure.name-keep-last',
          region_code: '510000',
          valid_from: '2026-01-01',
          value: '1',
          source: 'local-setting',
          note: '四川：姓名显示首尾字',
        },
      ])
      .execute();
    expect((await other.disclosures.list({ region: '510104' })).masking).toEqual({
      idKeepStart: 3,
      idKeepEnd: 4,
      nameKeepLast: true,
    });
    expect((await other.disclosures.list({ region: '620102' })).masking).toEqual({
      idKeepStart: 6,
      idKeepEnd: 4,
      nameKeepLast: false,
    });
    await other.close();
  });
});
