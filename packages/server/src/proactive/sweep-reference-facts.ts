import type { Kysely } from 'kysely';
import type { Database, ReferenceKind } from '../db/schema.js';
import { latestRecordsOfMany, type GraduateRecord, type ListedStatusRecord } from '../risk/reference-queries.js';
import type { BatchFact, PersonInBatch } from './sweep-batch.js';

/** The lists the sweep reads statuses from: 民政 低保/特困 and 乡村振兴 脱贫人口/防止返贫监测对象. */
const STATUS_LISTS = ['social-assistance', 'poverty-monitoring'] as const;
const DATASETS = [...STATUS_LISTS, 'graduate-records'] as const;

/**
 * 政策找人 from the datasets the bureau loads (decision 022): a person is swept with what filing would
 * verify, before anyone applies. The 民政 and 乡村振兴 lists serving their region give the statuses
 * they hold (a status kept from an earlier snapshot of a loaded list gives way to the latest; one
 * recorded by hand stays); the graduate records give the graduation when none is on record. A
 * dataset not loaded for the region changes nothing.
 */
export async function withReferenceFacts(db: Kysely<Database>, batch: PersonInBatch[]): Promise<PersonInBatch[]> {
  return withLoaded(batch, await referenceRecordsOf(db, batch));
}

/** What the datasets hold for the batch's people, by ID number hash; empty where none is loaded. */
export type LoadedRecords = Map<string, Map<ReferenceKind, (ListedStatusRecord & GraduateRecord) | undefined>>;

/**
 * The datasets' records of the batch's people, looked up by hash and region alone: the deciding
 * thread's main thread asks this of the rows before (and usually instead of) assembling the batch.
 */
export function referenceRecordsOf(
  db: Kysely<Database>,
  people: readonly { id_number_hmac: string; region_code: string }[],
): Promise<LoadedRecords> {
  return latestRecordsOfMany<ListedStatusRecord & GraduateRecord>(
    db,
    DATASETS,
    people.map((p) => ({ hmac: p.id_number_hmac, regionCode: p.region_code })),
  );
}

/** The batch with what the datasets hold put in its people's facts (`withReferenceFacts`). */
export function withLoaded(batch: PersonInBatch[], found: LoadedRecords): PersonInBatch[] {
  if (found.size === 0) return batch;
  return batch.map((p) => {
    const loaded = found.get(p.id_number_hmac);
    if (!loaded) return p;
    const facts: BatchFact[] = p.facts.filter(
      (f) => !(f.kind === 'status' && f.dataset && STATUS_LISTS.some((d) => d === f.dataset && loaded.has(d))),
    );
    for (const list of STATUS_LISTS)
      for (const s of loaded.get(list)?.statuses ?? [])
        facts.push({ kind: 'status', data: { kind: s.kind, from: s.from, ...(s.to ? { to: s.to } : {}) } });
    const graduate = loaded.get('graduate-records');
    if (graduate?.graduatedOn && graduate.institution && !facts.some((f) => f.kind === 'graduation'))
      facts.push({ kind: 'graduation', data: { date: graduate.graduatedOn, institution: graduate.institution } });
    return { ...p, facts };
  });
}
