import type { IsoDate } from '@huimin/policy';
import type { Kysely, Selectable, Transaction } from 'kysely';
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
