import { createHash } from 'node:crypto';
import { parseYuan, yuanText, type PolicyEngine } from '@huimin/policy';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database, PaymentChannel, PaymentItemTable } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';
import { readTable, toCsv, toXlsx } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';
import { failpoint } from '../failpoints.js';
import { postPayments } from '../funds/ledger.js';
import { bankLayout, type BankLayout } from './bank-layouts.js';

export interface BatchView {
  id: string;
  number: string;
  fundId: string;
  channel: PaymentChannel;
  regionCode: string;
  layout: string;
  state: string;
  itemCount: number;
  totalFen: number;
  createdAt: string;
  exportedAt?: string;
  counts: { pending: number; paid: number; failed: number };
}

export interface ReturnReport {
  alreadyImported: boolean;
  rows: number;
  paid: number;
  failed: number;
  skipped: number;
  /** Paid earlier and now sent back by the bank. */
  returned: number;
  unmatched: { row: number; reason: string }[];
}


interface Settlement {
  readonly item: Selectable<PaymentItemTable>;
  readonly paid: boolean;
  readonly reason: string | null;
  readonly reference: string | null;
}

/**
 * Payment batches (代发): payable applications grouped by fund and channel into a file for the bank;
 * the bank's return file settles each item as paid (the application is paid, through the ledger)
 * or failed (with the bank's reason; the application stays payable and goes into a later batch
 * once its account is corrected). Exporting pays nobody. A return file is taken once, and each
 * item is settled in its own transaction, so a killed import re-run settles only what is left.
 */
export class PaymentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly applications: ApplicationService,
    /** Items settled per transaction: larger is faster, smaller loses less work to a crash. */
    private readonly settleChunkSize = 2000,
  ) {}

  async createBatches(actor: Actor, layoutCode = 'generic-csv'): Promise<{ batches: BatchView[]; missingAccount: string[] }> {
    if (!bankLayout(layoutCode)) throw new AppError('UNKNOWN_LAYOUT', 400, 'layout', { value: layoutCode });
    const prefix = regionPrefix(actor.regionCode);
    const payable = await this.db
      .selectFrom('application')
      .leftJoin('person', 'person.id', 'application.person_id')
      .leftJoin('organisation', (join) => join.on((eb) => eb('organisation.id', '=', eb.fn.coalesce('application.payee_organisation_id', 'application.organisation_id'))))
      .select([
        'application.id',
        'application.number',
        'application.region_code',
        'application.amount_fen',
        'application.payee_organisation_id',
        'person.name as person_name',
        'person.bank_account_cipher as person_account',
        'person.bank_account_masked as person_masked',
        'organisation.name as organisation_name',
        'organisation.bank_account_cipher as organisation_account',
        'organisation.bank_account_masked as organisation_masked',
        (eb) =>
          eb
            .selectFrom('ledger_transaction')
            .select('fund_id')
            .whereRef('ledger_transaction.application_id', '=', 'application.id')
            .where('ledger_transaction.kind', '=', 'commit')
            .orderBy('ledger_transaction.id', 'desc')
            .limit(1)
            .as('fund_id'),
      ])
      .where('application.state', '=', 'payable')
      .where('application.region_code', 'like', `${prefix}%`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_item').select('payment_item.id').whereRef('payment_item.application_id', '=', 'application.id').where('payment_item.state', '=', 'pending'))))
      .orderBy('application.number')
      .execute();

    // A person is paid on their social-security card; a unit, or a person's claim paid to an
    // institution (payee_organisation_id), into the unit's bank account.
    const withPayee = payable.map((a) => ({
      ...a,
      payee:
        a.person_name !== null && a.payee_organisation_id === null
          ? { name: a.person_name, account: a.person_account, masked: a.person_masked, channel: 'social-security-card' as const }
          : { name: a.organisation_name ?? '', account: a.organisation_account, masked: a.organisation_masked, channel: 'bank-account' as const },
    }));
    const missingAccount: string[] = [];
    const groups = new Map<string, typeof withPayee>();
    for (const a of withPayee) {
      if (!a.payee.account || !a.fund_id || !a.amount_fen || Number(a.amount_fen) === 0) {
        missingAccount.push(a.number);
        continue;
      }
      const key = `${a.fund_id}|${a.payee.channel}`;
      const group = groups.get(key);
      if (group) group.push(a);
      else groups.set(key, [a]);
    }
    if (groups.size === 0) throw new AppError('NOTHING_TO_PAY', 409, undefined, {}, missingAccount.map((n) => ({ field: 'application', code: 'NO_PAYEE_ACCOUNT', message: n })));

    const ids = await this.db.transaction().execute(async (trx) => {
      const created: string[] = [];
      for (const [key, items] of groups) {
        const [fundId, channel] = key.split('|') as [string, PaymentChannel];
        const { rows } = await sql<{ n: string }>`select nextval('payment_batch_number_seq')::text as n`.execute(trx);
        const number = `PB-${actor.regionCode}-${this.clock.today().replaceAll('-', '')}-${(rows[0]?.n ?? '0').padStart(5, '0')}`;
        const total = items.reduce((n, i) => n + Number(i.amount_fen), 0);
        const batch = await trx
          .insertInto('payment_batch')
          .values({ number, fund_id: fundId, channel, region_code: actor.regionCode, layout: layoutCode, state: 'open', item_count: items.length, total_fen: String(total), created_by: actor.accountId })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Earlier attempts of the applications in this batch (by subquery: a batch can be larger
        // than the number of parameters a statement may carry).
        const attempts = await trx
          .selectFrom('payment_item')
          .select(['application_id', (eb) => eb.fn.max('attempt').as('attempt')])
          .where('application_id', 'in', (eb) => eb.selectFrom('application').select('id').where('state', '=', 'payable').where('region_code', 'like', `${prefix}%`))
          .groupBy('application_id')
          .execute();
        const previous = new Map(attempts.map((a) => [a.application_id, Number(a.attempt)]));
        for (let start = 0; start < items.length; start += 1000) {
          await trx
            .insertInto('payment_item')
            .values(
              items.slice(start, start + 1000).map((i, k) => ({
                batch_id: batch.id,
                seq: start + k + 1,
                application_id: i.id,
                attempt: (previous.get(i.id) ?? 0) + 1,
                amount_fen: String(i.amount_fen),
                payee_name: i.payee.name,
                account_cipher: i.payee.account ?? '',
                account_masked: i.payee.masked ?? '',
                state: 'pending' as const,
              })),
            )
            .execute();
        }
        await appendAudit(trx, this.vault, { actor, action: 'payment-batch.created', entityType: 'payment_batch', entityId: batch.id, regionCode: actor.regionCode, after: { number, fundId, channel, items: items.length, totalFen: total } });
        created.push(batch.id);
      }
      return created;
    });
    return { batches: await Promise.all(ids.map((id) => this.get(actor, id))), missingAccount };
  }

  async list(actor: Actor): Promise<BatchView[]> {
    const rows = await this.db.selectFrom('payment_batch').select('id').where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`).orderBy('created_at', 'desc').limit(200).execute();
    return Promise.all(rows.map((r) => this.get(actor, r.id)));
  }

  async get(actor: Actor, id: string): Promise<BatchView> {
    const b = await this.db.selectFrom('payment_batch').selectAll().where('id', '=', id).where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`).executeTakeFirst();
    if (!b) throw new AppError('BATCH_NOT_FOUND', 404);
    const counts = await this.db.selectFrom('payment_item').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).where('batch_id', '=', id).groupBy('state').execute();
    const count = (s: string) => Number(counts.find((c) => c.state === s)?.n ?? 0);
    return {
      id: b.id,
      number: b.number,
      fundId: b.fund_id,
      channel: b.channel,
      regionCode: b.region_code,
      layout: b.layout,
      state: b.state,
      itemCount: b.item_count,
      totalFen: Number(b.total_fen),
      createdAt: b.created_at.toISOString(),
      ...(b.exported_at ? { exportedAt: b.exported_at.toISOString() } : {}),
      counts: { pending: count('pending'), paid: count('paid'), failed: count('failed') },
    };
  }

  /** The bank file. The same batch always gives the same file; exporting it moves no money. */
  async exportFile(actor: Actor, id: string): Promise<{ filename: string; contentType: string; body: Buffer }> {
    const batch = await this.get(actor, id);
    const layout = bankLayout(batch.layout) as BankLayout;
    const items = await this.db.selectFrom('payment_item').innerJoin('application', 'application.id', 'payment_item.application_id').select(['seq', 'account_cipher', 'payee_name', 'payment_item.amount_fen', 'application.number']).where('batch_id', '=', id).orderBy('seq').execute();
    const cell = (i: (typeof items)[number], field: BankLayout['columns'][number]['field']): string =>
      ({ seq: String(i.seq), account: this.vault.decrypt(i.account_cipher), name: i.payee_name, amount: yuanText(Number(i.amount_fen)), memo: `${batch.number} ${i.number}` })[field];
    const header = layout.columns.map((c) => c.header);
    const rows = items.map((i) => layout.columns.map((c) => cell(i, c.field)));
    const body = layout.format === 'csv' ? toCsv([header, ...rows]) : await toXlsx(batch.number, header, rows);
    const sha = createHash('sha256').update(header.join(',') + rows.map((r) => r.join(',')).join('\n')).digest('hex');
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('payment_batch').set({ state: (batch.state === 'open' ? 'exported' : batch.state) as 'exported' | 'reconciled', exported_at: batch.exportedAt ? new Date(batch.exportedAt) : this.clock.now(), file_sha256: sha }).where('id', '=', id).execute();
      await appendAudit(trx, this.vault, { actor, action: 'payment-batch.exported', entityType: 'payment_batch', entityId: id, regionCode: batch.regionCode, after: { sha256: sha, items: items.length } });
    });
    return { filename: `${batch.number}.${layout.format}`, contentType: layout.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
  }

  /** The bank's return file: each row settles its item, once. */
  async importReturn(actor: Actor, id: string, file: Buffer): Promise<ReturnReport> {
    const batch = await this.get(actor, id);
    const layout = bankLayout(batch.layout) as BankLayout;
    const sha = createHash('sha256').update(file).digest('hex');
    const earlier = await this.db.selectFrom('bank_return').selectAll().where('file_sha256', '=', sha).executeTakeFirst();
    if (earlier) return { alreadyImported: true, rows: earlier.rows, paid: earlier.paid, failed: earlier.failed, skipped: earlier.rows - earlier.paid - earlier.failed - earlier.unmatched, returned: 0, unmatched: [] };

    const table = await readTable(file);
    const header = (table[0] ?? []).map((c) => c.text);
    const at = Object.fromEntries(layout.returnColumns.map((c) => [c.field, header.indexOf(c.header)])) as Record<string, number>;
    for (const c of layout.returnColumns) if ((at[c.field] ?? -1) < 0) throw new AppError('REQUIRED_FIELD', 400, c.header);
    const items = new Map((await this.db.selectFrom('payment_item').selectAll().where('batch_id', '=', id).execute()).map((i) => [i.seq, i]));
    const engine = await this.applications.prepare();
    const report: ReturnReport = { alreadyImported: false, rows: 0, paid: 0, failed: 0, skipped: 0, returned: 0, unmatched: [] };

    const settlements: Settlement[] = [];
    for (let r = 1; r < table.length; r++) {
      const cells = table[r] ?? [];
      if (cells.every((c) => !c.text)) continue;
      report.rows++;
      const get = (field: string) => cells[at[field] ?? -1]?.text ?? '';
      const item = items.get(Number(get('seq')));
      if (!item) {
        report.unmatched.push({ row: r + 1, reason: `序号 ${get('seq')} 不在本批次 / sequence not in this batch` });
        continue;
      }
      if (get('account') !== this.vault.decrypt(item.account_cipher) || parseYuan(get('amount')) !== Number(item.amount_fen)) {
        report.unmatched.push({ row: r + 1, reason: '账号或金额与批次不符 / account or amount differs from the batch' });
        continue;
      }
      const paid = layout.successValues.includes(get('status'));
      if (item.state === 'paid' && !paid) {
        // Paid earlier, now returned by the bank (退票): back to the commitment, and to be paid again.
        await this.db.transaction().execute(async (trx) => {
          const claimed = await trx.updateTable('payment_item').set({ state: 'failed', failure_reason: get('reason') || '银行退票', settled_at: this.clock.now() }).where('id', '=', item.id).where('state', '=', 'paid').executeTakeFirst();
          if (claimed.numUpdatedRows === 1n) await this.applications.markBounced(trx, engine, actor, item.application_id, `${batch.number}#${item.seq} ${get('reason') || '银行退票'}`);
        });
        report.returned++;
        continue;
      }
      if (item.state !== 'pending') {
        report.skipped++;
        continue;
      }
      settlements.push({ item, paid, reason: paid ? null : get('reason') || '银行未说明原因', reference: get('reference') || null });
    }

    // Settled in chunks, each one transaction: a killed import re-run finds the settled ones done.
    for (let start = 0; start < settlements.length; start += this.settleChunkSize) {
      const chunk = settlements.slice(start, start + this.settleChunkSize);
      const done = await this.db
        .transaction()
        .execute((trx) => this.settleChunk(trx, actor, batch, chunk))
        .catch(async () => {
          // Something in the chunk was refused; settle one by one so each refusal stays with its item.
          let paid = 0;
          let failed = 0;
          for (const one of chunk) {
            const r = await this.db
              .transaction()
              .execute((trx) => this.settleOne(trx, engine, actor, batch, one))
              .catch(() => 'refused' as const);
            if (r === 'paid') paid++;
            else if (r === 'failed') failed++;
            else report.unmatched.push({ row: one.item.seq + 1, reason: '拨付被拒绝（职责分离或账务校验），请人工处理 / payment refused (separation of duties or ledger check); handle by hand' });
          }
          return { paid, failed };
        });
      report.paid += done.paid;
      report.failed += done.failed;
      await failpoint('payments.reconcile.after-chunk');
    }

    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('bank_return').values({ batch_id: id, file_sha256: sha, rows: report.rows, paid: report.paid, failed: report.failed, unmatched: report.unmatched.length, imported_by: actor.accountId }).execute();
      const pending = await trx.selectFrom('payment_item').select('id').where('batch_id', '=', id).where('state', '=', 'pending').limit(1).executeTakeFirst();
      if (!pending) await trx.updateTable('payment_batch').set({ state: 'reconciled' }).where('id', '=', id).execute();
      await appendAudit(trx, this.vault, { actor, action: 'payment-batch.return-imported', entityType: 'payment_batch', entityId: id, regionCode: batch.regionCode, after: { sha256: sha, ...report, unmatched: report.unmatched.length } });
    });
    return report;
  }

  /**
   * One chunk in one transaction, set-based: the items, the ledger payments, the applications'
   * state and events, and one audit entry naming every application settled. Separation of duties
   * is checked for the whole chunk first; anything refused makes the caller settle one by one.
   */
  private async settleChunk(trx: Transaction<Database>, actor: Actor, batch: BatchView, chunk: readonly Settlement[]): Promise<{ paid: number; failed: number }> {
    const now = this.clock.now();
    const paid = chunk.filter((c) => c.paid);
    const failed = chunk.filter((c) => !c.paid);
    const paidIds = paid.map((c) => c.item.application_id);
    for (const f of failed) {
      const claimed = await trx.updateTable('payment_item').set({ state: 'failed', failure_reason: f.reason, bank_reference: f.reference, settled_at: now }).where('id', '=', f.item.id).where('state', '=', 'pending').executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) throw new Error('item no longer pending');
    }
    if (paid.length > 0) {
      // The applications first: separation of duties for the whole chunk, then payable → paid.
      await this.applications.markPaidMany(trx, actor, paid.map((c) => ({ applicationId: c.item.application_id, reference: `${batch.number}#${c.item.seq}${c.reference ? ` ${c.reference}` : ''}` })));
      const values = sql.join(paid.map((c) => sql`(${c.item.id}::bigint, ${c.reference})`));
      const claimed = await sql<{ id: string }>`update payment_item as p set state = 'paid', bank_reference = v.ref, settled_at = ${now}
        from (values ${values}) as v(id, ref) where p.id = v.id and p.state = 'pending' returning p.id`.execute(trx);
      if (claimed.rows.length !== paid.length) throw new Error('items no longer pending');
      // The ledger: one payment per application, from the batch's fund, committed → paid.
      await postPayments(trx, { fundId: batch.fundId, actorId: actor.accountId, at: now, payments: paid.map((c) => ({ applicationId: c.item.application_id, amountFen: c.item.amount_fen, memo: `${batch.number}#${c.item.seq}` })) });
    }
    await appendAudit(trx, this.vault, {
      actor,
      action: 'payment-batch.settled',
      entityType: 'payment_batch',
      entityId: batch.id,
      regionCode: batch.regionCode,
      after: { batch: batch.number, paid: paidIds, failed: failed.map((f) => ({ application: f.item.application_id, reason: f.reason })) },
    });
    return { paid: paid.length, failed: failed.length };
  }

  /** One item in its own transaction, through the full transition (used when a chunk is refused). */
  private async settleOne(trx: Transaction<Database>, engine: PolicyEngine, actor: Actor, batch: BatchView, one: Settlement): Promise<'paid' | 'failed' | 'skipped'> {
    const claimed = await trx
      .updateTable('payment_item')
      .set({ state: one.paid ? 'paid' : 'failed', failure_reason: one.reason, bank_reference: one.reference, settled_at: this.clock.now() })
      .where('id', '=', one.item.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return 'skipped';
    if (one.paid) await this.applications.markPaid(trx, engine, actor, one.item.application_id, `${batch.number}#${one.item.seq} ${one.reference ?? ''}`.trim());
    else await appendAudit(trx, this.vault, { actor, action: 'payment.failed', entityType: 'application', entityId: one.item.application_id, regionCode: batch.regionCode, after: { batch: batch.number, seq: one.item.seq, reason: one.reason } });
    return one.paid ? 'paid' : 'failed';
  }
}
