import type { ParameterValue } from '@huimin/policy';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ParameterValueTable } from '../db/schema.js';
import { parameterLabel } from './parameter-labels.js';

/** A stored value as the engine takes it, named as its declaration names it. */
function toParameterValue(r: Selectable<ParameterValueTable>): ParameterValue {
  const label = parameterLabel(r.parameter);
  return {
    parameter: r.parameter,
    region: r.region_code,
    from: r.valid_from,
    ...(r.valid_to ? { to: r.valid_to } : {}),
    value: Number(r.value),
    source: r.source,
    ...(r.note ? { note: r.note } : {}),
    ...(label ? { label } : {}),
  };
}

/** Locally set parameter values as the engine takes them, each named as its declaration names it. */
export async function listLocalParameterValues(db: Kysely<Database>): Promise<ParameterValue[]> {
  const rows = await db.selectFrom('parameter_value').selectAll().orderBy('id').execute();
  return rows.map(toParameterValue);
}

/**
 * The local settings' version. Values are only ever added, so their count grows with every one
 * committed; the newest id alone would not do, as two settings committed out of the order their ids
 * were drawn in would leave the later commit's lower id unseen.
 */
export async function parameterVersion(db: Kysely<Database>): Promise<string> {
  const row = await parameterVersionOf(db).executeTakeFirst();
  return row?.version ?? '0:0';
}

/** `parameterVersion` as a query, for a statement that reads it beside other versions (one round trip). */
export function parameterVersionOf(db: Kysely<Database>) {
  return db
    .selectFrom('parameter_value')
    .select(sql<string>`count(*)::text || ':' || coalesce(max(id)::text, '0')`.as('version'));
}

export async function insertParameterValues(db: Kysely<Database>, values: readonly ParameterValue[]): Promise<void> {
  if (values.length === 0) return;
  await db
    .insertInto('parameter_value')
    .values(
      values.map((v) => ({
        parameter: v.parameter,
        region_code: v.region,
        valid_from: v.from,
        valid_to: v.to ?? null,
        value: String(v.value),
        source: v.source === 'text' ? 'local-setting' : v.source,
        note: v.note ?? null,
      })),
    )
    .execute();
}

/** The local settings of regions in [low, high], newest first, at most 1000; optionally one parameter. */
export async function listRegionParameterValues(
  db: Kysely<Database>,
  range: { low: string; high: string },
  parameter?: string,
): Promise<ParameterValue[]> {
  let q = db
    .selectFrom('parameter_value')
    .selectAll()
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high)
    .orderBy('id', 'desc')
    .limit(1000);
  if (parameter) q = q.where('parameter', '=', parameter);
  const rows = await q.execute();
  return rows.map(toParameterValue);
}
