import type { IsoDate } from '@huimin/policy';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, TrainingDemandItemTable } from '../../db/schema.js';
import type { DemandItemInput } from './demand-item.js';

/** The training-demand catalogue's rows (training_demand_item): items are never deleted, only moved out. */
export type DemandItemRow = Selectable<TrainingDemandItemTable>;

export async function insertDemandItems(
  trx: Transaction<Database>,
  createdBy: string,
  inputs: readonly DemandItemInput[],
): Promise<string[]> {
  const rows = await trx
    .insertInto('training_demand_item')
    .values(
      inputs.map((input) => ({
        region_code: input.regionCode,
        occupation: input.occupation.trim(),
        level: input.level ?? null,
        training_kind: input.trainingKind,
        standard_fen: String(input.standardFen),
        hours: input.hours,
        urgent: input.urgent,
        payee: input.payee ?? 'trainee',
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        created_by: createdBy,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * An item of the same region, occupation, level and kind in force on any day the input would be:
 * an item moved out is in force until the day it was moved out. Taken under a lock of the region's
 * catalogue, so two requests adding the same item cannot both find none.
 */
export async function overlappingDemandItem(
  trx: Transaction<Database>,
  input: DemandItemInput,
): Promise<string | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`training-item:${input.regionCode}`}, 0))`.execute(trx);
  const found = await trx
    .selectFrom('training_demand_item')
    .select('id')
    .where('region_code', '=', input.regionCode)
    .where('occupation', '=', input.occupation.trim())
    .where(sql<boolean>`level is not distinct from ${input.level ?? null}::int`)
    .where('training_kind', '=', input.trainingKind)
    .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>', input.validFrom)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', input.validFrom)]))
    .$if(input.validTo !== undefined, (qb) => qb.where('valid_from', '<=', input.validTo ?? input.validFrom))
    .executeTakeFirst();
  return found?.id;
}

export function findDemandItem(db: Kysely<Database>, id: string): Promise<DemandItemRow | undefined> {
  return db.selectFrom('training_demand_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The item, which the caller knows exists (a class's, or one just written). */
export function getDemandItem(db: Kysely<Database>, id: string): Promise<DemandItemRow> {
  return db.selectFrom('training_demand_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Every item of these regions, history included, by occupation and level. */
export function demandItemsOfRegions(db: Kysely<Database>, regions: readonly string[]): Promise<DemandItemRow[]> {
  return db
    .selectFrom('training_demand_item')
    .selectAll()
    .where('region_code', 'in', [...regions])
    .orderBy('occupation')
    .orderBy('level')
    .execute();
}

/** The region of each of these items that exists. */
export function demandItemRegions(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<{ id: string; region_code: string }[]> {
  return db
    .selectFrom('training_demand_item')
    .select(['id', 'region_code'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function markDemandItemRemoved(
  trx: Transaction<Database>,
  id: string,
  on: IsoDate,
  reason: string,
): Promise<void> {
  await trx
    .updateTable('training_demand_item')
    .set({ removed_on: on, removed_reason: reason })
    .where('id', '=', id)
    .execute();
}
