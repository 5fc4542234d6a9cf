import type { IsoDate } from '@huimin/policy';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, TrainingInstitutionTable } from '../../db/schema.js';

/** The institution catalogue's rows (training_institution) and the items each may run (training_institution_item). */
export type InstitutionRow = Selectable<TrainingInstitutionTable>;

/** The registered unit an institution is listed as. */
export function findOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; name: string; region_code: string } | undefined> {
  return db.selectFrom('organisation').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
}

/** The new institution's id, or nothing when the unit is already listed. */
export async function insertInstitution(
  trx: Transaction<Database>,
  values: Insertable<TrainingInstitutionTable>,
): Promise<string | undefined> {
  const row = await trx
    .insertInto('training_institution')
    .values(values)
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertInstitutionItems(
  trx: Transaction<Database>,
  institutionId: string,
  demandItemIds: readonly string[],
): Promise<void> {
  await trx
    .insertInto('training_institution_item')
    .values(demandItemIds.map((d) => ({ institution_id: institutionId, demand_item_id: d })))
    .execute();
}

export async function markInstitutionRemoved(
  trx: Transaction<Database>,
  id: string,
  on: IsoDate,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('training_institution')
    .set({ status: 'removed', removed_on: on, removed_reason: reason })
    .where('id', '=', id)
    .execute();
}

export function findInstitution(db: Kysely<Database>, id: string): Promise<InstitutionRow | undefined> {
  return db.selectFrom('training_institution').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The institution, which the caller knows exists (a class's). */
export function getInstitution(db: Kysely<Database>, id: string): Promise<InstitutionRow> {
  return db.selectFrom('training_institution').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The institutions of a range of region codes, by name; `listedOnly` leaves out those moved out. */
export function institutionsInRange(
  db: Kysely<Database>,
  range: { low: string; high: string },
  listedOnly: boolean,
): Promise<InstitutionRow[]> {
  let q = db
    .selectFrom('training_institution')
    .selectAll()
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high);
  if (listedOnly) q = q.where('status', '=', 'listed');
  return q.orderBy('name').execute();
}

/** The institution a registered unit is listed as, moved out or not. */
export function institutionsOfOrganisation(db: Kysely<Database>, organisationId: string): Promise<InstitutionRow[]> {
  return db.selectFrom('training_institution').selectAll().where('organisation_id', '=', organisationId).execute();
}

/** The region of the institution a unit is listed as, if it is listed now. */
export function listedRegionOf(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ region_code: string } | undefined> {
  return db
    .selectFrom('training_institution')
    .select('region_code')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'listed')
    .executeTakeFirst();
}

/** The items these institutions may run, in one query. */
export function institutionItems(
  db: Kysely<Database>,
  institutionIds: readonly string[],
): Promise<{ institution_id: string; demand_item_id: string }[]> {
  return db
    .selectFrom('training_institution_item')
    .selectAll()
    .where('institution_id', 'in', [...institutionIds])
    .execute();
}

export async function offersItem(db: Kysely<Database>, institutionId: string, demandItemId: string): Promise<boolean> {
  const row = await db
    .selectFrom('training_institution_item')
    .select('demand_item_id')
    .where('institution_id', '=', institutionId)
    .where('demand_item_id', '=', demandItemId)
    .executeTakeFirst();
  return row !== undefined;
}
