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
  // The applications as one array, joined (hash or index, linear either way): a parameter each,
  // in slices of a thousand, cost a hundred statements of a thousand parameters for 100,000.
  const { rows } = await sql<{ batch_id: string }>`select distinct i.batch_id
      from payment_item i
      join unnest(${sql.val(applicationIds)}::uuid[]) as v(id) on v.id = i.application_id
      join payment_batch b on b.id = i.batch_id
     where i.state = 'failed' and b.state <> 'reconciled'`.execute(trx);
  const batches = new Set(rows.map((r) => r.batch_id));
  for (const id of batches) await reconcileIfSettled(trx, deps, actor, id);
}
