import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let province: Client, city: Client, clerk: Client, counter: Client, reviewer: Client, approver: Client, finance: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  province = await staff(app, 'province-finance', ['finance'], '510000');
  city = await staff(app, 'city-finance', ['finance'], '510100');
  clerk = await staff(app, 'clerk', ['clerk'], '510105');
  counter = await staff(app, 'counter', ['clerk'], '510105');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510105');
  approver = await staff(app, 'approver', ['approver'], '510105');
  finance = await staff(app, 'county-finance', ['finance'], '510105');
});
afterAll(() => app.close());

type Fund = { id: string; balances: { regionCode: string; kind: string; balanceFen: number }[] };
const balance = (f: Fund, region: string, kind: string) =>
  f.balances.find((b) => b.regionCode === region && b.kind === kind)?.balanceFen ?? 0;

async function createFund(
  by: Client,
  code: string,
  source: string,
  region: string,
  amountFen: number,
): Promise<string> {
  const created = await by.request('POST', '/api/v1/funds', {
    code,
    name: code,
    source,
    year: 2026,
    regionCode: region,
  });
  expectOk(created, 201);
  const id = created.json<{ id: string }>().id;
  expectOk(await by.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen, idempotencyKey: `issue-${code}` }));
  return id;
}

const act = (c: Client, id: string, action: string, extra: Record<string, unknown> = {}) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, { action, ...extra });

let filings = 0;

async function toReviewed(subsidy: string, facts: object[], claim: object = {}): Promise<string> {
  const person = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber('1975-05-05'),
    name: '资金',
    regionCode: '510105',
    facts,
  });
  expectOk(person, 201);
  const filed = await clerk.request('POST', '/api/v1/applications', {
    subsidy,
    personId: person.json<{ id: string }>().id,
    claim,
    idempotencyKey: `funds-${subsidy}-${++filings}`,
    submit: true,
  });
  expectOk(filed, 201);
  const id = filed.json<{ id: string }>().id;
  expectOk(await act(counter, id, 'accept'));
  expectOk(await act(reviewer, id, 'review'));
  return id;
}

const welfarePost = [
  { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-06-01' } },
  {
    kind: 'employment',
    data: { kind: 'public-welfare-post', employer: '91510105MA00000013', from: '2026-01-01', placement: 1 },
  },
];
const evaluation = [
  { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
  {
    kind: 'certificate',
    data: {
      id: 'E1',
      kind: 'skill-level',
      occupation: '焊工',
      level: 5,
      issuedOn: '2026-10-01',
      firstEvaluation: true,
    },
  },
];

describe('funds and budgets', () => {
  it('issues into the fund’s region and allocates down the tree, once per idempotency key', async () => {
    const id = await createFund(city, 'CD-2026-A', 'city-employment', '510100', 1_000_000);
    expectOk(
      await city.request('POST', `/api/v1/funds/${id}/issuance`, {
        amountFen: 1_000_000,
        idempotencyKey: 'issue-CD-2026-A',
      }),
    );
    expectOk(
      await city.request('POST', `/api/v1/funds/${id}/allocations`, {
        fromRegion: '510100',
        toRegion: '510104',
        amountFen: 400_000,
      }),
    );
    const fund = (await city.request('GET', '/api/v1/funds'))
      .json<{ funds: Fund[] }>()
      .funds.find((f) => f.id === id) as Fund;
    expect([balance(fund, '510100', 'available'), balance(fund, '510104', 'available')]).toEqual([600_000, 400_000]);
  });

  it('refuses to allocate more than is available, or sideways, and changes nothing', async () => {
    const id = await createFund(city, 'CD-2026-B', 'city-employment', '510100', 1_000);
    expect(
      (
        await city.request('POST', `/api/v1/funds/${id}/allocations`, {
          fromRegion: '510100',
          toRegion: '510104',
          amountFen: 1_001,
        })
      ).json(),
    ).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(
      (
        await city.request('POST', `/api/v1/funds/${id}/allocations`, {
          fromRegion: '510104',
          toRegion: '510105',
          amountFen: 1,
        })
      ).json(),
    ).toMatchObject({ code: 'NOT_BELOW' });
    const fund = (await city.request('GET', '/api/v1/funds'))
      .json<{ funds: Fund[] }>()
      .funds.find((f) => f.id === id) as Fund;
    expect(balance(fund, '510100', 'available')).toBe(1_000);
  });

  it('approval without money behind it is refused', async () => {
    const id = await toReviewed('skill-evaluation', evaluation, { certificateId: 'E1' });
    // The region by its name, not its code.
    expect((await act(approver, id, 'approve')).json()).toMatchObject({
      code: 'NO_FUND',
      message: expect.stringContaining('青羊区 没有可支付该补贴的资金'),
    });
  });

  it('四川 provincial money does not pay a post subsidy (四川 办法 第十一条), but does pay an evaluation', async () => {
    const id = await createFund(province, 'SC-2026-P', 'provincial-employment', '510000', 10_000_000);
    expectOk(
      await province.request('POST', `/api/v1/funds/${id}/allocations`, {
        fromRegion: '510000',
        toRegion: '510105',
        amountFen: 10_000_000,
      }),
    );
    const post = await toReviewed('public-welfare-post', welfarePost, { fromMonth: '2026-01', toMonth: '2026-03' });
    expect((await act(approver, post, 'approve')).json()).toMatchObject({
      code: 'SPENDING_RULE',
      message: expect.stringContaining('第十一条'),
    });
    const evaluationId = await toReviewed('skill-evaluation', evaluation, { certificateId: 'E1' });
    expect((await act(approver, evaluationId, 'approve')).json()).toMatchObject({
      state: 'approved',
      amountFen: 30_000,
    });
  });

  it('a county fund pays the post subsidy; rejection after approval releases the commitment; revocation recovers the money', async () => {
    const id = await createFund(finance, 'QY-2026-C', 'county-employment', '510105', 5_000_000);
    const fund = async () =>
      (await finance.request('GET', '/api/v1/funds')).json<{ funds: Fund[] }>().funds.find((f) => f.id === id) as Fund;

    const rejected = await toReviewed('public-welfare-post', welfarePost, { fromMonth: '2026-01', toMonth: '2026-03' });
    expectOk(await act(approver, rejected, 'approve'));
    expect(balance(await fund(), '510105', 'committed')).toBe(3 * 210_000);
    expectOk(await act(approver, rejected, 'reject', { reason: '复核发现岗位未实际上岗' }));
    expect([balance(await fund(), '510105', 'committed'), balance(await fund(), '510105', 'available')]).toEqual([
      0, 5_000_000,
    ]);

    const paid = await toReviewed('public-welfare-post', welfarePost, { fromMonth: '2026-04', toMonth: '2026-05' });
    expectOk(await act(approver, paid, 'approve'));
    expectOk(await act(approver, paid, 'release'));
    expectOk(await act(finance, paid, 'pay', { paymentReference: 'B-1' }));
    expect(balance(await fund(), '510105', 'paid')).toBe(2 * 210_000);
    expectOk(await act(approver, paid, 'revoke', { reason: '重复享受', recoveryFen: 210_000 }));
    expect([balance(await fund(), '510105', 'paid'), balance(await fund(), '510105', 'recovered')]).toEqual([
      210_000, 210_000,
    ]);

    // Execution: received 50,000元, paid 4,200元 and recovered 2,100元 → 2,100元, 4.2%.
    const execution = (await finance.request('GET', '/api/v1/funds/execution?year=2026')).json<{
      byRegionFund: object[];
      bySubsidyMonth: object[];
    }>();
    expect(execution.byRegionFund).toContainEqual({
      regionCode: '510105',
      fundId: id,
      fundCode: 'QY-2026-C',
      fundName: expect.any(String),
      receivedFen: 5_000_000,
      executedFen: 210_000,
      ratePermille: 42,
    });
    expect(execution.bySubsidyMonth).toContainEqual({
      subsidy: 'public-welfare-post',
      month: '2026-11',
      paidFen: 210_000,
      payments: 1,
    });

    // Behind the 2,100元: the payment and the recovery, each with its application; none before 2026.
    const items = (
      await finance.request('GET', `/api/v1/funds/execution/items?regionCode=510105&fundId=${id}&year=2026`)
    ).json<{ total: number; items: { kind: string; amountFen: number; applicationId?: string }[] }>();
    expect(items.total).toBe(2);
    expect(items.items.map((i) => [i.kind, i.amountFen, i.applicationId])).toEqual(
      expect.arrayContaining([
        ['pay', 420_000, paid],
        ['recover', 210_000, paid],
      ]),
    );
    const before = `/api/v1/funds/execution/items?regionCode=510105&fundId=${id}&from=2025-01-01&to=2025-12-31`;
    expect((await finance.request('GET', before)).json()).toEqual({ total: 0, items: [] });
    expect(
      (await finance.request('GET', `/api/v1/funds/execution?from=2025-01-01&to=2025-12-31`))
        .json<{
          byRegionFund: { fundId: string }[];
        }>()
        .byRegionFund.filter((r) => r.fundId === id),
    ).toEqual([]);
    expect(
      (await finance.request('GET', `/api/v1/funds/execution/items?regionCode=620102&fundId=${id}`)).statusCode,
    ).toBe(404);
  });

  it('every balance is the sum of its statement, each entry naming its other side and application', async () => {
    type Entry = { kind: string; amountFen: number; counterpart: { regionCode: string; account: string } };
    type Statement = { balanceFen: number; total: number; entries: (Entry & { applicationId?: string })[] };
    const statement = async (by: Client, fundId: string, region: string, account: string) =>
      by.request('GET', `/api/v1/funds/${fundId}/entries?regionCode=${region}&account=${account}&limit=200`);
    const funds = (await city.request('GET', '/api/v1/funds')).json<{ funds: (Fund & { code: string })[] }>().funds;
    let checked = 0;
    for (const f of funds)
      for (const b of f.balances) {
        const s = (await statement(city, f.id, b.regionCode, b.kind)).json<Statement>();
        expect(s.balanceFen, `${f.code} ${b.regionCode} ${b.kind}`).toBe(b.balanceFen);
        expect(
          s.entries.reduce((sum, e) => sum + e.amountFen, 0),
          `${f.code} ${b.regionCode} ${b.kind}`,
        ).toBe(b.balanceFen);
        expect(s.total).toBe(s.entries.length);
        checked++;
      }
    expect(checked).toBeGreaterThan(8);

    // The county fund's 已支付: two payments in from 已承诺, one recovery out to 已追回, newest first.
    const county = funds.find((f) => f.code === 'QY-2026-C')!;
    const paid = (await statement(finance, county.id, '510105', 'paid')).json<Statement>();
    expect(paid.entries.map((e) => [e.kind, e.amountFen, e.counterpart.account])).toEqual([
      ['recover', -210_000, 'recovered'],
      ['pay', 420_000, 'committed'],
    ]);
    expect(paid.entries.every((e) => e.applicationId)).toBe(true);

    // Another county's statement, or a fund's in a region above the caller, is not theirs to read.
    const neighbour = await staff(app, 'neighbour-finance', ['finance'], '510104');
    expect((await statement(neighbour, county.id, '510105', 'paid')).statusCode).toBe(404);
    expect((await statement(finance, county.id, '510100', 'available')).statusCode).toBe(404);
    expect((await statement(finance, county.id, '510105', 'treasury')).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'account',
    });
  });
});
