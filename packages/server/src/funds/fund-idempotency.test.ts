import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Budget issued (下达 from outside) and allocated down the tree once per idempotency key, however
 * the request is repeated: again after it was done, or many times at once (a client retrying on a
 * timeout while the first is still running). On a database server the copies really run side by
 * side; each gets the fund as the one posting left it, none an error.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let city: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  city = await staff(app, 'city-finance', ['finance'], '510100');
}, 120_000);
afterAll(() => app?.close());

type Fund = { id: string; balances: { regionCode: string; kind: string; balanceFen: number }[] };
const available = (f: Fund, region: string) =>
  f.balances.find((b) => b.regionCode === region && b.kind === 'available')?.balanceFen ?? 0;

async function fundOf(id: string): Promise<Fund> {
  return (await city.request('GET', '/api/v1/funds')).json<{ funds: Fund[] }>().funds.find((f) => f.id === id) as Fund;
}

async function newFund(code: string): Promise<string> {
  const created = await city.request('POST', '/api/v1/funds', {
    code,
    name: code,
    source: 'city-employment',
    year: 2026,
    regionCode: '510100',
  });
  expectOk(created, 201);
  return created.json<{ id: string }>().id;
}

describe('a fund’s postings, once per idempotency key', () => {
  it('50 issuances with one key at once: every one answers with the fund, the money issued once', async () => {
    const id = await newFund('RACE-ISSUE');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        city.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen: 300_000, idempotencyKey: 'race-issue-1' }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    for (const answer of answers) expect(available(answer.json<Fund>(), '510100')).toBe(300_000);
  });

  it('50 allocations with one key at once: allocated once, the rest answered with the fund', async () => {
    const id = await newFund('RACE-ALLOCATE');
    expectOk(
      await city.request('POST', `/api/v1/funds/${id}/issuance`, {
        amountFen: 1_000_000,
        idempotencyKey: 'race-issue-2',
      }),
    );
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        city.request('POST', `/api/v1/funds/${id}/allocations`, {
          fromRegion: '510100',
          toRegion: '510104',
          amountFen: 100_000,
          idempotencyKey: 'race-allocate-1',
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const fund = await fundOf(id);
    expect([available(fund, '510100'), available(fund, '510104')]).toEqual([900_000, 100_000]);
  });

  it('a key already used for another posting is refused, naming the field, and nothing moves', async () => {
    const id = await newFund('KEY-REUSED');
    expectOk(
      await city.request('POST', `/api/v1/funds/${id}/issuance`, {
        amountFen: 500_000,
        idempotencyKey: 'reused-key-1',
      }),
    );
    const other = await city.request('POST', `/api/v1/funds/${id}/allocations`, {
      fromRegion: '510100',
      toRegion: '510104',
      amountFen: 100_000,
      idempotencyKey: 'reused-key-1',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'POSTING_KEY_REUSED', field: 'idempotencyKey' });
    const more = await city.request('POST', `/api/v1/funds/${id}/issuance`, {
      amountFen: 600_000,
      idempotencyKey: 'reused-key-1',
    });
    expect(more.json()).toMatchObject({ code: 'POSTING_KEY_REUSED' });
    const fund = await fundOf(id);
    expect([available(fund, '510100'), available(fund, '510104')]).toEqual([500_000, 0]);
  });
});
