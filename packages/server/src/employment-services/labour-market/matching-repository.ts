import { sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { OCCUPATIONS } from './occupations.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Matching's points (seekers for a posting here, postings for a seeker in
 * posting-matching-repository.ts), computed in the database so the ranking (score, then id) is the database's
 * and the top 20 come back without reading every candidate into the process:
 * - occupation: the same occupation 40, the same 小类 25, the same 中类 15 (candidates share the 中类);
 * - region: the same county 30, the same city 20 (candidates are in the same city, 就近就业);
 * - pay: the posting's lowest pay meets the seeker's wish 20, only its highest does 10;
 * - certificate: the seeker holds one for the posting's occupation at the level asked for 10.
 * Each is a plain expression over the row (no correlated subquery but the certificate lookup of a
 * seeker), so scoring a candidate costs little.
 */
export interface ScoredRow {
  id: string;
  score: number;
  occupation_points: number;
  region_points: number;
  pay_points: number;
  certificate_points: number;
}

export const SCORE = sql`occupation_points + region_points + pay_points + certificate_points`;
const CERTIFICATE_POINTS = sql.lit(10);

/** What matching needs of a posting to rank seekers for it. */
export interface PostingToMatch {
  occupation_code: string;
  occupation_name: string;
  region_code: string;
  pay_min_fen: number;
  pay_max_fen: number;
  min_level: number | null;
  valid_to: string;
}

/** The best active seekers for a posting, among those available before the posting ends. */
export async function seekersForPosting(db: Db, posting: PostingToMatch, limit: number): Promise<ScoredRow[]> {
  return (await rankSeekersForPosting(db, posting, limit)).rows;
}

/**
 * Seekers for a posting, tier by tier. Without its certificate a seeker's score is one of a few
 * levels (occupation 40/25/15 + region 30/20 + pay 20/10/0), and every seeker of a level is found
 * from an index in id order (0039's per-position occupation indexes, city, then id), so a level
 * gives its first `limit` seekers without scoring the rest of the city's 中类.
 *
 * 1. Certificate holders are found first, from the certificates of the posting's occupation
 *    (`registry_fact_certificate`), and scored in full: their 10 can lift them over a higher level.
 * 2. Levels are read from the highest down, each the first `limit` by id of the seekers at that
 *    level not already found. Before a level is read: if the `limit`-th best found so far scores
 *    more than the level, no seeker of it or below can enter, and the descent stops. Strictly more:
 *    a seeker at the same score with a smaller id would enter, so an equal score reads on.
 *
 * The answer is `seekersForPostingQuery`'s ranking of every seeker (a property test holds the two to
 * the rules). `levels` are those read, for the test and the benchmark; `plans`, if given, receives
 * each query's plan.
 */
export async function rankSeekersForPosting(
  db: Db,
  posting: PostingToMatch,
  limit: number,
  plans?: string[],
): Promise<{ rows: ScoredRow[]; levels: number[] }> {
  const run = async (query: RawBuilder<ScoredRow>) => {
    if (plans) plans.push(await explain(db, query));
    return (await query.execute(db)).rows.map(numbers);
  };
  const found = await run(certifiedSeekersQuery(posting));
  const certified = found.map((r) => r.id);
  const levels: number[] = [];
  for (const level of levelsOf(posting)) {
    found.sort(byRank);
    const cut = found[limit - 1];
    if (cut && cut.score > level.score) break;
    levels.push(level.score);
    found.push(...(await run(levelQuery(posting, level.tiers, certified, limit))));
  }
  return { rows: found.sort(byRank).slice(0, limit), levels };
}

/** Score, then id: the order every ranking here gives. Ids are uuids in lower case, so as the database orders them. */
function byRank(a: ScoredRow, b: ScoredRow): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One tier: seekers of given points, wanting one of `codes`. */
interface Tier {
  occupation: number;
  region: number;
  pay: number;
  codes: string[];
}

/** `job_seeker.occupation_codes` holds 1 to 5 codes (0022's check); 0039 indexes each position. */
const POSITIONS = [1, 2, 3, 4, 5];

/**
 * The levels of a posting's seekers without a certificate, highest first, each with its tiers. The
 * occupation tiers are the catalogue's codes: the posting's own (40), the rest of its 小类 (25), the
 * rest of its 中类 (15); seekers' occupations are the catalogue's (seeker-service checks).
 */
function levelsOf(posting: PostingToMatch): { score: number; tiers: Tier[] }[] {
  const own = posting.occupation_code;
  const minor = OCCUPATIONS.filter((o) => o.code.startsWith(`${own.slice(0, 7)}-`)).map((o) => o.code);
  const group = OCCUPATIONS.filter((o) => o.code.startsWith(`${own.slice(0, 4)}-`)).map((o) => o.code);
  const occupations: [number, string[]][] = [
    [40, [own]],
    [25, minor.filter((c) => c !== own)],
    [15, group.filter((c) => !minor.includes(c) && c !== own)],
  ];
  const tiers: Tier[] = [];
  for (const [occupation, codes] of occupations)
    for (const region of [30, 20])
      for (const pay of [20, 10, 0]) if (codes.length > 0) tiers.push({ occupation, region, pay, codes });
  const scores = [...new Set(tiers.map((t) => t.occupation + t.region + t.pay))].sort((a, b) => b - a);
  return scores.map((score) => ({ score, tiers: tiers.filter((t) => t.occupation + t.region + t.pay === score) }));
}

/**
 * The first `limit` seekers by id of one level, none of `certified`: per tier, code and position an
 * index scan in id order that stops at `limit`; their union's first `limit` by id are the level's
 * (each of them is among the first `limit` of its own scan).
 */
function levelQuery(posting: PostingToMatch, tiers: Tier[], certified: string[], limit: number) {
  const city = posting.region_code.slice(0, 4);
  // The posting's own code counts as its 小类 even if the catalogue lacks it: a seeker wanting it is 40.
  const minor = [
    posting.occupation_code,
    ...OCCUPATIONS.filter((o) => o.code.startsWith(posting.occupation_code.slice(0, 7))).map((o) => o.code),
  ];
  const scans = tiers.flatMap((t) => {
    const occupation =
      t.occupation === 40
        ? sql`true`
        : t.occupation === 25
          ? sql`not (${posting.occupation_code} = any(s.occupation_codes))`
          : sql`not (s.occupation_codes && ${sql.val(minor)}::text[])`;
    const region =
      t.region === 30 ? sql`s.region_code = ${posting.region_code}` : sql`s.region_code <> ${posting.region_code}`;
    const pay =
      t.pay === 20
        ? sql`s.pay_min_fen <= ${posting.pay_min_fen}::int`
        : t.pay === 10
          ? sql`s.pay_min_fen > ${posting.pay_min_fen}::int and s.pay_min_fen <= ${posting.pay_max_fen}::int`
          : sql`s.pay_min_fen > ${posting.pay_max_fen}::int`;
    return t.codes.flatMap((code) =>
      POSITIONS.map((i) => {
        const at = sql.lit(i);
        return sql`(select s.id, ${sql.lit(t.occupation)} as occupation_points, ${sql.lit(t.region)} as region_points,
            ${sql.lit(t.pay)} as pay_points
          from job_seeker s
          where s.active and cardinality(s.occupation_codes) >= ${at} and s.occupation_codes[${at}] = ${code}
            and left(s.region_code, 4) = ${city} and s.available_from <= ${posting.valid_to}
            and ${occupation} and ${region} and ${pay}
            and s.id <> all(${sql.val(certified)}::uuid[])
          order by s.id limit ${limit})`;
      }),
    );
  });
  return sql<ScoredRow>`
    select id, occupation_points + region_points + pay_points as score, occupation_points, region_points, pay_points,
      0 as certificate_points
    from (${sql.join(scans, sql` union `)}) u
    order by id
    limit ${limit}`;
}

/** The seekers in scope holding a certificate of the posting's occupation at the level asked, scored in full. */
function certifiedSeekersQuery(posting: PostingToMatch) {
  const city = posting.region_code.slice(0, 4);
  return sql<ScoredRow>`
    with holders as materialized (
      select distinct f.person_id from registry_fact f
      where f.kind = 'certificate' and f.retracted_at is null and f.data->>'occupation' = ${posting.occupation_name}
        and (${posting.min_level}::int is null or (f.data->>'level')::int <= ${posting.min_level}::int)
    )
    select id, ${SCORE} as score, occupation_points, region_points, pay_points, certificate_points
    from (
      select s.id, ${seekerPoints(posting)}, ${CERTIFICATE_POINTS} as certificate_points
      from holders h join job_seeker s on s.person_id = h.person_id
      where s.active and s.occupation_groups @> array[${posting.occupation_code.slice(0, 4)}]::text[]
        and s.region_code >= ${city.padEnd(6, '0')} and s.region_code <= ${city.padEnd(6, '9')}
        and s.available_from <= ${posting.valid_to}
    ) scored`;
}

/** A seeker's occupation, region and pay points for a posting, over `s`. */
function seekerPoints(posting: PostingToMatch) {
  // A seeker's occupations are the catalogue's (seeker-service checks), so the same 小类 is an
  // overlap with the catalogue's occupations of it: no per-row unnest.
  const minor = posting.occupation_code.slice(0, 7);
  const sameMinor = OCCUPATIONS.filter((o) => o.code.startsWith(minor)).map((o) => o.code);
  return sql`
    case when ${posting.occupation_code} = any(s.occupation_codes) then 40
         when s.occupation_codes && ${sql.val(sameMinor)}::text[] then 25
         else 15 end as occupation_points,
    case when s.region_code = ${posting.region_code} then 30 else 20 end as region_points,
    case when ${posting.pay_min_fen}::int >= s.pay_min_fen then 20
         when ${posting.pay_max_fen}::int >= s.pay_min_fen then 10 else 0 end as pay_points`;
}

/**
 * Every seeker of the posting's 中类 in its city, ranked in one query: the ranking the tiers must
 * equal, and the benchmark's baseline. The certificate is the one point that needs a lookup per
 * seeker; so the other three points are scored for all, and the certificate looked up only for
 * those who could still reach the top: a seeker whose points without it, plus its 10, fall short of
 * the `limit`-th best without it cannot enter (each of those has at least that score). Strictly
 * short, so ties are ranked by id as before.
 */
export function seekersForPostingQuery(posting: PostingToMatch, limit: number) {
  const city = posting.region_code.slice(0, 4);
  const group = posting.occupation_code.slice(0, 4);
  return sql<ScoredRow>`
    with base as (
      select s.id, s.person_id, ${seekerPoints(posting)}
      from job_seeker s
      where s.active and s.occupation_groups @> array[${group}]::text[]
        and s.region_code >= ${city.padEnd(6, '0')} and s.region_code <= ${city.padEnd(6, '9')}
        and s.available_from <= ${posting.valid_to}
    ), reachable as (
      select * from base
      where occupation_points + region_points + pay_points + ${CERTIFICATE_POINTS} >= coalesce((
        select occupation_points + region_points + pay_points from base
        order by 1 desc offset ${limit - 1} limit 1), 0)
    )
    select id, ${SCORE} as score, occupation_points, region_points, pay_points, certificate_points
    from (
      select r.id, r.occupation_points, r.region_points, r.pay_points,
        case when exists (select 1 from registry_fact f where f.person_id = r.person_id and f.retracted_at is null
            and f.kind = 'certificate' and f.data->>'occupation' = ${posting.occupation_name}
            and (${posting.min_level}::int is null or (f.data->>'level')::int <= ${posting.min_level}::int))
          then ${CERTIFICATE_POINTS} else 0 end as certificate_points
      from reachable r
    ) scored
    order by score desc, id
    limit ${limit}`;
}

/** The plan the database chose for a query, with its timings, for the benchmark's printout. */
export async function explain(db: Db, query: Expression<unknown>): Promise<string> {
  const { rows } = await sql<{ 'QUERY PLAN': string }>`explain analyze ${query}`.execute(db);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** A scored row with its points as numbers (a database may return sums as strings). */
export function numbers(r: ScoredRow): ScoredRow {
  return {
    id: r.id,
    score: Number(r.score),
    occupation_points: Number(r.occupation_points),
    region_points: Number(r.region_points),
    pay_points: Number(r.pay_points),
    certificate_points: Number(r.certificate_points),
  };
}
