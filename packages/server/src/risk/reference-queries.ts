import { regionChain } from '@huimin/policy';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, ReferenceKind } from '../db/schema.js';

// What other modules read of a graduate or status list record: the shapes, with the queries.
export type { GraduateRecord, ListedStatus, ListedStatusRecord } from './reference-kinds.js';

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

/**
 * The sweep's form of `latestReferenceRecord` for many people at once: for each person (by keyed ID
 * hash), the records of the given datasets in the latest snapshot serving their region. A dataset
 * with no snapshot serving a region is absent from that person's map; one loaded that does not list
 * them maps to `undefined`. Two queries whatever the number of people.
 */
export async function latestRecordsOfMany<T>(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  people: readonly { readonly hmac: string; readonly regionCode: string }[],
): Promise<Map<string, Map<ReferenceKind, T | undefined>>> {
  const out = new Map<string, Map<ReferenceKind, T | undefined>>();
  if (people.length === 0 || kinds.length === 0) return out;
  const snapshots = await db
    .selectFrom('reference_snapshot')
    .select(['id', 'kind', 'region_code'])
    .where('kind', 'in', kinds)
    .orderBy('taken_on', 'desc')
    .orderBy('imported_at', 'desc')
    .execute();
  if (snapshots.length === 0) return out;
  // The latest serving a region is the first, newest first, whose region is the region or above it.
  const serving = new Map<string, Map<ReferenceKind, string>>();
  const servingFor = (region: string) => {
    let found = serving.get(region);
    if (!found) {
      const chain = new Set(regionChain(region));
      found = new Map();
      for (const s of snapshots) if (chain.has(s.region_code) && !found.has(s.kind)) found.set(s.kind, s.id);
      serving.set(region, found);
    }
    return found;
  };
  const wanted = new Set<string>();
  for (const p of people) for (const id of servingFor(p.regionCode).values()) wanted.add(id);
  const rows =
    wanted.size === 0
      ? []
      : await db
          .selectFrom('reference_record')
          .select(['snapshot_id', 'subject', 'data'])
          // As arrays: a batch of the sweep is tens of thousands of people, past a statement's parameters.
          .where('snapshot_id', '=', sql<string>`any(${[...wanted]}::uuid[])`)
          .where('subject', '=', sql<string>`any(${[...new Set(people.map((p) => p.hmac))]}::text[])`)
          .execute();
  const bySnapshotAndSubject = new Map(rows.map((r) => [`${r.snapshot_id}|${r.subject}`, r.data as T]));
  for (const p of people) {
    const records = new Map<ReferenceKind, T | undefined>();
    for (const [kind, snapshotId] of servingFor(p.regionCode))
      records.set(kind, bySnapshotAndSubject.get(`${snapshotId}|${p.hmac}`));
    if (records.size > 0) out.set(p.hmac, records);
  }
  return out;
}
