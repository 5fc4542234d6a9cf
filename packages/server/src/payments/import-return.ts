import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { bankLayout, type BankLayout } from './bank-layouts.js';
import { getBatch } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';
import { readReturnFile } from './return-file.js';
import {
  claimImport,
  findImport,
  importReport,
  LEASE_SECONDS,
  takeOverImport,
  type ReturnReport,
} from './return-imports.js';
import { runReturnImport } from './run-return-import.js';

export type { ReturnReport } from './return-imports.js';

/** Where an upload hands a large return file: the job queue (see return-import-job.ts). */
export interface ReturnImportQueue {
  /** Files of more rows than this are imported by a worker; fewer, within the upload. */
  readonly inlineRows: number;
  /** Queues the import's run; with `trx`, only if that transaction commits; `afterSeconds` delays it. */
  send(returnId: string, options: { trx?: Kysely<Database>; afterSeconds?: number }): Promise<unknown>;
}

/** How long an upload waits for the same file's import under way elsewhere before it says "still importing". */
const WAIT_MS = 15_000;

/**
 * 导入银行回单: the bank's return file settles each item once. The file is claimed for the batch
 * first (its import row); the upload that claimed it settles it — within the request for a small
 * file, on the job queue for a large one (then the answer is the import under way, to ask after).
 * The same file sent again, even at the same moment, finds the claim: it is told the import's
 * report when done, waiting a little for one under way, and takes over one whose run died.
 * A small file's import is also queued, late, as a safety net: should the upload's process die,
 * a worker finishes it.
 */
export async function importReturn(
  deps: PaymentDeps,
  actor: Actor,
  batchId: string,
  file: Buffer,
  queue?: ReturnImportQueue,
): Promise<ReturnReport> {
  const { db, vault, clock } = deps;
  const batch = await getBatch(db, actor, batchId);
  const sha = createHash('sha256').update(file).digest('hex');
  const earlier = await findImport(db, batchId, sha);
  if (earlier) return sentAgain(deps, actor, earlier, queue);

  const rows = await readReturnFile(file, bankLayout(batch.layout) as BankLayout);
  const queued = queue !== undefined && rows.length > queue.inlineRows;
  const claimed = await db.transaction().execute(async (trx) => {
    const id = await claimImport(trx, {
      batchId,
      sha,
      rows: rows.length,
      fileCipher: vault.encrypt(file.toString('base64')),
      by: actor.accountId,
      now: clock.now(),
      run: !queued,
    });
    if (id && queue) await queue.send(id, { trx, ...(queued ? {} : { afterSeconds: LEASE_SECONDS + 30 }) });
    return id;
  });
  if (!claimed) {
    // Claimed at the same moment by another upload, whose claim is committed by now.
    const first = await findImport(db, batchId, sha);
    if (!first) throw new Error(`return file ${sha} for batch ${batchId}: claimed, yet not found`);
    return sentAgain(deps, actor, first, queue);
  }
  if (!queued) await runReturnImport(deps, actor, claimed, rows);
  return importReport(db, claimed, false);
}

/** The same file for this batch again (a retry, a double click, a second officer): that import's report. */
async function sentAgain(
  deps: PaymentDeps,
  actor: Actor,
  returnId: string,
  queue: ReturnImportQueue | undefined,
): Promise<ReturnReport> {
  const { db, clock } = deps;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const report = await importReport(db, returnId, true);
    if (report.state === 'imported') return report;
    // A large file is the queue's to finish: its progress is the answer.
    if (queue && report.rows > queue.inlineRows) return report;
    // Its run died (its lease lapsed): this upload finishes it.
    if (await takeOverImport(db, returnId, clock.now())) {
      await runReturnImport(deps, actor, returnId);
      return importReport(db, returnId, true);
    }
    if (Date.now() > deadline) return report;
    await sleep(100);
  }
}
