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
 * Per dataset, the snapshot that serves a region: the newest loaded for the region or a region
 * above it, one row each however many were loaded over the years. A snapshot is tied to the region
 * of the clerk who loaded it, so one loaded elsewhere (another province, a neighbouring county)
 * never answers for this region, however recent.
 */
function servingSnapshots(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  regionCode: string,
): Promise<{ id: string; kind: ReferenceKind; taken_on: string; source: string }[]> {
  return db
    .selectFrom('reference_snapshot')
    .distinctOn('kind')
    .select(['id', 'kind', 'taken_on', 'source'])
    .where('kind', 'in', kinds)
    .where('region_code', 'in', regionChain(regionCode))
    .orderBy('kind')
    .orderBy('taken_on', 'desc')
    .orderBy('imported_at', 'desc')
    .execute();
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
): Promise<ReferenceLookup<T>> {
  return (await latestRecordsOf<T>(db, [kind], subject, regionCode)).get(kind) ?? { loaded: false };
}

/** What one dataset says of a subject: not loaded for the region, or its latest snapshot's record if any. */
export type ReferenceLookup<T> =
  | { readonly loaded: false }
  | { readonly loaded: true; readonly record: ReferenceRecord<T> | undefined; readonly takenOn: string };

/**
 * `latestReferenceRecord` for several datasets at once, in two queries whatever their number: a
 * filing asks the graduate records and both status lists of the same person (decision 025's
 * profile of the filing: each query is a round trip and a write on the server's one thread). A
 * dataset with no snapshot serving the region is absent from the map.
 */
export async function latestRecordsOf<T>(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  subject: string,
  regionCode: string,
): Promise<Map<ReferenceKind, ReferenceLookup<T>>> {
  const out = new Map<ReferenceKind, ReferenceLookup<T>>();
  if (kinds.length === 0) return out;
  const snapshots = await servingSnapshots(db, kinds, regionCode);
  const serving = new Map(snapshots.map((s) => [s.kind, s]));
  if (serving.size === 0) return out;
  const rows = await db
    .selectFrom('reference_record')
    .select(['snapshot_id', 'data'])
    .where(
      'snapshot_id',
      'in',
      [...serving.values()].map((s) => s.id),
    )
    .where('subject', '=', subject)
    .execute();
  const bySnapshot = new Map(rows.map((r) => [r.snapshot_id, r.data as T]));
  for (const [kind, snapshot] of serving) {
    const takenOn = String(snapshot.taken_on);
    const data = bySnapshot.get(snapshot.id);
    out.set(kind, {
      loaded: true,
      takenOn,
      record: data === undefined ? undefined : { snapshotId: snapshot.id, takenOn, source: snapshot.source, data },
    });
  }
  return out;
}

/** The latest snapshot of a dataset serving a region, with what it holds for the subjects asked about. */
export interface SnapshotRecords {
  readonly id: string;
  readonly takenOn: string;
  /** Each subject's records in it (a subject may have several: one per spell of insurance). */
  readonly records: ReadonlyMap<string, readonly unknown[]>;
}

/**
 * For each dataset, the latest snapshot serving the region (`servingSnapshots`) and its records of
 * the given subjects. Two queries whatever the number of datasets: the risk checks ask four at every
 * submission, each once a snapshot query and a records query inside the submission's transaction.
 * A dataset with no snapshot serving the region is absent.
 */
export async function latestSnapshotsWithRecords(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  subjects: readonly string[],
  regionCode: string,
): Promise<Map<ReferenceKind, SnapshotRecords>> {
  const out = new Map<ReferenceKind, SnapshotRecords>();
  if (kinds.length === 0 || subjects.length === 0) return out;
  const snapshots = await servingSnapshots(db, kinds, regionCode);
  if (snapshots.length === 0) return out;
  const rows = await db
    .selectFrom('reference_record')
    .select(['snapshot_id', 'subject', 'data'])
    .where(
      'snapshot_id',
      'in',
      snapshots.map((s) => s.id),
    )
    .where('subject', 'in', subjects)
    .execute();
  for (const s of snapshots) {
    const records = new Map<string, unknown[]>();
    for (const r of rows)
      if (r.snapshot_id === s.id) records.set(r.subject, [...(records.get(r.subject) ?? []), r.data]);
    out.set(s.kind, { id: s.id, takenOn: String(s.taken_on), records });
  }
  return out;
}

/** What the latest snapshot of a dataset serving a person's region holds for them (`data` unset: not listed). */
export interface LatestEntry<T> {
  readonly snapshotId: string;
  readonly takenOn: string;
  readonly data: T | undefined;
}

/**
 * `latestReferenceRecord` for many people at once: for each person (by keyed ID hash), the entry of
 * each given dataset in the latest snapshot serving their region. A dataset with no snapshot serving
 * a region is absent from that person's map; one loaded that does not list them has no `data`. Two
 * queries whatever the number of people.
 */
export async function latestEntriesOfMany<T>(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  people: readonly { readonly hmac: string; readonly regionCode: string }[],
): Promise<Map<string, Map<ReferenceKind, LatestEntry<T>>>> {
  const out = new Map<string, Map<ReferenceKind, LatestEntry<T>>>();
  if (people.length === 0 || kinds.length === 0) return out;
  const snapshots = await db
    .selectFrom('reference_snapshot')
    .select(['id', 'kind', 'region_code', 'taken_on'])
    .where('kind', 'in', kinds)
    .orderBy('taken_on', 'desc')
    .orderBy('imported_at', 'desc')
    .execute();
  if (snapshots.length === 0) return out;
  // The latest serving a region is the first, newest first, whose region is the region or above it.
  type Serving = { id: string; takenOn: string };
  const serving = new Map<string, Map<ReferenceKind, Serving>>();
  const servingFor = (region: string) => {
    let found = serving.get(region);
    if (!found) {
      const chain = new Set(regionChain(region));
      found = new Map();
      for (const s of snapshots)
        if (chain.has(s.region_code) && !found.has(s.kind))
          found.set(s.kind, { id: s.id, takenOn: String(s.taken_on) });
      serving.set(region, found);
    }
    return found;
  };
  const wanted = new Set<string>();
  for (const p of people) for (const s of servingFor(p.regionCode).values()) wanted.add(s.id);
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
    const entries = new Map<ReferenceKind, LatestEntry<T>>();
    for (const [kind, s] of servingFor(p.regionCode))
      entries.set(kind, { snapshotId: s.id, takenOn: s.takenOn, data: bySnapshotAndSubject.get(`${s.id}|${p.hmac}`) });
    if (entries.size > 0) out.set(p.hmac, entries);
  }
  return out;
}

/** The sweep's form of `latestEntriesOfMany`: the records alone (`undefined`: loaded, not listed). */
export async function latestRecordsOfMany<T>(
  db: Kysely<Database> | Transaction<Database>,
  kinds: readonly ReferenceKind[],
  people: readonly { readonly hmac: string; readonly regionCode: string }[],
): Promise<Map<string, Map<ReferenceKind, T | undefined>>> {
  const entries = await latestEntriesOfMany<T>(db, kinds, people);
  return new Map([...entries].map(([hmac, byKind]) => [hmac, new Map([...byKind].map(([kind, e]) => [kind, e.data]))]));
}
