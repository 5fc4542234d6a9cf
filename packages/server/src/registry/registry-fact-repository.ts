import type { Transaction } from 'kysely';
import type { Database, RegistryFactTable } from '../db/schema.js';

/**
 * Facts another module records for a person it keeps records on (an employment registration, a
 * hardship certification) and later ends. A fact is never edited: ending one retracts it, with the
 * reason, and records the same fact with its end date, in the caller's transaction.
 */
export interface OwnedFact {
  readonly personId: string;
  readonly kind: string;
  readonly data: Record<string, unknown>;
  readonly source: RegistryFactTable['source'];
  readonly recordedBy: string;
  /** Where it came from, when not typed in by staff: a reference snapshot, a confirmed declaration. */
  readonly provenance?: Record<string, unknown>;
}

/** Records one fact and returns its id, so its owner can end it later. */
export async function recordFact(trx: Transaction<Database>, fact: OwnedFact): Promise<string> {
  const row = await trx
    .insertInto('registry_fact')
    .values({
      person_id: fact.personId,
      organisation_id: null,
      kind: fact.kind,
      data: JSON.stringify(fact.data),
      source: fact.source,
      recorded_by: fact.recordedBy,
      provenance: fact.provenance ? JSON.stringify(fact.provenance) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Ends a fact on a day: retracts it, with the reason, and records the same fact with `to`.
 * Returns the new fact's id (or the old one's, if it was already retracted by someone else).
 */
export async function endFact(
  trx: Transaction<Database>,
  factId: string,
  to: string,
  by: { recordedBy: string; source: RegistryFactTable['source']; reason: string; at: Date },
): Promise<string> {
  const old = await trx
    .updateTable('registry_fact')
    .set({ retracted_at: by.at, retracted_by: by.recordedBy, retraction_reason: by.reason })
    .where('id', '=', factId)
    .where('retracted_at', 'is', null)
    .returning(['person_id', 'kind', 'data'])
    .executeTakeFirst();
  if (!old?.person_id) return factId;
  const data = { ...(old.data as Record<string, unknown>), to };
  return recordFact(trx, {
    personId: old.person_id,
    kind: old.kind,
    data,
    source: by.source,
    recordedBy: by.recordedBy,
  });
}

/**
 * Retracts a fact its source no longer holds (a person off a list in the latest snapshot), with
 * the reason, in the caller's transaction. False when someone retracted it first.
 */
export async function retractFact(
  trx: Transaction<Database>,
  factId: string,
  by: { recordedBy: string; reason: string; at: Date },
): Promise<boolean> {
  const done = await trx
    .updateTable('registry_fact')
    .set({ retracted_at: by.at, retracted_by: by.recordedBy, retraction_reason: by.reason })
    .where('id', '=', factId)
    .where('retracted_at', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}
