import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Matching's points, computed in the database so the ranking (score, then id) is the database's
 * and the top 20 come back without reading every candidate into the process:
 * - occupation: the same occupation 40, the same 小类 25, the same 中类 15 (candidates share the 中类);
 * - region: the same county 30, the same city 20 (candidates are in the same city, 就近就业);
 * - pay: the posting's lowest pay meets the seeker's wish 20, only its highest does 10;
 * - certificate: the seeker holds one for the posting's occupation at the level asked for 10.
 */
export interface ScoredRow {
  id: string;
  score: number;
  occupation_points: number;
  region_points: number;
  pay_points: number;
  certificate_points: number;
}

const occupationPoints = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
  sql<number>`case when ${a} = ${b} then 40 when left(${a}, 7) = left(${b}, 7) then 25 else 15 end`;
const regionPoints = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
  sql<number>`case when ${a} = ${b} then 30 else 20 end`;
const payPoints = (postMin: ReturnType<typeof sql>, postMax: ReturnType<typeof sql>, wish: ReturnType<typeof sql>) =>
  sql<number>`case when ${postMin} >= ${wish} then 20 when ${postMax} >= ${wish} then 10 else 0 end`;

/** The best open postings for a seeker. `certificates`: the seeker's certificates as occupation codes and levels. */
export async function postingsForSeeker(
  db: Db,
  seeker: { region_code: string; occupation_codes: string[]; occupation_groups: string[]; pay_min_fen: number },
  certificates: { code: string; level: number }[],
  today: string,
  limit: number,
): Promise<ScoredRow[]> {
  const city = seeker.region_code.slice(0, 4);
  const codes = certificates.map((c) => c.code);
  const levels = certificates.map((c) => c.level);
  const best = sql<string>`(select c from unnest(${sql.val(seeker.occupation_codes)}::text[]) c
      order by (c = p.occupation_code) desc, (left(c, 7) = left(p.occupation_code, 7)) desc limit 1)`;
  const { rows } = await sql<ScoredRow>`
    select id, occupation_points + region_points + pay_points + certificate_points as score,
      occupation_points, region_points, pay_points, certificate_points
    from (
      select p.id,
        ${occupationPoints(best, sql`p.occupation_code`)} as occupation_points,
        ${regionPoints(sql`p.region_code`, sql.val(seeker.region_code))} as region_points,
        ${payPoints(sql`p.pay_min_fen`, sql`p.pay_max_fen`, sql.val(seeker.pay_min_fen))} as pay_points,
        coalesce((select 10 from unnest(${sql.val(codes)}::text[], ${sql.val(levels)}::int[]) as c(code, level)
           where c.code = p.occupation_code and (p.min_level is null or c.level <= p.min_level) limit 1), 0)
          as certificate_points
      from job_posting p
      where p.state = 'published' and p.valid_from <= ${today} and p.valid_to >= ${today}
        and left(p.occupation_code, 4) = any(${sql.val(seeker.occupation_groups)}::text[])
        and p.region_code >= ${city.padEnd(6, '0')} and p.region_code <= ${city.padEnd(6, '9')}
    ) scored
    order by score desc, id
    limit ${limit}`.execute(db);
  return rows.map(numbers);
}

/** The best active seekers for a posting, among those available by `today`'s posting validity end. */
export async function seekersForPosting(
  db: Db,
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
): Promise<ScoredRow[]> {
  const city = posting.region_code.slice(0, 4);
  const group = posting.occupation_code.slice(0, 4);
  const best = sql<string>`(select c from unnest(s.occupation_codes) c
      order by (c = ${posting.occupation_code}) desc, (left(c, 7) = ${posting.occupation_code.slice(0, 7)}) desc limit 1)`;
  const { rows } = await sql<ScoredRow>`
    select id, occupation_points + region_points + pay_points + certificate_points as score,
      occupation_points, region_points, pay_points, certificate_points
    from (
      select s.id,
        ${occupationPoints(best, sql.val(posting.occupation_code))} as occupation_points,
        ${regionPoints(sql`s.region_code`, sql.val(posting.region_code))} as region_points,
        ${payPoints(sql.val(posting.pay_min_fen), sql.val(posting.pay_max_fen), sql`s.pay_min_fen`)} as pay_points,
        case when exists (select 1 from registry_fact f where f.person_id = s.person_id and f.retracted_at is null
            and f.kind = 'certificate' and f.data->>'occupation' = ${posting.occupation_name}
            and (${posting.min_level}::int is null or (f.data->>'level')::int <= ${posting.min_level}::int))
          then 10 else 0 end as certificate_points
      from job_seeker s
      where s.active and s.occupation_groups @> array[${group}]::text[]
        and s.region_code >= ${city.padEnd(6, '0')} and s.region_code <= ${city.padEnd(6, '9')}
        and s.available_from <= ${posting.valid_to}
    ) scored
    order by score desc, id
    limit ${limit}`.execute(db);
  return rows.map(numbers);
}

/** The plan the database chose for a query, for the benchmark's printout. */
export async function explain(db: Db, query: string): Promise<string> {
  const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(db);
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
