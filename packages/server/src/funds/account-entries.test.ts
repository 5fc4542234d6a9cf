import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { STATEMENT_COUNT_CAP } from './account-entries.js';

/**
 * A province's account holds more entries than anyone pages through: the statement counts them up
 * to a cap and says when there are more, and a page is the account's newest entries in the order
 * the ledger recorded them.
 */
let app: TestApp;
let finance: Client;
let fundId: string;
const CITY = '510100';

interface Statement {
  balanceFen: number;
  total: number;
  totalIsLowerBound: boolean;
  entries: { id: string; kind: string; amountFen: number; counterpart: { account: string } }[];
}

beforeAll(async () => {
  app = await startTestApp();
  finance = await staff(app, 'statement-finance', ['finance'], CITY);
  fundId = (
    await app.database.db
      .insertInto('fund')
      .values({
        code: 'STATEMENT',
        name: '明细账测试资金',
        source: 'central-employment',
        year: 2026,
        region_code: CITY,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const kind of ['treasury', 'available'] as const)
    await app.database.db.insertInto('ledger_account').values({ fund_id: fundId, region_code: CITY, kind }).execute();
});
afterAll(() => app.close());

/** `n` issues of 1 分, 2 分, … into the city's available account, in one statement. */
async function issue(from: number, n: number): Promise<void> {
  await sql`with t as (
      insert into ledger_transaction (kind, fund_id, amount_fen, region_code, memo)
      select 'issue', ${fundId}::uuid, g, ${CITY}, 'issue ' || g from generate_series(${from}::int, ${from + n - 1}::int) g
      returning id, amount_fen)
    insert into ledger_entry (transaction_id, account_id, amount_fen)
    select t.id, a.id, case a.kind when 'treasury' then -t.amount_fen else t.amount_fen end
      from t cross join (select id, kind from ledger_account where fund_id = ${fundId}::uuid and region_code = ${CITY}) a`.execute(
    app.database.db,
  );
}

const statement = async (query: string) =>
  (
    await finance.request('GET', `/api/v1/funds/${fundId}/entries?regionCode=${CITY}&account=available&${query}`)
  ).json<Statement>();

describe("a fund's statement", () => {
  it('counts every entry while there are no more than the cap', async () => {
    await issue(1, STATEMENT_COUNT_CAP);
    const s = await statement('limit=3');
    expect(s).toMatchObject({ total: STATEMENT_COUNT_CAP, totalIsLowerBound: false });
    expect(s.balanceFen).toBe((STATEMENT_COUNT_CAP * (STATEMENT_COUNT_CAP + 1)) / 2);
    // Newest first: the last issued (the largest) leads, each from the treasury.
    expect(s.entries.map((e) => [e.kind, e.amountFen, e.counterpart.account])).toEqual([
      ['issue', STATEMENT_COUNT_CAP, 'treasury'],
      ['issue', STATEMENT_COUNT_CAP - 1, 'treasury'],
      ['issue', STATEMENT_COUNT_CAP - 2, 'treasury'],
    ]);
  });

  it('says "more than" once an entry past the cap is written, and still pages in order', async () => {
    await issue(STATEMENT_COUNT_CAP + 1, 1);
    const first = await statement('limit=2');
    expect(first).toMatchObject({ total: STATEMENT_COUNT_CAP, totalIsLowerBound: true });
    expect(first.entries.map((e) => e.amountFen)).toEqual([STATEMENT_COUNT_CAP + 1, STATEMENT_COUNT_CAP]);
    const later = await statement('limit=2&offset=2');
    expect(later.entries.map((e) => e.amountFen)).toEqual([STATEMENT_COUNT_CAP - 1, STATEMENT_COUNT_CAP - 2]);
    // The oldest is reached by paging past the count.
    const last = await statement(`limit=2&offset=${STATEMENT_COUNT_CAP}`);
    expect(last.entries.map((e) => e.amountFen)).toEqual([1]);
    // Each entry is its own transaction's, and the ids fall page after page.
    const ids = [...first.entries, ...later.entries].map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? 1 : -1)));
    expect(new Set(ids).size).toBe(4);
    // Past the last entry a page is empty, not an error.
    const beyond = await statement(`limit=2&offset=${STATEMENT_COUNT_CAP + 1}`);
    expect(beyond).toMatchObject({ totalIsLowerBound: true, entries: [] });
  });

  it("lists in the order the ledger recorded, even where two servers' clocks disagree", async () => {
    // The second posting's server ran a minute behind: its time is earlier, its number later.
    const db = app.database.db;
    const account = await db
      .selectFrom('ledger_account')
      .select(['id', 'kind'])
      .where('fund_id', '=', fundId)
      .where('region_code', '=', CITY)
      .execute();
    for (const [amount, at] of [
      [7, '2026-12-07T10:01:00+08:00'],
      [8, '2026-12-07T10:00:00+08:00'],
    ] as const) {
      const t = await db
        .insertInto('ledger_transaction')
        .values({ kind: 'issue', fund_id: fundId, amount_fen: String(amount), region_code: CITY, at: new Date(at) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('ledger_entry')
        .values(
          account.map((a) => ({
            transaction_id: t.id,
            account_id: a.id,
            amount_fen: String(a.kind === 'treasury' ? -amount : amount),
          })),
        )
        .execute();
    }
    const s = await statement('limit=2');
    expect(s.entries.map((e) => e.amountFen)).toEqual([8, 7]);
  });
});
