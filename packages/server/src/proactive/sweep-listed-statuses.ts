import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { latestRecordsOfMany, type ListedStatusRecord } from '../risk/reference-queries.js';
import type { PersonInBatch } from './sweep-batch.js';

/** The lists the sweep reads statuses from: 民政 低保/特困 and 乡村振兴 脱贫人口/防止返贫监测对象. */
const STATUS_LISTS = ['social-assistance', 'poverty-monitoring'] as const;

/**
 * 政策找人 from the lists (decision 022): a person the 民政 or 乡村振兴 list serving their region holds
 * is swept with the statuses the list holds, as filing would verify them, before anyone applies. A
 * status kept from an earlier snapshot of a loaded list gives way to the latest; statuses recorded by
 * hand stay; a list not loaded for the region changes nothing.
 */
export async function withListedStatuses(db: Kysely<Database>, batch: PersonInBatch[]): Promise<PersonInBatch[]> {
  const lists = await latestRecordsOfMany<ListedStatusRecord>(
    db,
    STATUS_LISTS,
    batch.map((p) => ({ hmac: p.id_number_hmac, regionCode: p.region_code })),
  );
  if (lists.size === 0) return batch;
  return batch.map((p) => {
    const loaded = lists.get(p.id_number_hmac);
    if (!loaded) return p;
    const kept = p.facts.filter((f) => !(f.kind === 'status' && f.dataset && loaded.has(f.dataset as never)));
    const listed = [...loaded.values()].flatMap((record) =>
      (record?.statuses ?? []).map((s) => ({
        kind: 'status',
        data: { kind: s.kind, from: s.from, ...(s.to ? { to: s.to } : {}) },
      })),
    );
    return { ...p, facts: [...kept, ...listed] };
  });
}
