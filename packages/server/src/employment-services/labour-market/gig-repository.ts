import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, GigMatchTable, GigPayUnit, GigStationTable, GigWorkerTable } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type StationRow = Selectable<GigStationTable> & { operator_name: string; region_zh: string; region_en: string };

function stations(db: Db) {
  return db
    .selectFrom('gig_station as s')
    .innerJoin('organisation as o', 'o.id', 's.operator_id')
    .innerJoin('region as g', 'g.code', 's.region_code')
    .selectAll('s')
    .select(['o.name as operator_name', 'g.name_zh as region_zh', 'g.name_en as region_en']);
}

export async function findStation(db: Db, id: string): Promise<StationRow | undefined> {
  return stations(db).where('s.id', '=', id).executeTakeFirst();
}

export async function stationsInRange(db: Db, range: { low: string; high: string }): Promise<StationRow[]> {
  return stations(db)
    .where('s.region_code', '>=', range.low)
    .where('s.region_code', '<=', range.high)
    .orderBy('s.region_code')
    .orderBy('s.name')
    .execute();
}

/** Inserts a station; undefined when the region already has one of that name. */
export async function insertStation(
  trx: Transaction<Database>,
  row: Insertable<GigStationTable>,
): Promise<string | undefined> {
  const r = await trx
    .insertInto('gig_station')
    .values(row)
    .onConflict((oc) => oc.constraint('gig_station_name').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

export async function insertGigPosting(
  trx: Transaction<Database>,
  row: { posting_id: string; station_id: string; pay_unit: GigPayUnit },
): Promise<void> {
  await trx.insertInto('gig_posting').values(row).execute();
}

export async function findGigPosting(db: Db, postingId: string) {
  return db.selectFrom('gig_posting').selectAll().where('posting_id', '=', postingId).executeTakeFirst();
}

/** The station's gig postings (any state), newest first, with their pay unit. */
export async function gigPostingsOf(
  db: Db,
  stationId: string,
): Promise<{ posting_id: string; pay_unit: GigPayUnit }[]> {
  return db
    .selectFrom('gig_posting as g')
    .innerJoin('job_posting as p', 'p.id', 'g.posting_id')
    .select(['g.posting_id', 'g.pay_unit'])
    .where('g.station_id', '=', stationId)
    .orderBy('p.created_at', 'desc')
    .limit(500)
    .execute();
}

/** The public gig board: published gig postings open today in a region range, newest first. */
export async function openGigs(
  db: Db,
  range: { low: string; high: string },
  today: string,
  limit: number,
): Promise<{ posting_id: string; pay_unit: GigPayUnit; station_id: string }[]> {
  return db
    .selectFrom('gig_posting as g')
    .innerJoin('job_posting as p', 'p.id', 'g.posting_id')
    .select(['g.posting_id', 'g.pay_unit', 'g.station_id'])
    .where('p.state', '=', 'published')
    .where('p.valid_from', '<=', today)
    .where('p.valid_to', '>=', today)
    .where('p.region_code', '>=', range.low)
    .where('p.region_code', '<=', range.high)
    .orderBy('p.valid_from', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

export type WorkerRow = Selectable<GigWorkerTable> & { name: string };

/** Registers a person at a station; an existing entry is left as it is and returned. */
export async function upsertWorker(trx: Transaction<Database>, row: Insertable<GigWorkerTable>): Promise<string> {
  const inserted = await trx
    .insertInto('gig_worker')
    .values(row)
    .onConflict((oc) => oc.constraint('gig_worker_once').doUpdateSet({ skills: row.skills }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function workersOf(db: Db, stationId: string): Promise<WorkerRow[]> {
  return db
    .selectFrom('gig_worker as w')
    .innerJoin('person as p', 'p.id', 'w.person_id')
    .selectAll('w')
    .select('p.name')
    .where('w.station_id', '=', stationId)
    .orderBy('w.registered_on', 'desc')
    .orderBy('w.id')
    .limit(1000)
    .execute();
}

export async function findWorkerOf(db: Db, stationId: string, personId: string) {
  return db
    .selectFrom('gig_worker')
    .select(['id', 'registered_on'])
    .where('station_id', '=', stationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/**
 * How many people a gig takes and how many it has placed, with the gig's row locked until the
 * transaction ends, so placements made at once are counted one after the other.
 */
export async function gigPlaces(
  trx: Transaction<Database>,
  postingId: string,
): Promise<{ headcount: number; placed: number }> {
  const posting = await trx
    .selectFrom('job_posting')
    .select('headcount')
    .where('id', '=', postingId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const placed = await trx
    .selectFrom('gig_match')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('posting_id', '=', postingId)
    .executeTakeFirstOrThrow();
  return { headcount: posting.headcount, placed: Number(placed.n) };
}

export async function findWorker(db: Db, id: string) {
  return db.selectFrom('gig_worker').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records a match; undefined when that worker was already matched to that posting. */
export async function insertMatch(
  trx: Transaction<Database>,
  row: Insertable<GigMatchTable>,
): Promise<string | undefined> {
  const r = await trx
    .insertInto('gig_match')
    .values(row)
    .onConflict((oc) => oc.constraint('gig_match_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/**
 * A month's service figures for a station: gig postings published in it (by the day they opened),
 * distinct workers served (registered or matched in the month), and matches made.
 */
export async function monthFigures(
  db: Db,
  stationId: string,
  from: string,
  to: string,
): Promise<{ postings: number; workersServed: number; matches: number; workersMatched: number }> {
  const r = await sql<{ postings: string; served: string; matches: string; matched: string }>`
    select
      (select count(*) from gig_posting g join job_posting p on p.id = g.posting_id
        where g.station_id = ${stationId} and p.state in ('published', 'withdrawn') and p.reviewed_at is not null
          and p.valid_from between ${from}::date and ${to}::date) as postings,
      (select count(distinct w) from (
         select id as w from gig_worker where station_id = ${stationId} and registered_on between ${from}::date and ${to}::date
         union all
         select worker_id from gig_match where station_id = ${stationId} and matched_on between ${from}::date and ${to}::date
       ) s) as served,
      (select count(*) from gig_match where station_id = ${stationId} and matched_on between ${from}::date and ${to}::date) as matches,
      (select count(distinct worker_id) from gig_match
        where station_id = ${stationId} and matched_on between ${from}::date and ${to}::date) as matched
  `.execute(db);
  const row = r.rows[0];
  return {
    postings: Number(row?.postings ?? 0),
    workersServed: Number(row?.served ?? 0),
    matches: Number(row?.matches ?? 0),
    workersMatched: Number(row?.matched ?? 0),
  };
}
