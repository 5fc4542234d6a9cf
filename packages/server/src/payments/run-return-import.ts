import { parseYuan } from '@huimin/policy';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { UnmatchedReturnRow } from '../db/tables/funds.js';
import { failpoint } from '../failpoints.js';
import { bankLayout, returnStatus, type BankLayout } from './bank-layouts.js';
import { getBatch } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';
import { readReturnFile, rowAsSaid, type ReturnRow } from './return-file.js';
import { closeImport, countSettled } from './return-imports.js';
import { settleChunk, settleOne, type ReturnItem, type Settlement } from './settle-chunk.js';
import { reconcileIfSettled } from './settlement.js';

/**
 * Settles a claimed return file (the run holds its lease): each row settles its item once, in
 * chunks of one transaction each, and each transaction counts what it settled on the import's row.
 * So a run may die anywhere and another finish it, or two runs overlap: an item is settled by the
 * one transaction that finds it pending, and counted there, and the report kept is the file's true
 * one. The import is closed once, by the run that finds it still open.
 */
export async function runReturnImport(
  deps: PaymentDeps,
  actor: Actor,
  returnId: string,
  /** The file's rows, when the caller has just read them (the upload); else read from the claim. */
  read?: readonly ReturnRow[],
): Promise<void> {
  const { db, vault, clock, applications, settleChunkSize } = deps;
  const claimed = await db
    .selectFrom('bank_return')
    .select(['batch_id', 'state', 'file_cipher', 'file_sha256'])
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow();
  if (claimed.state === 'imported' || !claimed.file_cipher) return;
  const batch = await getBatch(db, actor, claimed.batch_id);
  const layout = bankLayout(batch.layout) as BankLayout;
  const rows = read ?? (await readReturnFile(Buffer.from(vault.decrypt(claimed.file_cipher), 'base64'), layout));
  // Only what matching needs: a batch can hold a hundred thousand items.
  const items = new Map<number, ReturnItem>(
    (
      await db
        .selectFrom('payment_item')
        .select(['id', 'seq', 'application_id', 'state', 'amount_fen', 'account_cipher'])
        .where('batch_id', '=', batch.id)
        .execute()
    ).map((i) => [i.seq, i]),
  );
  const engine = await applications.prepare();
  // The accounts of the items the file names, decrypted together: one cipher for the file rather
  // than one a row (half of what decrypting a hundred thousand accounts one by one took).
  const named = rows.map((r) => items.get(Number(r.get('seq'))));
  const toCompare = [...new Set(named)].filter((item) => item !== undefined);
  const plain = vault.decryptMany(toCompare.map((item) => item.account_cipher));
  const accounts = new Map(toCompare.map((item, k) => [item, plain[k]]));
  const unmatched: UnmatchedReturnRow[] = [];
  const settlements: Settlement[] = [];
  for (const [k, r] of rows.entries()) {
    const item = named[k];
    if (!item) {
      unmatched.push({ ...rowAsSaid(r), code: 'NOT_IN_BATCH' });
      continue;
    }
    if (r.get('account') !== accounts.get(item)) {
      unmatched.push({ ...rowAsSaid(r), code: 'ACCOUNT_DIFFERS' });
      continue;
    }
    if (parseYuan(r.get('amount')) !== Number(item.amount_fen)) {
      unmatched.push({ ...rowAsSaid(r), code: 'AMOUNT_DIFFERS', batchAmountFen: Number(item.amount_fen) });
      continue;
    }
    const status = returnStatus(layout, r.get('status'));
    if (status === 'unknown') {
      unmatched.push({ ...rowAsSaid(r), code: 'STATUS_UNKNOWN' });
      continue;
    }
    const paid = status === 'paid';
    const reason = r.get('reason');
    if (item.state === 'paid' && !paid) {
      // Paid earlier, now returned by the bank (退票): back to the commitment, and to be paid again.
      await db.transaction().execute(async (trx) => {
        const bounced = await trx
          .updateTable('payment_item')
          .set({ state: 'failed', failure_reason: reason || '银行退票', settled_at: clock.now() })
          .where('id', '=', item.id)
          .where('state', '=', 'paid')
          .executeTakeFirst();
        if (bounced.numUpdatedRows !== 1n) return;
        await applications.markBounced(
          trx,
          engine,
          actor,
          item.application_id,
          `${batch.number}#${item.seq} ${reason || '银行退票'}`,
        );
        await countSettled(trx, returnId, { returned: 1 }, clock.now());
      });
      continue;
    }
    // Settled before: by an earlier file, or by this one in a run that died or overlaps this one.
    if (item.state !== 'pending') continue;
    settlements.push({
      row: r.row,
      item,
      paid,
      reason: paid ? null : reason || '银行未说明原因',
      reference: r.get('reference') || null,
    });
  }

  for (let start = 0; start < settlements.length; start += settleChunkSize) {
    const chunk = settlements.slice(start, start + settleChunkSize);
    await db
      .transaction()
      .execute(async (trx) => {
        const done = await settleChunk(deps, trx, actor, batch, chunk);
        await countSettled(trx, returnId, done, clock.now());
      })
      // Something in the chunk was refused, or settled meanwhile by another run: one by one, so
      // each refusal stays with its item and what another run settled is left to it.
      .catch(async () => {
        for (const one of chunk) {
          const r = await db
            .transaction()
            .execute(async (trx) => {
              const outcome = await settleOne(deps, trx, engine, actor, batch, one);
              if (outcome !== 'skipped') await countSettled(trx, returnId, { [outcome]: 1 }, clock.now());
              return outcome;
            })
            .catch(() => 'refused' as const);
          if (r === 'refused') {
            const shown = await db
              .selectFrom('payment_item')
              .select(['payee_name', 'account_masked'])
              .where('id', '=', one.item.id)
              .executeTakeFirstOrThrow();
            unmatched.push({
              row: one.row,
              code: 'SETTLEMENT_REFUSED',
              seq: String(one.item.seq),
              accountMasked: shown.account_masked,
              name: shown.payee_name,
              amountFen: Number(one.item.amount_fen),
            });
          }
        }
      });
    await failpoint('payments.reconcile.after-chunk');
  }

  unmatched.sort((a, b) => a.row - b.row);
  await db.transaction().execute(async (trx) => {
    if (!(await closeImport(trx, returnId, unmatched, clock.now()))) return;
    // Reconciled only when every item is settled: a failed item keeps the batch open until re-issued.
    await reconcileIfSettled(trx, deps, actor, batch.id);
    const report = await trx
      .selectFrom('bank_return')
      .select(['rows', 'paid', 'failed', 'returned', 'unmatched'])
      .where('id', '=', returnId)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, vault, {
      actor,
      action: 'payment-batch.return-imported',
      entityType: 'payment_batch',
      entityId: batch.id,
      regionCode: batch.regionCode,
      after: { sha256: claimed.file_sha256, ...report },
    });
  });
}
