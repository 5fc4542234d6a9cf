import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { explain, numbers, SCORE, type ScoredRow } from './matching-repository.js';
import { mediumGroup, OCCUPATIONS } from './occupations.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What matching needs of a seeker to rank postings for them. */
export interface SeekerToMatch {
  region_code: string;
  occupation_codes: string[];
  occupation_groups: string[];
  pay_min_fen: number;
}

/** A certificate the seeker holds: the occupation's catalogue code and its level (1 highest, 5 lowest). */
export interface HeldCertificate {
  code: string;
  level: number;
}

/** The seeker's best (lowest-numbered) level per occupation code. */
function bestLevels(certificates: readonly HeldCertificate[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const c of certificates) best.set(c.code, Math.min(c.level, best.get(c.code) ?? 9));
  return best;
}

/** The best open postings for a seeker, tier by tier (see `rankPostingsForSeeker`). */
export async function postingsForSeeker(
  db: Db,
  seeker: SeekerToMatch,
  certificates: readonly HeldCertificate[],
  today: string,
  limit: number,
): Promise<ScoredRow[]> {
  return (await rankPostingsForSeeker(db, seeker, certificates, today, limit)).rows;
}

/**
 * Postings for a seeker, tier by tier (decision 019). Candidates are the postings published and open
 * today, not gigs, of the seeker's 中类 in its city. Unlike seekers for a posting, every point is in
 * the posting's row: the seeker's certificates are known, so whether a posting earns the certificate's
 * 10 depends only on its occupation and the level it asks (`min_level`). A score is then one of a
 * few *levels*, each the union of *tiers* (occupation code × county or city × pay × certificate),
 * and each tier asks for its first rows by id from 0041's index (code, city, id). Whether the planner
 * walks that index in id order or reads the code's postings in the city by a bitmap scan and sorts
 * them is its choice (on the benchmark's data, the latter: decision 019, "Not done").
 *
 * Levels are read from the highest down, each giving its first `limit - found` postings by id.
 * Every posting found so far is of a higher level than the next one, so once `limit` are found no
 * lower level can enter and the descent stops. A level is read whole — all its tiers, then their
 * union's first rows by id — for a posting of a later tier may have the smaller id (the tie-break).
 *
 * The answer is `postingsForSeekerQuery`'s ranking (a property test holds both to the rules).
 * `levels` are those read, for the test and the benchmark; `plans`, if given, receives each plan.
 */
export async function rankPostingsForSeeker(
  db: Db,
  seeker: SeekerToMatch,
  certificates: readonly HeldCertificate[],
  today: string,
  limit: number,
  plans?: string[],
): Promise<{ rows: ScoredRow[]; levels: number[] }> {
  const found: ScoredRow[] = [];
  const levels: number[] = [];
  for (const level of levelsOf(seeker, bestLevels(certificates))) {
    const wanted = limit - found.length;
    if (wanted <= 0) break;
    levels.push(level.score);
    const query = levelQuery(seeker, level.tiers, today, wanted);
    if (plans) plans.push(await explain(db, query));
    // In id order within the level, and every level below the last: `found` stays in rank order.
    // The levels are separate statements: a posting edited between two of them could move into a
    // level still to be read, so one already found is not taken twice.
    const seen = new Set(found.map((r) => r.id));
    found.push(...(await query.execute(db)).rows.map(numbers).filter((r) => !seen.has(r.id)));
  }
  return { rows: found, levels };
}

/** One tier: postings of one occupation code with given points. */
interface Tier {
  code: string;
  occupation: number;
  region: number;
  pay: number;
  certificate: number;
  /** The seeker's best level of the code's certificate, if any: the certificate tier is a filter on `min_level`. */
  held?: number;
}

/**
 * The levels of a seeker's postings, highest first, each with its tiers. The codes are the
 * catalogue's of the seeker's 中类 (a posting's occupation is the catalogue's: posting-checks), and
 * the seeker's own. A release that takes a code out of the catalogue must move the postings that
 * carry it to its successor (a migration): a code no longer listed here is never read.
 */
function levelsOf(seeker: SeekerToMatch, held: Map<string, number>): { score: number; tiers: Tier[] }[] {
  const groups = new Set(seeker.occupation_groups);
  const minors = new Set(seeker.occupation_codes.map((c) => c.slice(0, 7)));
  const codes = new Set([
    ...OCCUPATIONS.map((o) => o.code).filter((c) => groups.has(mediumGroup(c))),
    ...seeker.occupation_codes.filter((c) => groups.has(mediumGroup(c))),
  ]);
  const tiers: Tier[] = [];
  for (const code of codes) {
    const occupation = seeker.occupation_codes.includes(code) ? 40 : minors.has(code.slice(0, 7)) ? 25 : 15;
    const level = held.get(code);
    for (const region of [30, 20])
      for (const pay of [20, 10, 0])
        for (const certificate of level === undefined ? [0] : [10, 0])
          tiers.push({ code, occupation, region, pay, certificate, ...(level === undefined ? {} : { held: level }) });
  }
  const score = (t: Tier) => t.occupation + t.region + t.pay + t.certificate;
  const scores = [...new Set(tiers.map(score))].sort((a, b) => b - a);
  return scores.map((s) => ({ score: s, tiers: tiers.filter((t) => score(t) === s) }));
}

/**
 * The first `limit` postings by id of one level: per tier the first `limit` of its code in the city
 * by id; the tiers are disjoint, and their union's first `limit` by id are the level's (each is
 * among the first `limit` of its own tier).
 */
function levelQuery(seeker: SeekerToMatch, tiers: Tier[], today: string, limit: number): RawBuilder<ScoredRow> {
  const city = seeker.region_code.slice(0, 4);
  const wish = seeker.pay_min_fen;
  const scans = tiers.map((t) => {
    const region =
      t.region === 30 ? sql`p.region_code = ${seeker.region_code}` : sql`p.region_code <> ${seeker.region_code}`;
    const pay =
      t.pay === 20
        ? sql`p.pay_min_fen >= ${wish}::int`
        : t.pay === 10
          ? sql`p.pay_min_fen < ${wish}::int and p.pay_max_fen >= ${wish}::int`
          : sql`p.pay_max_fen < ${wish}::int`;
    // The certificate counts if the posting asks no level or one the seeker's meets (1 is the highest).
    const certificate =
      t.held === undefined
        ? sql`true`
        : t.certificate === 10
          ? sql`(p.min_level is null or p.min_level >= ${t.held}::int)`
          : sql`p.min_level < ${t.held}::int`;
    return sql`(select p.id, ${sql.lit(t.occupation)} as occupation_points, ${sql.lit(t.region)} as region_points,
        ${sql.lit(t.pay)} as pay_points, ${sql.lit(t.certificate)} as certificate_points
      from job_posting p
      where p.state = 'published' and p.occupation_code = ${t.code} and left(p.region_code, 4) = ${city}
        and p.valid_from <= ${today} and p.valid_to >= ${today}
        and not exists (select 1 from gig_posting g where g.posting_id = p.id)
        and ${region} and ${pay} and ${certificate}
      order by p.id limit ${limit})`;
  });
  return sql<ScoredRow>`
    select id, ${SCORE} as score, occupation_points, region_points, pay_points, certificate_points
    from (${sql.join(scans, sql` union all `)}) u
    order by id
    limit ${limit}`;
}

/**
 * Every open posting of the seeker's 中类 in its city, scored and ranked in one query: the ranking
 * the tiers must equal, and the benchmark's baseline.
 */
export function postingsForSeekerQuery(
  seeker: SeekerToMatch,
  certificates: readonly HeldCertificate[],
  today: string,
  limit: number,
) {
  const city = seeker.region_code.slice(0, 4);
  const best = bestLevels(certificates);
  const codes = sql.val([...best.keys()]);
  const levels = sql.val([...best.values()]);
  const minors = sql.val([...new Set(seeker.occupation_codes.map((c) => c.slice(0, 7)))]);
  const at = sql`array_position(${codes}::text[], p.occupation_code)`;
  return sql<ScoredRow>`
    select id, ${SCORE} as score, occupation_points, region_points, pay_points, certificate_points
    from (
      select p.id,
        case when p.occupation_code = any(${sql.val(seeker.occupation_codes)}::text[]) then 40
             when left(p.occupation_code, 7) = any(${minors}::text[]) then 25 else 15 end as occupation_points,
        case when p.region_code = ${seeker.region_code} then 30 else 20 end as region_points,
        case when p.pay_min_fen >= ${seeker.pay_min_fen} then 20
             when p.pay_max_fen >= ${seeker.pay_min_fen} then 10 else 0 end as pay_points,
        case when ${at} is not null and (p.min_level is null or (${levels}::int[])[${at}] <= p.min_level)
             then 10 else 0 end as certificate_points
      from job_posting p
      where p.state = 'published' and p.valid_from <= ${today} and p.valid_to >= ${today}
        -- a gig's pay is per day or piece: it is not weighed against a monthly wish (decision 023)
        and not exists (select 1 from gig_posting g where g.posting_id = p.id)
        and (${sql.join(
          // A prefix, not a range: a range past '-' holds only under byte order (C collation).
          seeker.occupation_groups.map((g) => sql`p.occupation_code like ${`${g}%`}`),
          sql` or `,
        )})
        and p.region_code >= ${city.padEnd(6, '0')} and p.region_code <= ${city.padEnd(6, '9')}
    ) scored
    order by score desc, id
    limit ${limit}`;
}
