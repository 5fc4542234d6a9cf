import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payableClaim } from '../payments/payable.test-kit.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 执行率 for the caller's regions as a whole (the dashboard's headline): a city's row already holds
 * its districts' payments, and money the city allocates down is received again by the district, so
 * adding the rows up counts both twice. The total counts money once, as it came in from outside the
 * caller's regions, and each payment once.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let city: Client, jinjiang: Client, qingyang: Client;

type Execution = {
  byRegionFund: { regionCode: string; receivedFen: number; executedFen: number }[];
  total: { receivedFen: number; executedFen: number; ratePermille: number };
};
const execution = async (c: Client) => (await c.request('GET', '/api/v1/funds/execution?year=2026')).json<Execution>();

beforeAll(async () => {
  app = await startTestApp({ clock });
  city = await staff(app, 'city-finance', ['finance'], '510100');
  jinjiang = await staff(app, 'jinjiang-finance', ['finance'], '510104');
  qingyang = await staff(app, 'qingyang-finance', ['finance'], '510105');
  // The city is issued 60,000元 and allocates 15,000元 to each of two districts; 青羊 is also issued
  // 5,000元 of its own.
  const fund = await city.request('POST', '/api/v1/funds', {
    code: 'CD-2026-T',
    name: '成都市就业补助资金',
    source: 'city-employment',
    year: 2026,
    regionCode: '510100',
  });
  expectOk(fund, 201);
  const cityFund = fund.json<{ id: string }>().id;
  expectOk(await city.request('POST', `/api/v1/funds/${cityFund}/issuance`, { amountFen: 6_000_000 }));
  for (const toRegion of ['510104', '510105'])
    expectOk(
      await city.request('POST', `/api/v1/funds/${cityFund}/allocations`, {
        fromRegion: '510100',
        toRegion,
        amountFen: 1_500_000,
      }),
    );
  const county = await qingyang.request('POST', '/api/v1/funds', {
    code: 'QY-2026-T',
    name: '青羊区就业补助资金',
    source: 'county-employment',
    year: 2026,
    regionCode: '510105',
  });
  expectOk(county, 201);
  expectOk(
    await qingyang.request('POST', `/api/v1/funds/${county.json<{ id: string }>().id}/issuance`, {
      amountFen: 500_000,
    }),
  );
  // One skill-evaluation subsidy of 300元 paid in 锦江, from the city's money allocated there.
  const desk = {
    clerk: await staff(app, 'clerk', ['clerk'], '510104'),
    counter: await staff(app, 'counter', ['clerk'], '510104'),
    reviewer: await staff(app, 'reviewer', ['reviewer'], '510104'),
    approver: await staff(app, 'approver', ['approver'], '510104'),
  };
  const { applicationId } = await payableClaim(desk, { key: 'totals-1', name: '执行' });
  expectOk(
    await jinjiang.request('POST', `/api/v1/applications/${applicationId}/transitions`, {
      action: 'pay',
      paymentReference: 'T-1',
    }),
  );
}, 60_000);
afterAll(() => app.close());

describe('budget execution for the caller’s regions as a whole', () => {
  it('the city: 65,000元 came in and 300元 was paid, though its rows add up to 95,000元 and 600元', async () => {
    const { byRegionFund, total } = await execution(city);
    const sum = (k: 'receivedFen' | 'executedFen') => byRegionFund.reduce((n, r) => n + r[k], 0);
    expect([sum('receivedFen'), sum('executedFen')]).toEqual([9_500_000, 60_000]);
    expect(total).toEqual({ receivedFen: 6_500_000, executedFen: 30_000, ratePermille: 4 });
  });

  it('a district: what the city allocated to it came in from outside it', async () => {
    expect((await execution(jinjiang)).total).toEqual({
      receivedFen: 1_500_000,
      executedFen: 30_000,
      ratePermille: 20,
    });
    expect((await execution(qingyang)).total).toEqual({ receivedFen: 2_000_000, executedFen: 0, ratePermille: 0 });
  });
});
