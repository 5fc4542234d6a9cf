import type { Kysely } from 'kysely';
import type { JobQueue } from '../jobs/job-queue-service.js';
import type { ApplicationService } from '../applications/application-service.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { Vault } from '../security/vault.js';
import { AppError } from '../http/errors.js';
import { getBatch, listBatches, type BatchView } from './batch-views.js';
import { createBatches, type CreatedBatches } from './create-batches.js';
import { batchSchedule } from './batch-schedule.js';
import { exportBankFile } from './export-bank-file.js';
import { importReturn, type ReturnImportQueue, type ReturnReport } from './import-return.js';
import type { PaymentDeps } from './payment-deps.js';
import { previewBatches, type BatchPreview } from './preview-batches.js';
import { reconciliation, reissueItem, type ReconciliationView } from './reconciliation.js';
import { returnImportJob, type ReturnImportJobSettings } from './return-import-job.js';
import { importReport } from './return-imports.js';

export type { BatchView } from './batch-views.js';
export type { ReturnReport } from './import-return.js';

/**
 * Payment batches (代发): payable applications grouped by fund and channel into a file for the bank;
 * the bank's return file settles each item as paid (the application is paid, through the ledger)
 * or failed (with the bank's reason; the application stays payable and goes into a later batch
 * once its account is corrected). Exporting pays nobody. A return file is taken once, and each
 * item is settled in its own transaction, so a killed import re-run settles only what is left.
 * Each use case is a file of its own; this class hands them what they work with.
 */
export class PaymentService {
  private readonly deps: PaymentDeps;

  constructor(
    db: Kysely<Database>,
    vault: Vault,
    clock: Clock,
    applications: ApplicationService,
    /** Items settled per transaction: larger is faster, smaller loses less work to a crash. */
    settleChunkSize = 2000,
  ) {
    this.deps = { db, vault, clock, applications, settleChunkSize };
  }

  /** What creating batches would take now, by fund and channel; creates nothing. */
  preview(actor: Actor): Promise<BatchPreview> {
    return previewBatches(this.deps, actor);
  }

  createBatches(actor: Actor, layoutCode = 'generic-csv'): Promise<CreatedBatches> {
    return createBatches(this.deps, actor, layoutCode);
  }

  list(actor: Actor): Promise<BatchView[]> {
    return listBatches(this.deps.db, actor);
  }

  get(actor: Actor, id: string): Promise<BatchView> {
    return getBatch(this.deps.db, actor, id);
  }

  /** The batch's payment schedule (拨付明细表), line by line, for printing. */
  schedule(actor: Actor, id: string): ReturnType<typeof batchSchedule> {
    return batchSchedule(this.deps.db, actor, id);
  }

  /**
   * The bank file. The same batch always gives the same file, and exporting it moves no money; a
   * second copy only when asked for `again` (a file the bank is sent twice pays twice).
   */
  exportFile(
    actor: Actor,
    id: string,
    again = false,
  ): Promise<{ filename: string; contentType: string; body: Buffer }> {
    return exportBankFile(this.deps, actor, id, again);
  }

  private imports: ReturnImportQueue | undefined;

  /**
   * Large return files go to this queue, and small ones are queued late as a safety net; the
   * composition root calls this once. Without it every file is imported within its upload.
   */
  runOn(queue: JobQueue, actorOf: (accountId: string) => Promise<Actor>, settings: ReturnImportJobSettings = {}): void {
    const job = queue.define(returnImportJob(this.deps, actorOf, settings));
    this.imports = {
      inlineRows: settings.inlineRows ?? 5000,
      send: (returnId, { trx, afterSeconds }) =>
        queue.send(
          job,
          { returnId },
          { ...(trx ? { trx: trx as unknown as Kysely<never> } : {}), ...(afterSeconds ? { afterSeconds } : {}) },
        ),
    };
  }

  /** The bank's return file: each row settles its item, once; a large file is imported by a worker. */
  importReturn(actor: Actor, id: string, file: Buffer): Promise<ReturnReport> {
    return importReturn(this.deps, actor, id, file, this.imports);
  }

  /** A return file's import as it stands: its progress while under way, its report when done. */
  async returnImport(actor: Actor, batchId: string, returnId: string): Promise<ReturnReport> {
    await getBatch(this.deps.db, actor, batchId);
    const row = await this.deps.db
      .selectFrom('bank_return')
      .select('id')
      .where('id', '=', returnId)
      .where('batch_id', '=', batchId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 404, 'returnId');
    return importReport(this.deps.db, returnId, true);
  }

  /** Paid, failed, re-issued and unmatched, with counts and totals, after the bank's return files. */
  reconciliation(actor: Actor, id: string): Promise<ReconciliationView> {
    return reconciliation(this.deps, actor, id);
  }

  /** A failed item paid again, in a batch of its own, once its account is corrected. */
  reissue(actor: Actor, id: string, seq: number): Promise<{ batch: BatchView; original: BatchView }> {
    return reissueItem(this.deps, actor, id, seq);
  }
}
