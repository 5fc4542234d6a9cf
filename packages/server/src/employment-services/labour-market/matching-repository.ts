import { sql, type Expression, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { OCCUPATIONS } from './occupations.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Matching's points, computed in the database so the ranking (score, then id) is the database's
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

const SCORE = sql`occupation_points + region_points + pay_points + certificate_points`;
const CERTIFICATE_POINTS = sql.lit(10);

/** The best open postings for a seeker. `certificates`: the seeker's best level per occupation code. */
export async function postingsForSeeker(
  db: Db,
  ...args: Parameters<typeof postingsForSeekerQuery>
): Promise<ScoredRow[]> {
  return (await postingsForSeekerQuery(...args).execute(db)).rows.map(numbers);
}

/** The query behind `postingsForSeeker`, for the benchmark's plan. */
export function postingsForSeekerQuery(
  seeker: { region_code: string; occupation_codes: string[]; occupation_groups: string[]; pay_min_fen: number },
  certificates: { code: string; level: number }[],
  today: string,
  limit: number,
) {
  const city = seeker.region_code.slice(0, 4);
  const best = new Map<string, number>();
  for (const c of certificates) best.set(c.code, Math.min(c.level, best.get(c.code) ?? 9));
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
          seeker.occupation_groups.map((g) => sql`(p.occupation_code >= ${g} and p.occupation_code < ${`${g}.`})`),
          sql` or `,
        )})
        and p.region_code >= ${city.padEnd(6, '0')} and p.region_code <= ${city.padEnd(6, '9')}
    ) scored
    order by score desc, id
    limit ${limit}`;
}

/** The best active seekers for a posting, among those available before the posting ends. */
export async function seekersForPosting(
  db: Db,
  ...args: Parameters<typeof seekersForPostingQuery>
): Promise<ScoredRow[]> {
  return (await seekersForPostingQuery(...args).execute(db)).rows.map(numbers);
}

/**
 * The query behind `seekersForPosting`, for the benchmark's plan. A city's seekers of the posting's
 * 中类 are many (thousands in 成都), and the certificate is the one point that needs a lookup per
 * seeker; so the other three points are scored for all, and the certificate looked up only for
 * those who could still reach the top: a seeker whose points without it, plus its 10, fall short of
 * the `limit`-th best without it cannot enter (each of those has at least that score). Strictly
 * short, so ties are ranked by id as before.
 */
export function seekersForPostingQuery(
  posting: {
    occupation_code: string;
    occupation_name: string;
    region_code: string;
    pay_min_fen: number;
    pay_max_fen: number;
    min_level: number | null;
    valid_to: string;
  },
  limit: number,
) {
  const city = posting.region_code.slice(0, 4);
  const group = posting.occupation_code.slice(0, 4);
  // A seeker's occupations are the catalogue's (seeker-service checks), so the same 小类 is an
  // overlap with the catalogue's occupations of it: no per-row unnest.
  const minor = posting.occupation_code.slice(0, 7);
  const sameMinor = OCCUPATIONS.filter((o) => o.code.startsWith(minor)).map((o) => o.code);
  return sql<ScoredRow>`
    with base as (
      select s.id, s.person_id,
        case when ${posting.occupation_code} = any(s.occupation_codes) then 40
             when s.occupation_codes && ${sql.val(sameMinor)}::text[] then 25
             else 15 end as occupation_points,
        case when s.region_code = ${posting.region_code} then 30 else 20 end as region_points,
        case when ${posting.pay_min_fen}::int >= s.pay_min_fen then 20
             when ${posting.pay_max_fen}::int >= s.pay_min_fen then 10 else 0 end as pay_points
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

function numbers(r: ScoredRow): ScoredRow {
  return {
    id: r.id,
    score: Number(r.score),
    occupation_points: Number(r.occupation_points),
    region_points: Number(r.region_points),
    pay_points: Number(r.pay_points),
    certificate_points: Number(r.certificate_points),
  };
}
