import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { UnmatchedReturnRow } from '../db/tables/funds.js';

/**
 * A return file's import (bank_return, migration 0036): claimed before anything is settled, its
 * counts raised in the very transactions that settle its items — so they are true however many
 * runs took part (a retry, a run that died, the same file sent twice at once) — and closed once.
 */
export interface ReturnReport {
  /** The import, to ask after while it runs (`GET …/returns/:returnId`). */
  id: string;
  /** `importing` while rows are being settled (the counts so far); `imported` when done. */
  state: 'importing' | 'imported';
  /** This upload found the same file already taken for this batch: the report is that import's. */
  alreadyImported: boolean;
  rows: number;
  paid: number;
  failed: number;
  skipped: number;
  /** Paid earlier and now sent back by the bank. */
  returned: number;
  /** Rows that settled nothing, each with a code the caller words in the reader's language. */
  unmatched: UnmatchedReturnRow[];
}

type Db = Kysely<Database> | Transaction<Database>;

/** How long a run is taken as alive without settling a chunk (renewed with each one). */
export const LEASE_SECONDS = 120;

const leaseFrom = (now: Date) => new Date(now.getTime() + LEASE_SECONDS * 1000);

/** The import of this file for this batch, if the file was sent before. */
export async function findImport(db: Db, batchId: string, sha: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('bank_return')
    .select('id')
    .where('batch_id', '=', batchId)
    .where('file_sha256', '=', sha)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Claims the file for the batch: its import row, `importing`. Undefined when the same file was
 * claimed first by another upload (the unique batch-and-file index decides). `run` says whether the
 * claimer imports it now (it holds the lease) or leaves it to a queued job (no lease yet).
 */
export async function claimImport(
  trx: Db,
  claim: { batchId: string; sha: string; rows: number; fileCipher: string; by: string; now: Date; run: boolean },
): Promise<string | undefined> {
  const row = await trx
    .insertInto('bank_return')
    .values({
      batch_id: claim.batchId,
      file_sha256: claim.sha,
      rows: claim.rows,
      paid: 0,
      failed: 0,
      unmatched: 0,
      state: 'importing',
      file_cipher: claim.fileCipher,
      lease_until: claim.run ? leaseFrom(claim.now) : null,
      imported_by: claim.by,
    })
    .onConflict((oc) => oc.columns(['batch_id', 'file_sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Takes an unfinished import whose run has none or let its lease lapse (it died); false if it is done or alive. */
export async function takeOverImport(db: Db, id: string, now: Date): Promise<boolean> {
  const taken = await db
    .updateTable('bank_return')
    .set({ lease_until: leaseFrom(now) })
    .where('id', '=', id)
    .where('state', '=', 'importing')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return taken.numUpdatedRows === 1n;
}

/** Counts what a transaction settled for the import, in that transaction, and renews the run's lease. */
export async function countSettled(
  trx: Transaction<Database>,
  id: string,
  settled: { paid?: number; failed?: number; returned?: number },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('bank_return')
    .set((eb) => ({
      paid: eb('paid', '+', settled.paid ?? 0),
      failed: eb('failed', '+', settled.failed ?? 0),
      returned: eb('returned', '+', settled.returned ?? 0),
      lease_until: leaseFrom(now),
    }))
    .where('id', '=', id)
    .execute();
}

/** Closes the import with the rows that settled nothing; false if another run closed it first. */
export async function closeImport(
  trx: Transaction<Database>,
  id: string,
  unmatched: readonly UnmatchedReturnRow[],
  now: Date,
): Promise<boolean> {
  const closed = await trx
    .updateTable('bank_return')
    .set({
      state: 'imported',
      unmatched: unmatched.length,
      unmatched_rows: JSON.stringify(unmatched),
      file_cipher: null,
      lease_until: null,
      finished_at: now,
    })
    .where('id', '=', id)
    .where('state', '=', 'importing')
    .executeTakeFirst();
  return closed.numUpdatedRows === 1n;
}

/** The import as it stands, in the shape of a report. */
export async function importReport(db: Db, id: string, alreadyImported: boolean): Promise<ReturnReport> {
  const r = await db
    .selectFrom('bank_return')
    .select(['id', 'state', 'rows', 'paid', 'failed', 'returned', 'unmatched', 'unmatched_rows'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const done = r.state === 'imported';
  return {
    id: r.id,
    state: r.state,
    alreadyImported,
    rows: r.rows,
    paid: r.paid,
    failed: r.failed,
    returned: r.returned,
    // Rows that changed nothing (settled before, by another file) are known only at the end.
    skipped: done ? r.rows - r.paid - r.failed - r.returned - r.unmatched : 0,
    unmatched: done ? r.unmatched_rows : [],
  };
}
