import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, maskIdNumber, residentIdCheckChar } from '@huimin/policy';
import { sql } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import { ledgerAccountId } from '../funds/ledger.js';
import { migrate, openDatabase } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import { buildServices } from '../app/build-app.js';
import { readTable, toCsv } from '../registry/import/tabular.js';
import { Vault } from '../security/vault.js';

/**
 * `npm run bench:payments [-- --n 100000]`: N approved applications → payment batches → the bank
 * file → a simulated return file with 1% failures → reconciliation, on the embedded database in a
 * fresh folder. Prints each stage with rows per second and ends with `total: X s` (the stages,
 * without the set-up that creates the applications). The machine's load average is printed before
 * and after the timed stages: on a shared machine the same code can take twice as long.
 */
const flag = process.argv.indexOf('--n');
const n = flag >= 0 ? Number(process.argv[flag + 1]) : 100_000;
if (!Number.isInteger(n) || n <= 0) throw new Error('--n must be a positive whole number');

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-payments-'));
const database = await openDatabase({ dataDir: dir });
const db = database.db;
const vault = Vault.random();
const services = buildServices({ db, vault });
const region = '510104';
const stages: [string, number, number][] = [];
/** The 1-minute load average beside the number of cores, e.g. `load 3.2 on 2 cores`. */
const load = () => `load ${Math.round((loadavg()[0] ?? 0) * 10) / 10} on ${cpus().length} cores`;
/** Seconds with one decimal (the lint rule keeps toFixed away from money, so not here either). */
const secs = (s: number) => {
  const tenths = Math.round(s * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};
async function stage<T>(name: string, rows: number, work: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const seconds = (performance.now() - t) / 1000;
  // The process's own CPU time (the embedded database runs in it): less swayed by others' load.
  const used = process.cpuUsage(cpu);
  stages.push([name, seconds, rows]);
  console.log(
    `${name.padEnd(16)} ${secs(seconds).padStart(6)} s  ${Math.round(rows / seconds)
      .toLocaleString('en-US')
      .padStart(10)} rows/s  (CPU ${secs((used.user + used.system) / 1e6)} s)`,
  );
  return result;
}

try {
  const setupStart = performance.now();
  await migrate(db);
  await seedReferenceData(db);
  const hash = await hashPassword('Bench-pass-2026');
  const finance = await db
    .insertInto('account')
    .values({
      username: 'bench-finance',
      display_name: '财务',
      roles: ['finance'],
      region_code: '510100',
      password_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const filer = await db
    .insertInto('account')
    .values({
      username: 'bench-clerk',
      display_name: '窗口',
      roles: ['clerk'],
      region_code: region,
      password_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = await services.sessions.actorOf(finance.id, null);
  const fund = await services.funds.create(actor, {
    code: 'BENCH-2026',
    name: '基准测试资金',
    source: 'city-employment',
    year: 2026,
    regionCode: '510100',
  });
  const amount = 30_000;
  await services.funds.issue(actor, fund.id, { amountFen: n * amount });
  await services.funds.allocate(actor, fund.id, { fromRegion: '510100', toRegion: region, amountFen: n * amount });

  // N people with accounts, each with an approved (payable) application whose amount is committed.
  await db.transaction().execute((trx) => ledgerAccountId(trx, fund.id, region, 'committed'));
  // 2,000 rows a statement keeps under PostgreSQL's 65,535 parameters.
  for (let start = 0; start < n; start += 2000) {
    const size = Math.min(2000, n - start);
    const people = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      // Unique and valid: a birth date per thousand people, a sequence number within it.
      const first17 = `${region}${addDays('1980-01-01', Math.floor(i / 1000)).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
      const number = first17 + residentIdCheckChar(first17);
      const account = `62170${String(i).padStart(14, '0')}`;
      return {
        id_number_hmac: vault.lookupHash('id-number', number),
        id_number_cipher: vault.encrypt(number),
        id_number_masked: maskIdNumber(number),
        name: `收款人${i}`,
        sex: 'male' as const,
        birth_date: '1980-01-01',
        retirement_category: 'male' as const,
        region_code: region,
        hukou_region: region,
        household_id: null,
        rural: false,
        phone_cipher: null,
        phone_masked: null,
        bank_account_cipher: vault.encrypt(account),
        bank_account_masked: maskIdNumber(account),
        bank_name: '示例银行',
      };
    });
    const ids = await db.insertInto('person').values(people).returning('id').execute();
    const apps = await db
      .insertInto('application')
      .values(
        ids.map((p, k) => ({
          number: `B-${String(start + k).padStart(7, '0')}`,
          subsidy_id: 'skill-evaluation',
          applicant_kind: 'person' as const,
          person_id: p.id,
          organisation_id: null,
          region_code: region,
          period_key: 'once',
          claim: '{}',
          state: 'payable',
          requested_by: filer.id,
          idempotency_key: `bench-${start + k}`,
          amount_fen: String(amount),
        })),
      )
      .returning('id')
      .execute();
    await sql`with t as (
        insert into ledger_transaction (kind, fund_id, amount_fen, region_code, application_id, subsidy_id)
        select 'commit', ${fund.id}::uuid, ${amount}::bigint, ${region}, a, 'skill-evaluation' from unnest(${apps.map((a) => a.id)}::uuid[]) as a returning id)
      insert into ledger_entry (transaction_id, account_id, amount_fen)
      select t.id, acc.id, case acc.kind when 'available' then ${-amount}::bigint else ${amount}::bigint end
        from t cross join (select id, kind from ledger_account where fund_id = ${fund.id}::uuid and region_code = ${region} and kind in ('available', 'committed')) acc`.execute(
      db,
    );
  }
  console.log(
    `set-up           ${secs((performance.now() - setupStart) / 1000).padStart(6)} s  (${n.toLocaleString('en-US')} approved applications, committed, not counted)`,
  );

  console.log(`machine          ${load()} before the timed stages`);
  const { batches } = await stage('batches', n, () => services.payments.createBatches(actor));
  const files = await stage('bank file', n, () =>
    Promise.all(batches.map((b) => services.payments.exportFile(actor, b.id))),
  );
  const returns = await stage('return file', n, async () => {
    const out: Buffer[] = [];
    for (const file of files) {
      const table = await readTable(file.body);
      const rows = table.slice(1).map((r, k) => {
        const [seq, account, name, amountText] = r.map((c) => c.text);
        const fails = k % 100 === 99; // 1% fail
        return [
          seq ?? '',
          account ?? '',
          name ?? '',
          amountText ?? '',
          fails ? '失败' : '成功',
          fails ? '社保卡金融账户未激活' : '',
          fails ? '' : `BK${seq}`,
        ];
      });
      out.push(toCsv([['序号', '账号', '户名', '金额', '处理结果', '失败原因', '银行流水号'], ...rows]));
    }
    return out;
  });
  const reports = await stage('reconciliation', n, () =>
    Promise.all(batches.map((b, i) => services.payments.importReturn(actor, b.id, returns[i] as Buffer))),
  );

  const paid = reports.reduce((s, r) => s + r.paid, 0);
  const failed = reports.reduce((s, r) => s + r.failed, 0);
  const ledgerPaid = await db
    .selectFrom('ledger_account')
    .select('balance_fen')
    .where('fund_id', '=', fund.id)
    .where('kind', '=', 'paid')
    .executeTakeFirst();
  console.log(
    `check            paid ${paid}, failed ${failed}, ledger paid ${ledgerPaid?.balance_fen ?? 0} fen (expected ${paid * amount})`,
  );
  if (paid + failed !== n || Number(ledgerPaid?.balance_fen ?? 0) !== paid * amount)
    throw new Error('the benchmark did not pay what it should have');
  console.log(`machine          ${load()} after`);
  console.log(`total: ${secs(stages.reduce((s, [, t]) => s + t, 0))} s`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
