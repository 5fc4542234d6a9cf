import type { ParameterValue } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Locally set parameter values as the engine takes them. */
export async function listLocalParameterValues(db: Kysely<Database>): Promise<ParameterValue[]> {
  const rows = await db.selectFrom('parameter_value').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    parameter: r.parameter,
    region: r.region_code,
    from: r.valid_from,
    ...(r.valid_to ? { to: r.valid_to } : {}),
    value: Number(r.value),
    source: r.source,
    ...(r.note ? { note: r.note } : {}),
  }));
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
