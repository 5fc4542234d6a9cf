import type { PolicyEngine } from '@huimin/policy';
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { postPayments } from '../funds/ledger.js';
import type { BatchView } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';

/** A pending item of the batch as the return file is matched against it. */
export interface ReturnItem {
  readonly id: string;
  readonly seq: number;
  readonly application_id: string;
  readonly state: 'pending' | 'paid' | 'failed';
  readonly amount_fen: string;
  readonly account_cipher: string;
}

/** What one row of the return file settles. */
export interface Settlement {
  /** The row of the return file it came from. */
  readonly row: number;
  readonly item: ReturnItem;
  readonly paid: boolean;
  readonly reason: string | null;
  readonly reference: string | null;
}

/**
 * One chunk in one transaction, set-based: the items, the applications' state and events, the
 * ledger payments, and one audit entry naming every application settled. Every statement takes
 * the chunk as arrays (`unnest`), so its cost is the rows it writes, not a parameter list to
 * parse. Separation of duties is checked for the whole chunk first; anything refused — or an item
 * no longer pending (another import of the same batch got there first) — throws, and the caller
 * settles one by one.
 */
export async function settleChunk(
  deps: PaymentDeps,
  trx: Transaction<Database>,
  actor: Actor,
  batch: BatchView,
  chunk: readonly Settlement[],
): Promise<{ paid: number; failed: number }> {
  const { vault, clock, applications } = deps;
  const now = clock.now();
  const paid = chunk.filter((c) => c.paid);
  const failed = chunk.filter((c) => !c.paid);
  // The applications first: separation of duties for the whole chunk, then payable → paid.
  const regions = await applications.markPaidMany(
    trx,
    actor,
    paid.map((c) => ({
      applicationId: c.item.application_id,
      reference: `${batch.number}#${c.item.seq}${c.reference ? ` ${c.reference}` : ''}`,
    })),
  );
  // Every item of the chunk, paid or failed with the bank's reason, in one statement. The ids go in
  // twice: joined to the other arrays, and as `p.id = any(…)` so that the items are found by primary
  // key. With the join alone the planner hashed every pending item of the batch for each chunk (the
  // embedded database has no statistics, and it guesses the partial index on pending items small):
  // at 100,000 items, 30 ms a chunk on average spent reading rows the chunk does not touch. The
  // claim is `is not distinct from` (the same as `=`: state is never null) because no index can
  // serve it: with `=` the planner still read that partial index whole (5 ms) to AND it with the key.
  const ids = chunk.map((c) => c.item.id);
  const claimed = await sql`update payment_item as p
      set state = v.state, failure_reason = v.reason, bank_reference = v.ref, settled_at = ${now}
     from unnest(${sql.val(ids)}::bigint[],
                 ${sql.val(chunk.map((c) => (c.paid ? 'paid' : 'failed')))}::text[],
                 ${sql.val(chunk.map((c) => c.reason))}::text[],
                 ${sql.val(chunk.map((c) => c.reference))}::text[]) as v(id, state, reason, ref)
    where p.id = v.id and p.id = any(${sql.val(ids)}::bigint[]) and p.state is not distinct from 'pending'`.execute(
    trx,
  );
  if (Number(claimed.numAffectedRows ?? 0n) !== chunk.length) throw new Error('items no longer pending');
  // The ledger: one payment per application, from the batch's fund, committed → paid.
  await postPayments(trx, {
    fundId: batch.fundId,
    actorId: actor.accountId,
    at: now,
    payments: paid.map((c) => ({
      applicationId: c.item.application_id,
      amountFen: c.item.amount_fen,
      memo: `${batch.number}#${c.item.seq}`,
    })),
    regions,
  });
  await appendAudit(trx, vault, {
    actor,
    action: 'payment-batch.settled',
    entityType: 'payment_batch',
    entityId: batch.id,
    regionCode: batch.regionCode,
    after: {
      batch: batch.number,
      paid: paid.map((c) => c.item.application_id),
      failed: failed.map((f) => ({ application: f.item.application_id, reason: f.reason })),
    },
  });
  return { paid: paid.length, failed: failed.length };
}

/** One item in its own transaction, through the full transition (used when a chunk is refused). */
export async function settleOne(
  deps: PaymentDeps,
  trx: Transaction<Database>,
  engine: PolicyEngine,
  actor: Actor,
  batch: BatchView,
  one: Settlement,
): Promise<'paid' | 'failed' | 'skipped'> {
  const { vault, clock, applications } = deps;
  const claimed = await trx
    .updateTable('payment_item')
    .set({
      state: one.paid ? 'paid' : 'failed',
      failure_reason: one.reason,
      bank_reference: one.reference,
      settled_at: clock.now(),
    })
    .where('id', '=', one.item.id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) return 'skipped';
  if (one.paid)
    await applications.markPaid(
      trx,
      engine,
      actor,
      one.item.application_id,
      `${batch.number}#${one.item.seq} ${one.reference ?? ''}`.trim(),
    );
  else
    await appendAudit(trx, vault, {
      actor,
      action: 'payment.failed',
      entityType: 'application',
      entityId: one.item.application_id,
      regionCode: batch.regionCode,
      after: { batch: batch.number, seq: one.item.seq, reason: one.reason },
    });
  return one.paid ? 'paid' : 'failed';
}
