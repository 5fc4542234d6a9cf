import { createHash } from 'node:crypto';
import { maskIdNumber, parseYuan } from '@huimin/policy';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { UnmatchedReturnRow } from '../db/tables/funds.js';
import { failpoint } from '../failpoints.js';
import { AppError } from '../http/errors.js';
import { readTable } from '../registry/import/tabular.js';
import { bankLayout, type BankLayout } from './bank-layouts.js';
import { getBatch } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';
import { settleChunk, settleOne, type ReturnItem, type Settlement } from './settle-chunk.js';
import { reconcileIfSettled } from './settlement.js';

export interface ReturnReport {
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

/** An account number as the bank file had it, shown by its first six and last four digits. */
function maskAccount(account: string): string {
  return account.length > 10 ? maskIdNumber(account, 6, 4) : account.replace(/./g, '*');
}

/** The bank's return file: each row settles its item, once. */
export async function importReturn(deps: PaymentDeps, actor: Actor, id: string, file: Buffer): Promise<ReturnReport> {
  const { db, vault, clock, applications, settleChunkSize } = deps;
  const batch = await getBatch(db, actor, id);
  const layout = bankLayout(batch.layout) as BankLayout;
  const sha = createHash('sha256').update(file).digest('hex');
  // The same file for this batch again (a retry, a double click): its first import's report.
  const imported = async () => {
    const earlier = await db
      .selectFrom('bank_return')
      .selectAll()
      .where('batch_id', '=', id)
      .where('file_sha256', '=', sha)
      .executeTakeFirst();
    return earlier && alreadyImported(earlier);
  };
  const earlier = await imported();
  if (earlier) return earlier;

  const table = await readTable(file);
  const header = (table[0] ?? []).map((c) => c.text);
  const at = Object.fromEntries(layout.returnColumns.map((c) => [c.field, header.indexOf(c.header)])) as Record<
    string,
    number
  >;
  for (const c of layout.returnColumns)
    if ((at[c.field] ?? -1) < 0) throw new AppError('REQUIRED_FIELD', 400, c.header);
  // Only what matching needs: a batch can hold a hundred thousand items.
  const items = new Map<number, ReturnItem>(
    (
      await db
        .selectFrom('payment_item')
        .select(['id', 'seq', 'application_id', 'state', 'amount_fen', 'account_cipher'])
        .where('batch_id', '=', id)
        .execute()
    ).map((i) => [i.seq, i]),
  );
  const engine = await applications.prepare();
  const report: ReturnReport = {
    alreadyImported: false,
    rows: 0,
    paid: 0,
    failed: 0,
    skipped: 0,
    returned: 0,
    unmatched: [],
  };

  const settlements: Settlement[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => !c.text)) continue;
    report.rows++;
    const get = (field: string) => cells[at[field] ?? -1]?.text ?? '';
    const item = items.get(Number(get('seq')));
    // What the row said, kept with the file (the account masked) for the reconciliation page.
    const said = {
      row: r + 1,
      seq: get('seq'),
      accountMasked: maskAccount(get('account')),
      name: get('name'),
      amountFen: parseYuan(get('amount')) ?? null,
    };
    if (!item) {
      report.unmatched.push({ ...said, code: 'NOT_IN_BATCH' });
      continue;
    }
    if (get('account') !== vault.decrypt(item.account_cipher) || parseYuan(get('amount')) !== Number(item.amount_fen)) {
      report.unmatched.push({ ...said, code: 'ACCOUNT_OR_AMOUNT_DIFFERS' });
      continue;
    }
    const paid = layout.successValues.includes(get('status'));
    if (item.state === 'paid' && !paid) {
      // Paid earlier, now returned by the bank (退票): back to the commitment, and to be paid again.
      await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('payment_item')
          .set({ state: 'failed', failure_reason: get('reason') || '银行退票', settled_at: clock.now() })
          .where('id', '=', item.id)
          .where('state', '=', 'paid')
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 1n)
          await applications.markBounced(
            trx,
            engine,
            actor,
            item.application_id,
            `${batch.number}#${item.seq} ${get('reason') || '银行退票'}`,
          );
      });
      report.returned++;
      continue;
    }
    if (item.state !== 'pending') {
      report.skipped++;
      continue;
    }
    settlements.push({
      row: r + 1,
      item,
      paid,
      reason: paid ? null : get('reason') || '银行未说明原因',
      reference: get('reference') || null,
    });
  }

  // Settled in chunks, each one transaction: a killed import re-run finds the settled ones done.
  for (let start = 0; start < settlements.length; start += settleChunkSize) {
    const chunk = settlements.slice(start, start + settleChunkSize);
    const done = await db
      .transaction()
      .execute((trx) => settleChunk(deps, trx, actor, batch, chunk))
      .catch(async () => {
        // Something in the chunk was refused; settle one by one so each refusal stays with its item.
        let paid = 0;
        let failed = 0;
        for (const one of chunk) {
          const r = await db
            .transaction()
            .execute((trx) => settleOne(deps, trx, engine, actor, batch, one))
            .catch(() => 'refused' as const);
          if (r === 'paid') paid++;
          else if (r === 'failed') failed++;
          else if (r === 'refused') {
            const shown = await db
              .selectFrom('payment_item')
              .select(['payee_name', 'account_masked'])
              .where('id', '=', one.item.id)
              .executeTakeFirstOrThrow();
            report.unmatched.push({
              row: one.row,
              code: 'SETTLEMENT_REFUSED',
              seq: String(one.item.seq),
              accountMasked: shown.account_masked,
              name: shown.payee_name,
              amountFen: Number(one.item.amount_fen),
            });
          }
        }
        return { paid, failed };
      });
    report.paid += done.paid;
    report.failed += done.failed;
    await failpoint('payments.reconcile.after-chunk');
  }

  const recorded = await db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('bank_return')
        .values({
          batch_id: id,
          file_sha256: sha,
          rows: report.rows,
          paid: report.paid,
          failed: report.failed,
          unmatched: report.unmatched.length,
          unmatched_rows: JSON.stringify(report.unmatched),
          imported_by: actor.accountId,
        })
        .execute();
      // Reconciled only when every item is settled: a failed item keeps the batch open until re-issued.
      await reconcileIfSettled(trx, deps, actor, id);
      await appendAudit(trx, vault, {
        actor,
        action: 'payment-batch.return-imported',
        entityType: 'payment_batch',
        entityId: id,
        regionCode: batch.regionCode,
        after: { sha256: sha, ...report, unmatched: report.unmatched.length },
      });
      return true;
    })
    .catch((error: { code?: string; message?: string }) => {
      // Imported at the same moment by another request: the items were settled once either way.
      if (error.code === '23505' && String(error.message).includes('bank_return_batch_file')) return false;
      throw error;
    });
  if (!recorded) return (await imported()) ?? report;
  return report;
}

function alreadyImported(earlier: { rows: number; paid: number; failed: number; unmatched: number }): ReturnReport {
  return {
    alreadyImported: true,
    rows: earlier.rows,
    paid: earlier.paid,
    failed: earlier.failed,
    skipped: earlier.rows - earlier.paid - earlier.failed - earlier.unmatched,
    returned: 0,
    unmatched: [],
  };
}
