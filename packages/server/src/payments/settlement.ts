import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { PaymentDeps } from './payment-deps.js';

/**
 * Items of a batch not yet settled: pending, or failed and not re-issued since (no later attempt
 * for the same application). A batch is reconciled (已对账) only when this is none: a failed item
 * stays open until the money has gone out again in a later batch, to a corrected account.
 */
export async function unsettledItems(db: Kysely<Database> | Transaction<Database>, batchId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from payment_item i
    where i.batch_id = ${batchId} and (i.state = 'pending' or (i.state = 'failed' and not exists (
      select 1 from payment_item j where j.application_id = i.application_id and j.attempt > i.attempt)))`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Marks the batch reconciled when every item is settled; says whether it is. */
export async function reconcileIfSettled(
  trx: Transaction<Database>,
  deps: PaymentDeps,
  actor: Actor,
  batchId: string,
): Promise<boolean> {
  if ((await unsettledItems(trx, batchId)) > 0) return false;
  const done = await trx
    .updateTable('payment_batch')
    .set({ state: 'reconciled' })
    .where('id', '=', batchId)
    .where('state', '!=', 'reconciled')
    .returning('region_code')
    .executeTakeFirst();
  if (done) {
    await appendAudit(trx, deps.vault, {
      actor,
      action: 'payment-batch.reconciled',
      entityType: 'payment_batch',
      entityId: batchId,
      regionCode: done.region_code,
      after: {},
    });
  }
  return true;
}

/** After applications go out again in a new batch: the earlier batches whose failures they were may now be settled. */
export async function reconcileEarlierBatches(
  trx: Transaction<Database>,
  deps: PaymentDeps,
  actor: Actor,
  applicationIds: readonly string[],
): Promise<void> {
  const batches = new Set<string>();
  // In slices: a statement carries at most 65,535 parameters.
  for (let start = 0; start < applicationIds.length; start += 1000) {
    const rows = await trx
      .selectFrom('payment_item')
      .innerJoin('payment_batch', 'payment_batch.id', 'payment_item.batch_id')
      .select('payment_item.batch_id')
      .distinct()
      .where('payment_item.state', '=', 'failed')
      .where('payment_batch.state', '!=', 'reconciled')
      .where('payment_item.application_id', 'in', applicationIds.slice(start, start + 1000))
      .execute();
    for (const r of rows) batches.add(r.batch_id);
  }
  for (const id of batches) await reconcileIfSettled(trx, deps, actor, id);
}
