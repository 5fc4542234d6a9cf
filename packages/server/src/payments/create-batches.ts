import { sql } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { PaymentChannel } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';
import { bankLayout } from './bank-layouts.js';
import { getBatch, type BatchView } from './batch-views.js';
import type { PaymentDeps } from './payment-deps.js';

/**
 * 生成拨付批次: every payable application in the caller's regions without a pending payment, grouped
 * into one batch per fund and channel; those without a payee account or amount are named instead.
 */
export async function createBatches(
  deps: PaymentDeps,
  actor: Actor,
  layoutCode = 'generic-csv',
): Promise<{ batches: BatchView[]; missingAccount: string[] }> {
  const { db, vault, clock } = deps;
  if (!bankLayout(layoutCode)) throw new AppError('UNKNOWN_LAYOUT', 400, 'layout', { value: layoutCode });
  const prefix = regionPrefix(actor.regionCode);
  const payable = await db
    .selectFrom('application')
    .leftJoin('person', 'person.id', 'application.person_id')
    .leftJoin('organisation', (join) =>
      join.on((eb) =>
        eb('organisation.id', '=', eb.fn.coalesce('application.payee_organisation_id', 'application.organisation_id')),
      ),
    )
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
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('payment_item')
            .select('payment_item.id')
            .whereRef('payment_item.application_id', '=', 'application.id')
            .where('payment_item.state', '=', 'pending'),
        ),
      ),
    )
    .orderBy('application.number')
    .execute();

  // A person is paid on their social-security card; a unit, or a person's claim paid to an
  // institution (payee_organisation_id), into the unit's bank account.
  const withPayee = payable.map((a) => ({
    ...a,
    payee:
      a.person_name !== null && a.payee_organisation_id === null
        ? {
            name: a.person_name,
            account: a.person_account,
            masked: a.person_masked,
            channel: 'social-security-card' as const,
          }
        : {
            name: a.organisation_name ?? '',
            account: a.organisation_account,
            masked: a.organisation_masked,
            channel: 'bank-account' as const,
          },
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
  if (groups.size === 0)
    throw new AppError(
      'NOTHING_TO_PAY',
      409,
      undefined,
      {},
      missingAccount.map((n) => ({ field: 'application', code: 'NO_PAYEE_ACCOUNT', message: n })),
    );

  const ids = await db.transaction().execute(async (trx) => {
    const created: string[] = [];
    for (const [key, items] of groups) {
      const [fundId, channel] = key.split('|') as [string, PaymentChannel];
      const { rows } = await sql<{ n: string }>`select nextval('payment_batch_number_seq')::text as n`.execute(trx);
      const number = `PB-${actor.regionCode}-${clock.today().replaceAll('-', '')}-${(rows[0]?.n ?? '0').padStart(5, '0')}`;
      const total = items.reduce((n, i) => n + Number(i.amount_fen), 0);
      const batch = await trx
        .insertInto('payment_batch')
        .values({
          number,
          fund_id: fundId,
          channel,
          region_code: actor.regionCode,
          layout: layoutCode,
          state: 'open',
          item_count: items.length,
          total_fen: String(total),
          created_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Earlier attempts of the applications in this batch (by subquery: a batch can be larger
      // than the number of parameters a statement may carry).
      const attempts = await trx
        .selectFrom('payment_item')
        .select(['application_id', (eb) => eb.fn.max('attempt').as('attempt')])
        .where('application_id', 'in', (eb) =>
          eb
            .selectFrom('application')
            .select('id')
            .where('state', '=', 'payable')
            .where('region_code', 'like', `${prefix}%`),
        )
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
      await appendAudit(trx, vault, {
        actor,
        action: 'payment-batch.created',
        entityType: 'payment_batch',
        entityId: batch.id,
        regionCode: actor.regionCode,
        after: { number, fundId, channel, items: items.length, totalFen: total },
      });
      created.push(batch.id);
    }
    return created;
  });
  return { batches: await Promise.all(ids.map((id) => getBatch(db, actor, id))), missingAccount };
}
