import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, RecruitmentEventTable } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type EventRow = Selectable<RecruitmentEventTable> & { cvs_received: number };

function events(db: Db) {
  return db
    .selectFrom('recruitment_event as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('recruitment_cv as c')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('c.event_id', '=', 'e.id')
        .as('cvs_received'),
    );
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return (await events(db).where('e.id', '=', id).executeTakeFirst()) as EventRow | undefined;
}

export async function eventsInRange(db: Db, range: { low: string; high: string }): Promise<EventRow[]> {
  return (await events(db)
    .where('e.region_code', '>=', range.low)
    .where('e.region_code', '<=', range.high)
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id')
    .limit(500)
    .execute()) as EventRow[];
}

/** Events running at `now`, soonest to end first. */
export async function liveEvents(db: Db, now: Date): Promise<EventRow[]> {
  return (await events(db)
    .where('e.starts_at', '<=', now)
    .where('e.ends_at', '>=', now)
    .orderBy('e.ends_at')
    .orderBy('e.id')
    .limit(50)
    .execute()) as EventRow[];
}

export async function insertEvent(
  trx: Transaction<Database>,
  row: Insertable<RecruitmentEventTable>,
  postingIds: readonly string[],
): Promise<string> {
  const { id } = await trx.insertInto('recruitment_event').values(row).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('recruitment_event_posting')
    .values(postingIds.map((posting_id) => ({ event_id: id, posting_id })))
    .execute();
  return id;
}

export async function eventPostingIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('recruitment_event_posting')
    .select('posting_id')
    .where('event_id', '=', eventId)
    .orderBy('posting_id')
    .execute();
  return rows.map((r) => r.posting_id);
}

/** Records a CV; undefined when the seeker already sent one to that posting at that event. */
export async function insertCv(
  trx: Transaction<Database>,
  row: { event_id: string; posting_id: string; seeker_id: string; submitted_at: Date },
): Promise<string | undefined> {
  const r = await trx
    .insertInto('recruitment_cv')
    .values(row)
    .onConflict((oc) => oc.constraint('recruitment_cv_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export async function cvsOf(db: Db, eventId: string) {
  return db
    .selectFrom('recruitment_cv as c')
    .innerJoin('job_seeker as s', 's.id', 'c.seeker_id')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('job_posting as j', 'j.id', 'c.posting_id')
    .select(['c.id', 'c.posting_id', 'c.seeker_id', 'c.submitted_at', 'p.name', 'j.title'])
    .where('c.event_id', '=', eventId)
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .execute();
}

export async function lockEvent(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('recruitment_event').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setResults(
  trx: Transaction<Database>,
  id: string,
  results: { views: number; cvs: number; interviews: number; hires: number; results_by: string; results_at: Date },
): Promise<void> {
  await trx.updateTable('recruitment_event').set(results).where('id', '=', id).execute();
}
