import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A fund's requests repeated at once, sent by another county's finance officer, or malformed. One
 * fund per code however many ask for it at once (the rest are told the code is taken, not a server
 * error); a county's officer can neither see nor move another county's money; a malformed request
 * is refused naming its field, and nothing moves.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let county: Client, neighbour: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  county = await staff(app, 'fa-finance-510104', ['finance'], '510104');
  neighbour = await staff(app, 'fa-finance-510105', ['finance'], '510105');
}, 120_000);
afterAll(() => app?.close());

const body = (code: string) => ({ code, name: code, source: 'county-employment', year: 2026, regionCode: '510104' });

const postingsOf = async (fundId: string) =>
  (await app.database.db.selectFrom('ledger_transaction').select('id').where('fund_id', '=', fundId).execute()).length;

describe('a fund created fifty times at once with one code', () => {
  it('is created once; every other request is told the code is taken', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => county.request('POST', '/api/v1/funds', body('RACE-CREATE'))),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: 49 }, () => 409)]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json()).toMatchObject({ code: 'FUND_CODE_TAKEN', field: 'code' });
    const rows = await app.database.db.selectFrom('fund').select('id').where('code', '=', 'RACE-CREATE').execute();
    expect(rows).toHaveLength(1);
  });
});

describe('another county’s finance officer', () => {
  it('cannot see, issue into or allocate from a fund of 510104, and its money stays', async () => {
    const created = await county.request('POST', '/api/v1/funds', body('OTHER-COUNTY'));
    expectOk(created, 201);
    const id = created.json<{ id: string }>().id;
    expectOk(await county.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen: 500_000 }));
    const tries = [
      await neighbour.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen: 100 }),
      await neighbour.request('POST', `/api/v1/funds/${id}/allocations`, {
        fromRegion: '510104',
        toRegion: '510105',
        amountFen: 100,
      }),
      await neighbour.request('GET', `/api/v1/funds/execution/items?regionCode=510104&fundId=${id}`),
    ];
    expect(tries.map((t) => t.statusCode)).toEqual([404, 404, 404]);
    const listed = (await neighbour.request('GET', '/api/v1/funds')).json<{ funds: { id: string }[] }>().funds;
    expect(listed.map((f) => f.id)).not.toContain(id);
    const fund = (await county.request('GET', '/api/v1/funds'))
      .json<{
        funds: { id: string; balances: { regionCode: string; kind: string; balanceFen: number }[] }[];
      }>()
      .funds.find((f) => f.id === id);
    expect(fund?.balances.filter((b) => b.balanceFen !== 0 && b.kind === 'available')).toEqual([
      { regionCode: '510104', kind: 'available', balanceFen: 500_000 },
    ]);
  });
});

describe('a malformed request', () => {
  it('is refused naming its field, in Chinese by default and in English when asked, and nothing moves', async () => {
    const created = await county.request('POST', '/api/v1/funds', body('MALFORMED'));
    const id = created.json<{ id: string }>().id;
    const cases: [string, string, unknown, string][] = [
      ['POST', `/api/v1/funds/${id}/issuance`, { amountFen: -100 }, 'amountFen'],
      ['POST', `/api/v1/funds/${id}/issuance`, { amountFen: 10.5 }, 'amountFen'],
      ['POST', `/api/v1/funds/${id}/issuance`, { amountFen: '100' }, 'amountFen'],
      ['POST', `/api/v1/funds/${id}/issuance`, { amountFen: 100, memo: 'x'.repeat(100_000) }, 'memo'],
      [
        'POST',
        `/api/v1/funds/${id}/allocations`,
        { fromRegion: '510104', toRegion: '519999', amountFen: 1 },
        'toRegion',
      ],
      ['POST', '/api/v1/funds', { ...body('BAD-REGION'), regionCode: '999999' }, 'regionCode'],
      ['GET', '/api/v1/funds/execution?from=2026-02-30', undefined, 'from'],
    ];
    for (const [method, url, payload, field] of cases) {
      const zh = await county.request(method as 'POST', url, payload);
      expect([url, zh.statusCode, zh.json<{ field?: string }>().field]).toEqual([url, 400, field]);
      expect(zh.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fff]/);
      const en = await county.request(method as 'POST', url, payload, { 'accept-language': 'en-US' });
      expect(en.json<{ message: string }>().message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await postingsOf(id)).toBe(0);
    expect(await app.database.db.selectFrom('fund').select('id').where('code', '=', 'BAD-REGION').execute()).toEqual(
      [],
    );
  });
});
