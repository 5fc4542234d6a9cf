import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Database, JobPostingTable, PostingState } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type PostingRow = Selectable<JobPostingTable> & {
  organisation_name: string;
  region_zh: string;
  region_en: string;
};

export interface Employer {
  id: string;
  name: string;
  credit_code: string;
  region_code: string;
}

export async function findEmployer(db: Db, id: string): Promise<Employer | undefined> {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'credit_code', 'region_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

function postings(db: Db) {
  return db
    .selectFrom('job_posting as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .innerJoin('region as g', 'g.code', 'p.region_code')
    .selectAll('p')
    .select(['o.name as organisation_name', 'g.name_zh as region_zh', 'g.name_en as region_en']);
}

export async function findPosting(db: Db, id: string): Promise<PostingRow | undefined> {
  return postings(db).where('p.id', '=', id).executeTakeFirst();
}

/** Several postings at once (a page of matches), in no particular order. */
export async function findPostings(db: Db, ids: readonly string[]): Promise<PostingRow[]> {
  return ids.length === 0
    ? []
    : postings(db)
        .where('p.id', 'in', [...ids])
        .execute();
}

export async function findPostingForUpdate(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('job_posting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function postingsOfUnit(db: Db, organisationId: string): Promise<PostingRow[]> {
  return postings(db).where('p.organisation_id', '=', organisationId).orderBy('p.created_at', 'desc').execute();
}

export async function postingsInRange(
  db: Db,
  range: { low: string; high: string },
  state: PostingState | undefined,
  limit: number,
): Promise<PostingRow[]> {
  let q = postings(db).where('p.region_code', '>=', range.low).where('p.region_code', '<=', range.high);
  if (state) q = q.where('p.state', '=', state);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id').limit(limit).execute();
}

export async function insertPosting(trx: Transaction<Database>, row: Insertable<JobPostingTable>): Promise<string> {
  return (await trx.insertInto('job_posting').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * What makes two postings of one unit the same job to a seeker (重复发布): the title, the occupation,
 * the workplace's region, the pay range and its unit (a month, a day or a piece). Headcount, place,
 * requirements and contact are left out on purpose: they are what a unit rewords or corrects, and
 * a unit that needs more people raises the headcount rather than posting the job again.
 */
export interface PostingKey {
  organisationId: string;
  title: string;
  occupationCode: string;
  regionCode: string;
  payMinFen: number;
  payMaxFen: number;
  payUnit: 'month' | 'day' | 'piece';
}

/**
 * Holds the unit's postings till the transaction ends: two identical postings sent at once are
 * checked one after the other, so the second sees the first (a unique index would need a migration,
 * and could not say "open" — a withdrawn or expired posting may be posted again).
 */
export async function lockUnitPostings(trx: Transaction<Database>, organisationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`job-posting-unit:${organisationId}`}, 0))`.execute(trx);
}

/**
 * The unit's open posting with the same key — waiting for review or published, and not yet past
 * its validity — other than `except` (the posting being corrected).
 */
export async function findSameOpenPosting(
  db: Db,
  key: PostingKey,
  today: string,
  except?: string,
): Promise<{ id: string; valid_to: string } | undefined> {
  let q = db
    .selectFrom('job_posting as p')
    .leftJoin('gig_posting as g', 'g.posting_id', 'p.id')
    .select(['p.id', 'p.valid_to'])
    .where('p.organisation_id', '=', key.organisationId)
    .where('p.title', '=', key.title)
    .where('p.occupation_code', '=', key.occupationCode)
    .where('p.region_code', '=', key.regionCode)
    .where('p.pay_min_fen', '=', key.payMinFen)
    .where('p.pay_max_fen', '=', key.payMaxFen)
    .where('p.state', 'in', ['submitted', 'published'])
    .where('p.valid_to', '>=', today)
    .where(sql<string>`coalesce(g.pay_unit, 'month')`, '=', key.payUnit);
  if (except) q = q.where('p.id', '<>', except);
  return q.orderBy('p.created_at').limit(1).executeTakeFirst();
}

export async function updatePosting(
  trx: Transaction<Database>,
  id: string,
  set: Updateable<JobPostingTable>,
): Promise<void> {
  await trx
    .updateTable('job_posting')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export interface BoardFilter {
  today: string;
  range?: { low: string; high: string };
  /** An occupation code or a prefix of one (`6-31`). */
  occupation?: string;
  payMinFen?: number;
  /** Terms every match must hold (the keyword's bigrams), and the runs its text must contain. */
  terms: string[];
  like: string[];
  limit: number;
  offset: number;
}

/** The most the board counts: past it the total reads "1,000+" and a person narrows the search. */
export const BOARD_COUNT_CAP = 1000;

/**
 * The public board: published, open today, newest first. The page's ids are found on the posting
 * table alone and only those twenty are joined to their unit and region; the total is counted up to
 * `BOARD_COUNT_CAP`.
 */
export async function board(db: Db, f: BoardFilter): Promise<{ total: number; rows: PostingRow[] }> {
  const page = await boardQuery(db, f)
    .orderBy('p.valid_from', 'desc')
    .orderBy('p.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const found = new Map(
    (
      await findPostings(
        db,
        page.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const rows = page.flatMap((r) => found.get(r.id) ?? []);
  const counted = await db
    .selectFrom(boardQuery(db, f).limit(BOARD_COUNT_CAP).as('c'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { total: Number(counted.n), rows };
}

/** The board's filters as a query, unordered (the benchmark prints its plan). */
export function boardQuery(db: Db, f: Omit<BoardFilter, 'limit' | 'offset'>) {
  let q = db
    .selectFrom('job_posting as p')
    .select(['p.id', 'p.valid_from'])
    .where('p.state', '=', 'published')
    .where('p.valid_from', '<=', f.today)
    .where('p.valid_to', '>=', f.today)
    // Gig postings are paid by the day or piece: they have their own board (gig-repository).
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('gig_posting as g').select('g.posting_id').whereRef('g.posting_id', '=', 'p.id'))),
    );
  if (f.range) q = q.where('p.region_code', '>=', f.range.low).where('p.region_code', '<=', f.range.high);
  if (f.occupation)
    q =
      f.occupation.length === 10
        ? q.where('p.occupation_code', '=', f.occupation)
        : // A prefix, not a range: a range past '-' holds only under byte order (C collation).
          q.where('p.occupation_code', 'like', `${escapeLike(f.occupation)}%`);
  if (f.payMinFen !== undefined) q = q.where('p.pay_max_fen', '>=', f.payMinFen);
  if (f.terms.length > 0) q = q.where(sql<boolean>`p.search_terms @> ${sql.val(f.terms)}::text[]`);
  for (const run of f.like) q = q.where('p.search_text', 'like', `%${escapeLike(run)}%`);
  return q;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
