import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { migrate, openDatabase } from '../db/database.js';
import { buildOnlineIndexes, ONLINE_INDEXES } from '../db/online-indexes.js';
import { seedReferenceData } from '../demo/seed.js';
import { seekersInRange } from '../employment-services/labour-market/seeker-repository.js';
import { openInRange } from '../employment-services/registration/registration-repository.js';
import { regionRange } from '../regions/region-scope.js';
import { wholeNumberOption } from './options.js';
import { printBeforeAfter, tenths, timed, type Timing } from './timed.js';

/**
 * `npm run bench:registers [-- --people 1000000 --runs 9]`: a province's registers (issue 21,
 * item 4) as staff open them: the newest 500 open 就业失业登记 and the newest 500 job seekers'
 * profiles of the province, a city and a county. N people over 成都's districts and ten other
 * cities, each with an open registration, half of them with a profile, are written first (not
 * timed) with the online indexes not built; each list is timed, the online indexes are built
 * (timed), and each is timed again: the baseline is the same data in the same run. On the embedded
 * database by default; `DATABASE_URL` (an empty database) for PostgreSQL.
 */
const people = wholeNumberOption('people', 1_000_000);
const runs = wholeNumberOption('runs', 9);
const REGIONS = [
  ...['510104', '510105', '510106', '510107', '510108', '510112'],
  ...['510300', '510400', '510500', '510600', '510700', '510800', '510900', '511000', '511100', '511300'],
];

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-registers-'));
const database = await openDatabase({
  dataDir: dir,
  ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
});
const db = database.db;

/** Registrations begun over four and a half years, profiles saved over two. */
async function fill(): Promise<void> {
  const clerk = await db
    .insertInto('account')
    .values({
      username: 'bench-clerk',
      display_name: '登记',
      roles: ['clerk'],
      region_code: '510000',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The demo's reference data has three of 成都's districts; the others are named by their codes.
  await sql`insert into region (code, name_zh, name_en, parent_code, level)
    select c, c, c, case when c like '5101%' then '510100' else '510000' end,
           case when c like '5101%' then 'county' else 'city' end
      from unnest(${REGIONS}::text[]) c
    on conflict (code) do nothing`.execute(db);
  const chunk = 200_000;
  for (let from = 1; from <= people; from += chunk) {
    const to = Math.min(people, from + chunk - 1);
    await sql`insert into person (id_number_hmac, id_number_cipher, id_number_masked, name, sex, birth_date, region_code)
      select 'bench-' || g, 'bench', '5101**********' || lpad((g % 10000)::text, 4, '0'), '登记' || g, 'male',
             date '1970-01-01' + (g % 12000)::int, (${REGIONS}::text[])[1 + (g * 31) % ${REGIONS.length}]
        from generate_series(${from}::bigint, ${to}::bigint) g`.execute(db);
  }
  await sql`insert into employment_registration (person_id, kind, region_code, basis, starts_on, card_number,
                                                 last_contact_on, created_by)
    select id, 'unemployment', region_code, 'residence', date '2022-01-01' + abs(hashtext(id::text)) % 1640,
           'card-' || id_number_hmac, date '2026-06-01', ${clerk.id}::uuid
      from person`.execute(db);
  await sql`insert into job_seeker (person_id, region_code, occupation_codes, occupation_groups, pay_min_fen,
                                    available_from, skills, created_by, updated_at)
    select id, region_code, array['4-01-01-01'], array['4-01'], 300000, date '2026-01-01', '营业员', ${clerk.id}::uuid,
           timestamptz '2024-12-01 00:00+08' + make_interval(secs => abs(hashtext(id::text)) % 63000000)
      from person where abs(hashtext(id_number_hmac)) % 2 = 0`.execute(db);
  await sql`analyze`.execute(db);
}

try {
  const setup = performance.now();
  await migrate(db, 'later');
  await seedReferenceData(db);
  await fill();
  console.log(
    `set-up ${tenths((performance.now() - setup) / 1000)} s (${people.toLocaleString('en-US')} people with registrations, half with profiles; not counted)`,
  );
  const lists: [string, () => Promise<{ id: string }[]>][] = [];
  for (const [scope, code] of [
    ['the province', '510000'],
    ['a city (成都)', '510100'],
    ['a county (锦江区)', '510104'],
  ] as const) {
    lists.push([`open registrations: ${scope}`, () => openInRange(db, regionRange(code), undefined, 500)]);
    lists.push([`job seekers: ${scope}`, () => seekersInRange(db, regionRange(code), 500)]);
  }
  console.log(`load average (1 min) before: ${tenths(loadavg()[0] ?? 0)}`);
  const before: Timing[] = [];
  for (const [, read] of lists) before.push(await timed(read, runs));
  const found = await Promise.all(lists.map(([, read]) => read()));
  const build = performance.now();
  await buildOnlineIndexes(db, ONLINE_INDEXES);
  const built = performance.now() - build;
  const after: Timing[] = [];
  for (const [, read] of lists) after.push(await timed(read, runs));
  const ids = (rows: { id: string }[]) => JSON.stringify(rows.map((r) => r.id));
  const again = await Promise.all(lists.map(([, read]) => read()));
  console.log(`load average (1 min) after: ${tenths(loadavg()[0] ?? 0)}`);
  console.log(
    `\nbench:registers — ${people.toLocaleString('en-US')} people, ${runs} reads each, database: ${database.kind}; online indexes built in ${tenths(built / 1000)} s`,
  );
  printBeforeAfter(
    'list (newest 500)',
    lists.map(([name], i) => ({
      name,
      found: found[i]!.length,
      before: before[i]!,
      after: after[i]!,
      same: ids(found[i]!) === ids(again[i]!),
    })),
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
