import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, creditCodeCheckChar, maskIdNumber, residentIdCheckChar, seededRandom } from '@huimin/policy';
import { sql } from 'kysely';
import { buildServices } from '../app/build-app.js';
import { hashPassword } from '../auth/passwords.js';
import { migrate, openDatabase } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import {
  rankSeekersForPosting,
  seekersForPostingQuery,
  explain,
} from '../employment-services/labour-market/matching-repository.js';
import { heldCertificates } from '../employment-services/labour-market/matching-service.js';
import {
  postingsForSeekerQuery,
  rankPostingsForSeeker,
} from '../employment-services/labour-market/posting-matching-repository.js';
import { certificatesOf } from '../employment-services/labour-market/seeker-repository.js';
import { OCCUPATIONS, mediumGroup } from '../employment-services/labour-market/occupations.js';
import { boardQuery } from '../employment-services/labour-market/posting-repository.js';
import { queryTerms, runs, searchTerms } from '../employment-services/labour-market/search-terms.js';
import { Vault } from '../security/vault.js';
import { wholeNumberOption } from './options.js';

/**
 * `npm run bench:matching [-- --seekers 200000 --postings 50000 --queries 1000]`: job seekers and
 * open postings in the embedded database, spread over the demo regions (most in 成都's three
 * districts, where matching is hardest); then the top 20 postings for a seeker and the top 20
 * seekers for a posting, each over `queries` random ones, and the board's keyword search; p50 / p95
 * in milliseconds of server time (the service call, without HTTP), and each query's plan. Both
 * rankings are also timed alone, tier by tier and as one query, against a baseline in the same run. A benchmark prints; it never fails on a time.
 */
const seekerCount = wholeNumberOption('seekers', 200_000);
const postingCount = wholeNumberOption('postings', 50_000);
const queries = wholeNumberOption('queries', 1000);

const TODAY = '2026-11-23';
/** Where people and jobs are: the three 成都 districts weigh most. */
const COUNTIES = ['510104', '510104', '510105', '510105', '510106', '510106', '620102', '621002', '520102', '522601'];
const WORDS = ['电工', '焊工', '数控', '配电', '保安', '直播', '护理', '厨师', '快递', '家政', '车工', '营销'];
const TITLES: Record<string, string> = Object.fromEntries(
  OCCUPATIONS.map((o) => [o.code, `${o.zh}（${['长白班', '可倒班', '包食宿', '五险一金'][o.code.length % 4] ?? ''}）`]),
);

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-matching-'));
const database = await openDatabase({ dataDir: dir });
const db = database.db;
const vault = Vault.random();
const services = buildServices({
  db,
  vault,
  clock: { now: () => new Date(`${TODAY}T10:00:00+08:00`), today: () => TODAY },
});
const rand = seededRandom(19);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

async function seed(): Promise<{ seekers: string[]; postings: string[]; account: string }> {
  await migrate(db);
  await seedReferenceData(db);
  const hash = await hashPassword('Bench-pass-2026');
  const account = (
    await db
      .insertInto('account')
      .values({
        username: 'bench-clerk',
        display_name: 'bench',
        roles: ['clerk'],
        region_code: '510000',
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const units: { id: string; name: string }[] = [];
  for (let i = 0; i < 2000; i++) {
    const first17 = `91${pick(COUNTIES)}MA${String(200_000 + i).padStart(7, '0')}`;
    const row = await db
      .insertInto('organisation')
      .values({
        credit_code: first17 + (creditCodeCheckChar(first17) as string),
        name: `示例企业${i + 1}号有限公司`,
        category: 'enterprise',
        region_code: first17.slice(2, 8),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    units.push(row);
  }
  for (let start = 0; start < postingCount; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, postingCount - start) }, () => {
      const occupation = pick(OCCUPATIONS);
      const unit = pick(units);
      const low = 250_000 + Math.floor(rand() * 10) * 50_000;
      const title = TITLES[occupation.code] ?? occupation.zh;
      const text = `${title} ${occupation.zh} ${unit.name} 示例路 ${pick(WORDS)}经验优先`.toLowerCase();
      return {
        organisation_id: unit.id,
        title,
        occupation_code: occupation.code,
        headcount: 1 + Math.floor(rand() * 5),
        pay_min_fen: low,
        pay_max_fen: low + 100_000 + Math.floor(rand() * 4) * 50_000,
        region_code: pick(COUNTIES),
        place: '示例路1号',
        requirements: '',
        description: '',
        min_level: rand() < 0.2 ? 5 : null,
        contact: '人事部',
        valid_from: addDays(TODAY, -Math.floor(rand() * 30)),
        valid_to: addDays(TODAY, 1 + Math.floor(rand() * 90)),
        state: 'published' as const,
        posted_by: account,
        search_text: text,
        search_terms: searchTerms(text),
      };
    });
    await db.insertInto('job_posting').values(rows).execute();
  }
  for (let start = 0; start < seekerCount; start += 2000) {
    const size = Math.min(2000, seekerCount - start);
    const people = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      const region = pick(COUNTIES);
      const first17 = `${region}${addDays('1975-01-01', Math.floor(i / 1000)).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
      const number = first17 + residentIdCheckChar(first17);
      return {
        id_number_hmac: vault.lookupHash('id-number', number),
        id_number_cipher: vault.encrypt(number),
        id_number_masked: maskIdNumber(number),
        name: `求职者${i + 1}`,
        sex: 'male' as const,
        birth_date: '1975-01-01',
        retirement_category: 'male' as const,
        region_code: region,
      };
    });
    const ids = await db.insertInto('person').values(people).returning(['id', 'region_code']).execute();
    await db
      .insertInto('job_seeker')
      .values(
        ids.map((p) => {
          const wanted = [...new Set([pick(OCCUPATIONS).code, pick(OCCUPATIONS).code])];
          return {
            person_id: p.id,
            region_code: p.region_code,
            occupation_codes: wanted,
            occupation_groups: [...new Set(wanted.map(mediumGroup))],
            pay_min_fen: 250_000 + Math.floor(rand() * 8) * 50_000,
            available_from: addDays(TODAY, Math.floor(rand() * 30)),
            skills: '',
            created_by: account,
          };
        }),
      )
      .execute();
    // A tenth hold a certificate in the registry.
    const certified = ids.filter(() => rand() < 0.1);
    if (certified.length > 0)
      await db
        .insertInto('registry_fact')
        .values(
          certified.map((p) => ({
            person_id: p.id,
            organisation_id: null,
            kind: 'certificate',
            data: JSON.stringify({
              occupation: pick(OCCUPATIONS).zh,
              level: 3 + Math.floor(rand() * 3),
              issuedOn: '2024-06-30',
            }),
            source: 'import' as const,
            recorded_by: account,
          })),
        )
        .execute();
  }
  const seekers = (await db.selectFrom('job_seeker').select('id').orderBy('id').execute()).map((r) => r.id);
  // Postings in 四川, the province the bench's clerk serves.
  const postings = (
    await db.selectFrom('job_posting').select('id').where('region_code', 'like', '51%').orderBy('id').execute()
  ).map((r) => r.id);
  return { seekers, postings, account };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

const ratio = (a: number, b: number) => `${Math.round((a / b) * 100)}%`.padStart(8);

async function timed(name: string, work: (i: number) => Promise<number>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < queries; i++) {
    const t = performance.now();
    rows += await work(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const figures = { p50: percentile(times, 50), p95: percentile(times, 95) };
  const [p50, p95] = [figures.p50, figures.p95].map((x) => String(Math.round(x * 10) / 10).padStart(8));
  console.log(`${name.padEnd(34)} ${String(Math.round(rows / queries)).padStart(8)} ${p50} ${p95}`);
  return figures;
}

try {
  const setup = performance.now();
  const { seekers, postings, account } = await seed();
  await sql`analyze`.execute(db);
  console.log(
    `set-up: ${seekerCount.toLocaleString('en-US')} seekers, ${postingCount.toLocaleString('en-US')} open postings in ${Math.round((performance.now() - setup) / 1000)} s (not counted)`,
  );
  // Others may be working on the machine: the load is printed with the figures.
  const load = () =>
    loadavg()
      .map((x) => Math.round(x * 10) / 10)
      .join(', ');
  console.log(`load average (1, 5, 15 min) before the queries: ${load()}`);
  const actor = await services.sessions.actorOf(account, null);
  const { matching, postings: board } = services.employment.labourMarket;
  console.log(`${'query'.padEnd(34)} ${'rows'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  await timed('top 20 postings for a seeker', async () => (await matching.forSeeker(pick(seekers))).length);
  // The ranking alone, two ways on the same seekers (with their certificates) in the same run: tier by
  // tier (what matching does) and the one query scoring every open posting of the seeker's 中类 in
  // the city (the previous plan, the baseline).
  const seekerSample = await db
    .selectFrom('job_seeker')
    .selectAll()
    .where(
      'id',
      'in',
      Array.from({ length: Math.min(queries, 200) }, () => pick(seekers)),
    )
    .execute();
  const held = await certificatesOf(
    db,
    seekerSample.map((s) => s.person_id),
  );
  const bySeeker = seekerSample.map((s) => ({ s, certificates: heldCertificates(held.get(s.person_id) ?? []) }));
  const seekerLevels: number[] = [];
  const seekerTiers = await timed('  tier by tier', async (i) => {
    const { s, certificates } = bySeeker[i % bySeeker.length]!;
    const ranked = await rankPostingsForSeeker(db, s, certificates, TODAY, 20);
    seekerLevels.push(ranked.levels.length);
    return ranked.rows.length;
  });
  const seekerOne = await timed('  one query (baseline)', async (i) => {
    const { s, certificates } = bySeeker[i % bySeeker.length]!;
    return (await postingsForSeekerQuery(s, certificates, TODAY, 20).execute(db)).rows.length;
  });
  console.log(
    `${'  tiers / baseline'.padEnd(34)} ${''.padStart(8)} ${ratio(seekerTiers.p50, seekerOne.p50)} ${ratio(seekerTiers.p95, seekerOne.p95)}`,
  );
  seekerLevels.sort((a, b) => a - b);
  console.log(
    `  levels read per seeker: p50 ${percentile(seekerLevels, 50)}, p95 ${percentile(seekerLevels, 95)}, most ${seekerLevels.at(-1) ?? 0}`,
  );
  await timed('top 20 seekers for a posting', async () => (await matching.forPosting(actor, pick(postings))).length);
  // The ranking alone, three ways on the same postings in the same run: tier by tier (what matching
  // does), the one query over the city's 中类 with its certificate cut (the previous plan), and that
  // query without the cut, every candidate's certificate looked up (the baseline).
  const sample = await db
    .selectFrom('job_posting')
    .selectAll()
    .where(
      'id',
      'in',
      Array.from({ length: Math.min(queries, 200) }, () => pick(postings)),
    )
    .execute();
  const forQuery = sample.map((p) => ({
    ...p,
    occupation_name: OCCUPATIONS.find((o) => o.code === p.occupation_code)?.zh ?? '',
  }));
  const levels: number[] = [];
  const tiers = await timed('  tier by tier', async (i) => {
    const ranked = await rankSeekersForPosting(db, forQuery[i % forQuery.length]!, 20);
    levels.push(ranked.levels.length);
    return ranked.rows.length;
  });
  const cut = await timed(
    '  one query, certificate cut',
    async (i) => (await seekersForPostingQuery(forQuery[i % forQuery.length]!, 20).execute(db)).rows.length,
  );
  const uncut = await timed(
    '  one query, no cut (baseline)',
    async (i) =>
      (
        await sql<{
          id: string;
        }>`select * from (${seekersForPostingQuery(forQuery[i % forQuery.length]!, 1_000_000)}) q order by score desc, id limit 20`.execute(
          db,
        )
      ).rows.length,
  );
  console.log(
    `${'  tiers / baseline'.padEnd(34)} ${''.padStart(8)} ${ratio(tiers.p50, uncut.p50)} ${ratio(tiers.p95, uncut.p95)}`,
  );
  console.log(
    `${'  cut / baseline'.padEnd(34)} ${''.padStart(8)} ${ratio(cut.p50, uncut.p50)} ${ratio(cut.p95, uncut.p95)}`,
  );
  levels.sort((a, b) => a - b);
  console.log(
    `  levels read per posting: p50 ${percentile(levels, 50)}, p95 ${percentile(levels, 95)}, most ${levels.at(-1) ?? 0}`,
  );
  console.log(`load average after matching: ${load()}`);
  await timed('board: keyword', async () => (await board.search({ q: pick(WORDS) })).postings.length);
  await timed(
    'board: keyword + city + pay',
    async () => (await board.search({ q: pick(WORDS), region: '510100', payMinFen: 500_000 })).postings.length,
  );

  // The plans, on one seeker and one posting in 锦江区 (the busiest county).
  const seeker = await db
    .selectFrom('job_seeker')
    .selectAll()
    .where('region_code', '=', '510104')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const seekerCertificates = heldCertificates(
    (await certificatesOf(db, [seeker.person_id])).get(seeker.person_id) ?? [],
  );
  const seekerPlans: string[] = [];
  await rankPostingsForSeeker(db, seeker, seekerCertificates, TODAY, 20, seekerPlans);
  console.log('\nplan: postings for a seeker, tier by tier (each level read)');
  for (const plan of seekerPlans) console.log(plan + '\n');
  console.log(
    '\nplan: postings for a seeker, one query (the previous plan)\n' +
      (await explain(db, postingsForSeekerQuery(seeker, seekerCertificates, TODAY, 20))),
  );
  const posting = await db
    .selectFrom('job_posting')
    .selectAll()
    .where('region_code', '=', '510104')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const name = OCCUPATIONS.find((o) => o.code === posting.occupation_code)?.zh ?? '';
  const plans: string[] = [];
  await rankSeekersForPosting(db, { ...posting, occupation_name: name }, 20, plans);
  console.log('\nplan: seekers for a posting, tier by tier (certificate holders, then each level read)');
  for (const plan of plans) console.log(plan + '\n');
  console.log(
    '\nplan: seekers for a posting, one query (the previous plan)\n' +
      (await explain(db, seekersForPostingQuery({ ...posting, occupation_name: name }, 20))),
  );
  const keyword = boardQuery(db, { today: TODAY, terms: queryTerms('配电'), like: runs('配电') })
    .orderBy('p.valid_from', 'desc')
    .orderBy('p.id')
    .limit(20);
  console.log('\nplan: board keyword 配电\n' + (await explain(db, keyword)));
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
