import { createHash } from 'node:crypto';
import { yuanText } from '@huimin/policy';
import { sql } from 'kysely';
import { appendAudit, recordAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { AppError, inBoth } from '../http/errors.js';
import { shanghaiMinuteOf } from '../http/today.js';
import { toCsv, toXlsx } from '../registry/import/tabular.js';
import { bankLayout, type BankLayout } from './bank-layouts.js';
import { getBatch, type BatchView } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';

/**
 * The bank file. The same batch always gives the same file; exporting it moves no money. A file
 * handed to the bank twice is paid twice, so a second copy is given only when asked for `again`,
 * and the audit entry says it was a copy; one not asked for so is refused, naming who downloaded the
 * file and when.
 */
export async function exportBankFile(
  deps: PaymentDeps,
  actor: Actor,
  id: string,
  again: boolean,
): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const { db, vault, clock } = deps;
  const batch = await getBatch(db, actor, id);
  if (batch.exportedAt && !again) throw await refuse(deps, actor, batch, new Date(batch.exportedAt), batch.exportedBy);
  const layout = bankLayout(batch.layout) as BankLayout;
  const items = await db
    .selectFrom('payment_item')
    .innerJoin('application', 'application.id', 'payment_item.application_id')
    .select(['seq', 'account_cipher', 'payee_name', 'payment_item.amount_fen', 'application.number'])
    .where('batch_id', '=', id)
    .orderBy('seq')
    .execute();
  // Each row's fields once: the account is decrypted once a row, not once a column, and all the
  // accounts in one go (one cipher for the file, not one a row).
  const accounts = vault.decryptMany(items.map((i) => i.account_cipher));
  const rows = items.map((i, k) => {
    const fields: Record<BankLayout['columns'][number]['field'], string> = {
      seq: String(i.seq),
      account: accounts[k] ?? '',
      name: i.payee_name,
      amount: yuanText(Number(i.amount_fen)),
      memo: `${batch.number} ${i.number}`,
    };
    return layout.columns.map((c) => fields[c.field]);
  });
  const header = layout.columns.map((c) => c.header);
  const body = layout.format === 'csv' ? toCsv([header, ...rows]) : await toXlsx(batch.number, header, rows);
  const sha = createHash('sha256')
    .update(header.join(',') + rows.map((r) => r.join(',')).join('\n'))
    .digest('hex');
  const refused = await db.transaction().execute(async (trx) => {
    // Whether this is the first download or a copy is decided on the locked row, not on the read
    // above: of two requests at once, the one that waited sees the other's download.
    const locked = await trx
      .selectFrom('payment_batch')
      .select(['exported_at', 'exported_by'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.exported_at && !again) {
      // The downloader's name in a statement of its own: one joined to the locked read would come
      // from before the wait, when the batch named no one (PostgreSQL rechecks only the locked row).
      const by = locked.exported_by
        ? await trx.selectFrom('account').select('display_name').where('id', '=', locked.exported_by).executeTakeFirst()
        : undefined;
      return { at: locked.exported_at, by: by?.display_name };
    }
    await trx
      .updateTable('payment_batch')
      // A return file imported meanwhile may have reconciled the batch, and a download must not set
      // it back to exported.
      .set({
        state: sql<'exported' | 'reconciled'>`case when state = 'open' then 'exported' else state end`,
        exported_at: sql<Date>`coalesce(exported_at, ${clock.now()})`,
        // The first download names its officer; a copy names no one (the batch keeps the first).
        exported_by: sql<
          string | null
        >`case when exported_at is null then ${actor.accountId}::uuid else exported_by end`,
        file_sha256: sha,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, vault, {
      actor,
      action: 'payment-batch.exported',
      entityType: 'payment_batch',
      entityId: id,
      regionCode: batch.regionCode,
      after: { sha256: sha, items: items.length, ...(locked.exported_at ? { again: true } : {}) },
    });
    return undefined;
  });
  if (refused) throw await refuse(deps, actor, batch, refused.at, refused.by);
  return {
    filename: `${batch.number}.${layout.format}`,
    contentType:
      layout.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}

/**
 * A second download not asked for as a copy: refused, naming when the file was downloaded and by
 * whom (whom to ask whether it went to the bank), and put on the audit trail as a failed download —
 * a bank file asked for twice is how a batch gets paid twice, and oversight wants the attempts.
 */
async function refuse(
  deps: PaymentDeps,
  actor: Actor,
  batch: BatchView,
  at: Date,
  by: string | undefined,
): Promise<AppError> {
  await recordAudit(deps.db, deps.vault, {
    actor,
    action: 'payment-batch.exported',
    outcome: 'failure',
    entityType: 'payment_batch',
    entityId: batch.id,
    regionCode: batch.regionCode,
    after: { again: false, downloadedAt: at.toISOString() },
  });
  // Batches downloaded before the officer was kept, whose audit trail did not name one, say only when.
  return new AppError('BANK_FILE_DOWNLOADED', 409, 'again', {
    at: shanghaiMinuteOf(at),
    ...inBoth('by', by ? `由 ${by} ` : '', by ? ` by ${by}` : ''),
  });
}
