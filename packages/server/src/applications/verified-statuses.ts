import type { DatedStatus } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReferenceKind } from '../db/schema.js';
import { recordFact, retractFact } from '../registry/registry-fact-repository.js';
import type { ListedStatus, ListedStatusRecord, ReferenceLookup } from '../risk/reference-queries.js';
import type { ReferenceProvenance } from './verified-facts.js';

/** The lists that hold hardship and poverty statuses: 民政 低保/特困, 乡村振兴 脱贫人口/防止返贫监测对象. */
export const STATUS_LISTS = ['social-assistance', 'poverty-monitoring'] as const;
type StatusList = (typeof STATUS_LISTS)[number];

/** A status a household or poverty list holds for the applicant, with the snapshot it came from. */
export interface VerifiedStatus {
  readonly status: DatedStatus<ListedStatus>;
  readonly provenance: ReferenceProvenance & { dataset: StatusList };
}

/** What the loaded lists say of a person's statuses, against what the registry already holds. */
export interface ListedStatuses {
  /** Held by a list and not yet on record: verified, kept at filing. */
  readonly fresh: readonly VerifiedStatus[];
  /** On record from an earlier snapshot of a list, which its latest no longer holds as recorded. */
  readonly stale: readonly { readonly factId: string; readonly status: DatedStatus<string>; readonly reason: string }[];
  /** Every status kind the lists hold for the person: the applicant has nothing to declare of these. */
  readonly kinds: readonly ListedStatus[];
}

const same = (a: DatedStatus<string>, b: DatedStatus<string>) =>
  a.kind === b.kind && a.from === b.from && (a.to ?? '') === (b.to ?? '');

/**
 * 免证办 for hardship and poverty statuses: the person is looked up by keyed ID hash in the latest
 * 民政 and 乡村振兴 lists serving the region. A list is the whole dataset on its day, so what it holds
 * is verified (dated as the list dates it: the engine decides whether it covers the day), and a
 * status recorded from an earlier snapshot that the latest no longer holds (the person left the
 * list, or the dates changed) gives way to it. A list not loaded for the region says nothing.
 */
export async function verifyListedStatuses(
  db: Kysely<Database> | Transaction<Database>,
  personId: string,
  /** What the latest snapshot of each list serving the person's region holds for them. */
  lists: ReadonlyMap<ReferenceKind, ReferenceLookup<unknown>>,
): Promise<ListedStatuses> {
  // A region with neither list loaded has nothing to verify or to find stale: no registry read.
  if (!STATUS_LISTS.some((dataset) => lists.get(dataset)?.loaded)) return { fresh: [], stale: [], kinds: [] };
  const onRecord = await db
    .selectFrom('registry_fact')
    .select(['id', 'data', 'source', 'provenance'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'status')
    .where('retracted_at', 'is', null)
    .execute();
  const fresh: VerifiedStatus[] = [];
  const stale: ListedStatuses['stale'][number][] = [];
  const kinds = new Set<ListedStatus>();
  for (const dataset of STATUS_LISTS) {
    const found = (lists.get(dataset) as ReferenceLookup<ListedStatusRecord> | undefined) ?? { loaded: false };
    if (!found.loaded) continue;
    const listed = found.record?.data.statuses ?? [];
    for (const s of listed) kinds.add(s.kind);
    const fromThisList = onRecord.filter(
      (r) => r.source === 'reference' && (r.provenance as { dataset?: string } | null)?.dataset === dataset,
    );
    for (const r of fromThisList) {
      const status = r.data as unknown as DatedStatus<string>;
      if (!listed.some((s) => same(s, status)))
        stale.push({
          factId: r.id,
          status,
          reason: `名单 ${found.takenOn} 快照已不如此记载 / not so in the list of ${found.takenOn}`,
        });
    }
    const record = found.record;
    if (!record) continue;
    const provenance = { dataset, snapshotId: record.snapshotId, takenOn: found.takenOn, source: record.source };
    const held = onRecord.filter((r) => !stale.some((x) => x.factId === r.id));
    for (const s of listed)
      if (!held.some((r) => same(r.data as unknown as DatedStatus<string>, s)))
        fresh.push({ status: { kind: s.kind, from: s.from, ...(s.to ? { to: s.to } : {}) }, provenance });
  }
  return { fresh, stale, kinds: [...kinds] };
}

/** The registry's statuses as the lists now have them: stale ones out, fresh ones in. */
export function withListedStatuses(
  statuses: readonly DatedStatus<string>[],
  listed: ListedStatuses | undefined,
): DatedStatus<string>[] {
  if (!listed) return [...statuses];
  const left = [...statuses];
  for (const x of listed.stale) {
    const i = left.findIndex((s) => same(s, x.status));
    if (i >= 0) left.splice(i, 1);
  }
  return [...left, ...listed.fresh.map((v) => v.status)];
}

/** Keeps what the lists say in the filing's transaction: stale statuses retracted, fresh ones recorded. */
export async function keepListedStatuses(
  trx: Transaction<Database>,
  personId: string,
  listed: ListedStatuses,
  recordedBy: string,
  at: Date,
): Promise<void> {
  for (const x of listed.stale) await retractFact(trx, x.factId, { recordedBy, reason: x.reason, at });
  for (const v of listed.fresh)
    await recordFact(trx, {
      personId,
      kind: 'status',
      data: { ...v.status },
      source: 'reference',
      recordedBy,
      provenance: { ...v.provenance },
    });
}
