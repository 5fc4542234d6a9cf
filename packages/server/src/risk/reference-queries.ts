import { regionChain } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReferenceKind } from '../db/schema.js';

// What other modules read of a household or poverty list's record: the shapes, with the queries.
export type { ListedStatus, ListedStatusRecord } from './reference-kinds.js';

/** One subject's record in the latest snapshot of a reference dataset, with the snapshot it came from. */
export interface ReferenceRecord<T> {
  readonly snapshotId: string;
  readonly takenOn: string;
  readonly source: string;
  readonly data: T;
}

/**
 * The snapshot of a dataset that serves a region: the latest loaded for the region or a region
 * above it. A snapshot is tied to the region of the clerk who loaded it, so one loaded elsewhere
 * (another province, a neighbouring county) never answers for this region, however recent.
 */
export function latestSnapshotFor(
  db: Kysely<Database> | Transaction<Database>,
  kind: ReferenceKind,
  regionCode: string,
): Promise<{ id: string; taken_on: string; source: string } | undefined> {
  return db
    .selectFrom('reference_snapshot')
    .select(['id', 'taken_on', 'source'])
    .where('kind', '=', kind)
    .where('region_code', 'in', regionChain(regionCode))
    .orderBy('taken_on', 'desc')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Looks a subject up in the latest snapshot of a dataset serving the region (a snapshot is the whole
 * dataset on its day, so a subject missing from the latest one is not in the dataset). `loaded:
 * false` when none serves the region: then nothing can be verified, which is not the same as
 * "not found".
 */
export async function latestReferenceRecord<T>(
  db: Kysely<Database> | Transaction<Database>,
  kind: ReferenceKind,
  subject: string,
  regionCode: string,
): Promise<{ loaded: false } | { loaded: true; record: ReferenceRecord<T> | undefined; takenOn: string }> {
  const snapshot = await latestSnapshotFor(db, kind, regionCode);
  if (!snapshot) return { loaded: false };
  const row = await db
    .selectFrom('reference_record')
    .select('data')
    .where('snapshot_id', '=', snapshot.id)
    .where('subject', '=', subject)
    .executeTakeFirst();
  const takenOn = String(snapshot.taken_on);
  return {
    loaded: true,
    takenOn,
    record: row ? { snapshotId: snapshot.id, takenOn, source: snapshot.source, data: row.data as T } : undefined,
  };
}
