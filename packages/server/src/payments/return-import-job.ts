import type { Actor } from '../auth/actor.js';
import type { JobDefinition } from '../jobs/job-queue-service.js';
import type { PaymentDeps } from './payment-deps.js';
import { takeOverImport } from './return-imports.js';
import { runReturnImport } from './run-return-import.js';

/** What a queued import needs: its row holds the rest (the batch, the file, who sent it). */
export interface ReturnImportData {
  readonly returnId: string;
}

export interface ReturnImportJobSettings {
  /** Files of more rows than this go to the queue (default 5,000); fewer are imported within the upload. */
  readonly inlineRows?: number;
  /** A run still going after this long is taken as dead by the queue and retried (default 30 minutes). */
  readonly expireInSeconds?: number;
}

/**
 * A return file imported by a worker (decision 024): as the officer who sent it, from its claimed
 * row. At most once by the import's own means: the run takes the import's lease first — a run
 * that finds it held by a live run is retried later, one that finds it done ends — and each
 * item is settled and counted by the one transaction that finds it pending.
 */
export function returnImportJob(
  deps: PaymentDeps,
  actorOf: (accountId: string) => Promise<Actor>,
  settings: ReturnImportJobSettings,
): JobDefinition<ReturnImportData> {
  return {
    name: 'payments.return-import',
    retryLimit: 10,
    retryDelaySeconds: 30,
    expireInSeconds: settings.expireInSeconds ?? 1800,
    async run({ returnId }, job) {
      const row = await deps.db
        .selectFrom('bank_return')
        .select(['state', 'imported_by'])
        .where('id', '=', returnId)
        .executeTakeFirst();
      if (!row || row.state === 'imported') return { returnId, outcome: 'already imported' };
      if (!(await takeOverImport(deps.db, returnId, deps.clock.now())))
        throw new Error(`return ${returnId} is being imported by another run; tried again later`);
      await runReturnImport(deps, await actorOf(row.imported_by), returnId);
      return { returnId, outcome: 'imported', retryCount: job.retryCount };
    },
  };
}
