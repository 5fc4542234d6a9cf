import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { migrate, openDatabase } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { seedReferenceData } from '../demo/seed.js';
import { accountStatement } from '../funds/account-entries.js';
import { wholeNumberOption } from './options.js';
import { tenths, timed, type Timing } from './timed.js';

/**
 * `npm run bench:statement [-- --entries 1000000 --runs 15]`: one account of a fund holding as many
 * entries as a province's would (issue 21, item 4), and its statement (明细账) read as the funds
 * page reads it: the first page, a page 5,000 entries in, and the count. The statement as it was
 * before it walked the account's index (every entry joined and sorted by time, every entry counted)
 * is timed on the same data in the same run as the baseline. On the embedded database by default;
 * `DATABASE_URL` (an empty database) runs it on PostgreSQL. The entries are written first, not timed.
 */
const entries = wholeNumberOption('entries', 1_000_000);
const runs = wholeNumberOption('runs', 15);
const REGION = '510100';
const PAGE = 50;

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-statement-'));
const sent: string[] = [];
const database = await openDatabase({
  dataDir: dir,
  onQuery: (q) => sent.push(q),
  ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
});
const db = database.db;
const secs = (ms: number) => tenths(ms / 1000);

/** The statement before this run's code: the account's entries joined, sorted by time, all counted. */
async function previousStatement(fundId: string, offset: number) {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const account = await trx
        .selectFrom('ledger_account')
        .select(['id', 'balance_fen'])
        .where('fund_id', '=', fundId)
        .where('region_code', '=', REGION)
        .where('kind', '=', 'available')
        .executeTakeFirstOrThrow();
      const mine = trx.selectFrom('ledger_entry as e').where('e.account_id', '=', account.id);
      const [count, rows] = await Promise.all([
        mine.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
        mine
          .innerJoin('ledger_transaction as t', 't.id', 'e.transaction_id')
          .innerJoin('ledger_entry as o', (join) =>
            join.onRef('o.transaction_id', '=', 't.id').onRef('o.account_id', '<>', 'e.account_id'),
          )
          .innerJoin('ledger_account as oa', 'oa.id', 'o.account_id')
          .leftJoin('application as a', 'a.id', 't.application_id')
          .select([
            't.id',
            't.at',
            't.kind',
            'e.amount_fen',
            'oa.region_code',
            'oa.kind as other',
            'a.number',
            't.memo',
          ])
          .orderBy('t.at', 'desc')
          .orderBy('t.id', 'desc')
          .limit(PAGE)
          .offset(offset)
          .execute(),
      ]);
      return { total: Number(count.n), ids: rows.map((r) => r.id) };
    });
}

async function fill(fundId: string): Promise<void> {
  const chunk = 100_000;
  for (let from = 1; from <= entries; from += chunk) {
    const to = Math.min(entries, from + chunk - 1);
    // Transactions a few seconds apart, as postings over the years would be.
    await sql`with t as (
        insert into ledger_transaction (kind, fund_id, amount_fen, region_code, memo, at)
        select 'issue', ${fundId}::uuid, 1 + g % 997, ${REGION}, 'bench ' || g,
               timestamptz '2020-01-01 00:00+08' + make_interval(secs => g * 30)
          from generate_series(${from}::int, ${to}::int) g
        returning id, amount_fen)
      insert into ledger_entry (transaction_id, account_id, amount_fen)
      select t.id, a.id, case a.kind when 'treasury' then -t.amount_fen else t.amount_fen end
        from t cross join (select id, kind from ledger_account where fund_id = ${fundId}::uuid and region_code = ${REGION}) a`.execute(
      db,
    );
  }
  await sql`analyze ledger_transaction`.execute(db);
  await sql`analyze ledger_entry`.execute(db);
}

async function planOfPage(kysely: Kysely<Database>, fundId: string): Promise<string[]> {
  sent.length = 0;
  await accountStatement(kysely, { fundId, regionCode: REGION, account: 'available', limit: PAGE, offset: 0 });
  const page = sent.find((q) => q.includes('order by') && q.includes('ledger_transaction'));
  if (!page) return ['(the page statement was not seen)'];
  // The parameters are the account's id and the page's bounds, in the order they appear.
  const account = await kysely
    .selectFrom('ledger_account')
    .select('id')
    .where('fund_id', '=', fundId)
    .where('region_code', '=', REGION)
    .where('kind', '=', 'available')
    .executeTakeFirstOrThrow();
  // The page's parameters, in order: the account, the page's size and start, the account again.
  const values = [account.id, PAGE, 0, account.id];
  const text = page.replace(/\$(\d+)/g, (_, n: string) => String(values[Number(n) - 1]));
  const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, costs off) ${text}`).execute(kysely);
  return plan.rows.map((r) => r['QUERY PLAN']);
}

try {
  const setup = performance.now();
  await migrate(db);
  await seedReferenceData(db);
  const fund = await db
    .insertInto('fund')
    .values({
      code: 'BENCH-STATEMENT',
      name: '明细账基准',
      source: 'central-employment',
      year: 2026,
      region_code: REGION,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const kind of ['treasury', 'available'] as const)
    await db.insertInto('ledger_account').values({ fund_id: fund.id, region_code: REGION, kind }).execute();
  await fill(fund.id);
  console.log(
    `set-up ${secs(performance.now() - setup)} s (${entries.toLocaleString('en-US')} entries into one account, not counted)`,
  );
  console.log(`load average (1 min) before: ${tenths(loadavg()[0] ?? 0)}`);

  const read = (offset: number) => () =>
    accountStatement(db, { fundId: fund.id, regionCode: REGION, account: 'available', limit: PAGE, offset });
  const now = { first: await timed(read(0), runs), deep: await timed(read(5_000), runs) };
  const before = {
    first: await timed(() => previousStatement(fund.id, 0), runs),
    deep: await timed(() => previousStatement(fund.id, 5_000), runs),
  };
  const mine = await read(0)();
  const theirs = await previousStatement(fund.id, 0);
  console.log(`load average (1 min) after: ${tenths(loadavg()[0] ?? 0)}`);
  console.log(
    `\nbench:statement — ${entries.toLocaleString('en-US')} entries, ${runs} reads each, database: ${database.kind}`,
  );
  console.log('read'.padEnd(34), 'p50 ms'.padStart(9), 'max ms'.padStart(9), 'of before'.padStart(10));
  const row = (name: string, f: Timing, base?: { p50: number }) =>
    console.log(
      name.padEnd(34),
      tenths(f.p50).padStart(9),
      tenths(f.slowest).padStart(9),
      (base ? `${tenths((100 * f.p50) / base.p50)}%` : '').padStart(10),
    );
  row('first page, before (baseline)', before.first);
  row('first page, now', now.first, before.first);
  row('page at entry 5,000, before', before.deep);
  row('page at entry 5,000, now', now.deep, before.deep);
  console.log(
    `count: before ${theirs.total.toLocaleString('en-US')}, now ${mine.total.toLocaleString('en-US')}${mine.totalIsLowerBound ? ' or more' : ''}; first page the same (the entries' times here follow their numbers): ${JSON.stringify(theirs.ids) === JSON.stringify(mine.entries.map((e) => e.id))}`,
  );
  console.log('\nthe page now, explained:');
  for (const line of await planOfPage(db, fund.id)) console.log(`  ${line}`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
