import type { Actor } from '../auth/actor.js';
import type { UnmatchedReturnRow } from '../db/tables/funds.js';
import { AppError } from '../http/errors.js';
import { getBatch, type BatchView } from './batch-views.js';
import { insertBatch, lockBatchCreation } from './create-batches.js';
import { payableGroups } from './payable-applications.js';
import type { PaymentDeps } from './payment-deps.js';
import { reconcileIfSettled, unsettledItems } from './settlement.js';

interface Tally {
  count: number;
  totalFen: number;
}

export interface FailedItemView {
  seq: number;
  applicationId: string;
  applicationNumber: string;
  payeeName: string;
  accountMasked: string;
  amountFen: number;
  /** The bank's own words, as its file gave them. */
  bankReason: string | null;
  settledAt?: string;
  /** The batch it went out again in, once re-issued. */
  reissuedIn?: string;
  /** The payee's account on record now differs from the one that failed. */
  accountCorrected: boolean;
  /** Whose account it is, to correct it (PUT /people/:id/bank-account or /organisations/:id/…). */
  payee?: { kind: 'person' | 'organisation'; id: string };
}

export interface ReconciliationView {
  batch: BatchView;
  reconciled: boolean;
  paid: Tally;
  pending: Tally;
  /** Failed and not yet re-issued. */
  failed: Tally;
  reissued: Tally;
  unmatched: Tally & { rows: UnmatchedReturnRow[] };
  failedItems: FailedItemView[];
  returnFiles: { importedAt: string; rows: number; paid: number; failed: number; unmatched: number }[];
}

/**
 * 对账结果: what the bank's return files made of a batch — paid, pending, failed (each with the
 * bank's reason and whether the payee's account has been corrected since) and re-issued, with
 * counts and totals, and the rows that matched no item. Read from the items, so it holds after the
 * import and across several return files.
 */
export async function reconciliation(deps: PaymentDeps, actor: Actor, batchId: string): Promise<ReconciliationView> {
  const { db, vault } = deps;
  const batch = await getBatch(db, actor, batchId);
  const items = await db
    .selectFrom('payment_item as i')
    .innerJoin('application as a', 'a.id', 'i.application_id')
    .leftJoin('person as p', (join) => join.onRef('p.id', '=', 'a.person_id').on('a.payee_organisation_id', 'is', null))
    .leftJoin('organisation as o', (join) =>
      join.on((eb) => eb('o.id', '=', eb.fn.coalesce('a.payee_organisation_id', 'a.organisation_id'))),
    )
    .select([
      'i.seq',
      'i.application_id',
      'a.number',
      'i.state',
      'i.attempt',
      'i.amount_fen',
      'i.payee_name',
      'i.account_masked',
      'i.account_cipher',
      'i.failure_reason',
      'i.settled_at',
      'p.bank_account_cipher as person_account',
      'o.bank_account_cipher as organisation_account',
      'p.id as person_id',
      'o.id as organisation_id',
      (eb) =>
        eb
          .selectFrom('payment_item as later')
          .innerJoin('payment_batch as b', 'b.id', 'later.batch_id')
          .select('b.number')
          .whereRef('later.application_id', '=', 'i.application_id')
          .whereRef('later.attempt', '>', 'i.attempt')
          .orderBy('later.attempt')
          .limit(1)
          .as('reissued_in'),
    ])
    .where('i.batch_id', '=', batchId)
    .orderBy('i.seq')
    .execute();
  const tally = (rows: typeof items): Tally => ({
    count: rows.length,
    totalFen: rows.reduce((n, r) => n + Number(r.amount_fen), 0),
  });
  const failed = items.filter((i) => i.state === 'failed');
  const returns = await db
    .selectFrom('bank_return')
    .select(['imported_at', 'rows', 'paid', 'failed', 'unmatched', 'unmatched_rows'])
    .where('batch_id', '=', batchId)
    // A file still being imported is not yet a report (its progress is asked after by its id).
    .where('state', '=', 'imported')
    .orderBy('imported_at')
    .execute();
  const unmatched = returns.flatMap((r) => r.unmatched_rows);
  return {
    batch,
    reconciled: (await unsettledItems(db, batchId)) === 0,
    paid: tally(items.filter((i) => i.state === 'paid')),
    pending: tally(items.filter((i) => i.state === 'pending')),
    failed: tally(failed.filter((i) => !i.reissued_in)),
    reissued: tally(failed.filter((i) => i.reissued_in)),
    unmatched: {
      count: unmatched.length,
      totalFen: unmatched.reduce((n, r) => n + (r.amountFen ?? 0), 0),
      rows: unmatched,
    },
    failedItems: failed.map((i) => {
      const current = i.person_account ?? i.organisation_account;
      return {
        seq: i.seq,
        applicationId: i.application_id,
        applicationNumber: i.number,
        payeeName: i.payee_name,
        accountMasked: i.account_masked,
        amountFen: Number(i.amount_fen),
        bankReason: i.failure_reason,
        ...(i.settled_at ? { settledAt: i.settled_at.toISOString() } : {}),
        ...(i.reissued_in ? { reissuedIn: i.reissued_in } : {}),
        accountCorrected: !!current && vault.decrypt(current) !== vault.decrypt(i.account_cipher),
        ...(i.person_id
          ? { payee: { kind: 'person' as const, id: i.person_id } }
          : i.organisation_id
            ? { payee: { kind: 'organisation' as const, id: i.organisation_id } }
            : {}),
      };
    }),
    returnFiles: returns.map((r) => ({
      importedAt: r.imported_at.toISOString(),
      rows: r.rows,
      paid: r.paid,
      failed: r.failed,
      unmatched: r.unmatched,
    })),
  };
}

/**
 * 重新拨付: a failed item goes out again, in a batch of its own, to the payee's corrected account.
 * Refused while the account on record is still the one the bank refused, and once re-issued. The
 * batch it failed in is reconciled when nothing else in it is open.
 */
export async function reissueItem(
  deps: PaymentDeps,
  actor: Actor,
  batchId: string,
  seq: number,
): Promise<{ batch: BatchView; original: BatchView }> {
  const { db } = deps;
  const original = await getBatch(db, actor, batchId);
  const item = await db
    .selectFrom('payment_item')
    .select(['application_id', 'state', 'attempt'])
    .where('batch_id', '=', batchId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!item) throw new AppError('PAYMENT_ITEM_NOT_FOUND', 404, 'seq');
  if (item.state !== 'failed') throw new AppError('PAYMENT_ITEM_NOT_FAILED', 409, 'seq');
  const later = await db
    .selectFrom('payment_item')
    .select('id')
    .where('application_id', '=', item.application_id)
    .where('attempt', '>', item.attempt)
    .executeTakeFirst();
  if (later) throw new AppError('PAYMENT_ITEM_REISSUED', 409, 'seq');
  const { groups, awaitingCorrection, missingAccount } = await payableGroups(deps, actor, [item.application_id]);
  if (awaitingCorrection.length > 0) throw new AppError('ACCOUNT_NOT_CORRECTED', 409, 'seq');
  const ready = [...groups.values()].flat();
  if (ready.length === 0 || missingAccount.length > 0) throw new AppError('NOTHING_TO_PAY', 409, 'seq');
  const id = await db
    .transaction()
    .execute(async (trx) => {
      // In turn with batches being created, which may take this application meanwhile (then refused below).
      await lockBatchCreation(trx);
      const created = await insertBatch(trx, deps, actor, {
        fundId: ready[0]?.fundId ?? original.fundId,
        channel: ready[0]?.payee.channel ?? original.channel,
        layout: original.layout,
        items: ready,
        reissueOf: `${original.number}#${seq}`,
      });
      await reconcileIfSettled(trx, deps, actor, batchId);
      return created;
    })
    .catch((error: { code?: string; message?: string }) => {
      // Re-issued at the same moment by another request: one new item stands, this one is told so.
      // Whichever of the item's unique indexes refuses it (one pending item; one item per attempt).
      if (error.code === '23505' && /payment_item_(one_pending|application_id_attempt_key)/.test(String(error.message)))
        throw new AppError('PAYMENT_ITEM_REISSUED', 409, 'seq');
      throw error;
    });
  return { batch: await getBatch(db, actor, id), original: await getBatch(db, actor, batchId) };
}
