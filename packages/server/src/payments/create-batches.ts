import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database, PaymentChannel } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';
import { bankLayout } from './bank-layouts.js';
import { getBatch, type BatchView } from './batch-views.js';
import { payableGroups, type PayableItem } from './payable-applications.js';
import type { PaymentDeps } from './payment-deps.js';
import { reconcileEarlierBatches } from './settlement.js';

export interface CreatedBatches {
  batches: BatchView[];
  missingAccount: string[];
  awaitingCorrection: string[];
}

/**
 * 生成拨付批次: every payable application in the caller's regions without a pending payment, grouped
 * into one batch per fund and channel; those without a payee account or amount, and those whose
 * last payment failed to an account not corrected since, are named instead.
 */
export async function createBatches(
  deps: PaymentDeps,
  actor: Actor,
  layoutCode = 'generic-csv',
): Promise<CreatedBatches> {
  if (!bankLayout(layoutCode)) throw new AppError('UNKNOWN_LAYOUT', 400, 'layout', { value: layoutCode });
  const { ids, missingAccount, awaitingCorrection } = await deps.db.transaction().execute(async (trx) => {
    // What is payable is read under the lock, so that requests sent at once take turns: the next
    // finds the applications the first put in a batch and leaves them out. Read before it, each
    // took them all, and all but one failed on the one pending item per application (a 500).
    await lockBatchCreation(trx);
    const { groups, missingAccount, awaitingCorrection } = await payableGroups({ ...deps, db: trx }, actor);
    if (groups.size === 0)
      throw new AppError('NOTHING_TO_PAY', 409, undefined, {}, [
        ...missingAccount.map((n) => ({ field: 'application', code: 'NO_PAYEE_ACCOUNT', message: n })),
        ...awaitingCorrection.map((n) => ({ field: 'application', code: 'ACCOUNT_NOT_CORRECTED', message: n })),
      ]);
    const created: string[] = [];
    for (const [key, items] of groups) {
      const [fundId, channel] = key.split('|') as [string, PaymentChannel];
      created.push(await insertBatch(trx, deps, actor, { fundId, channel, layout: layoutCode, items }));
    }
    // Failed items these applications had in earlier batches are now re-issued.
    await reconcileEarlierBatches(
      trx,
      deps,
      actor,
      [...groups.values()].flat().map((i) => i.id),
    );
    return { ids: created, missingAccount, awaitingCorrection };
  });
  return {
    batches: await Promise.all(ids.map((id) => getBatch(deps.db, actor, id))),
    missingAccount,
    awaitingCorrection,
  };
}

/**
 * One creation of batches at a time, whoever's regions (a city's and a county's overlap): taken
 * by every transaction that puts items in a batch, held until it commits. Batches are made a few
 * times a month, so the wait costs nothing.
 */
export async function lockBatchCreation(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('payment-batch-creation', 0))`.execute(trx);
}

/** One batch of items, numbered `PB-<region>-<date>-<n>`, each item the application's next attempt. */
export async function insertBatch(
  trx: Transaction<Database>,
  deps: PaymentDeps,
  actor: Actor,
  batch: { fundId: string; channel: PaymentChannel; layout: string; items: readonly PayableItem[]; reissueOf?: string },
): Promise<string> {
  const { vault, clock } = deps;
  const { fundId, channel, items } = batch;
  const { rows } = await sql<{ n: string }>`select nextval('payment_batch_number_seq')::text as n`.execute(trx);
  const number = `PB-${actor.regionCode}-${clock.today().replaceAll('-', '')}-${(rows[0]?.n ?? '0').padStart(5, '0')}`;
  const total = items.reduce((n, i) => n + i.amountFen, 0);
  const created = await trx
    .insertInto('payment_batch')
    .values({
      number,
      fund_id: fundId,
      channel,
      region_code: actor.regionCode,
      layout: batch.layout,
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
        .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`),
    )
    .groupBy('application_id')
    .execute();
  const previous = new Map(attempts.map((a) => [a.application_id, Number(a.attempt)]));
  // The items as arrays, in one statement: a parameter a value would cost the embedded database
  // about as much as writing the row (and 9 of them a row need slices under 65,535 parameters).
  await sql`insert into payment_item (batch_id, seq, application_id, attempt, amount_fen, payee_name, account_cipher, account_masked, state)
    select ${created.id}, v.seq, v.application_id, v.attempt, v.amount_fen, v.payee_name, v.account_cipher, v.account_masked, 'pending'
      from unnest(${sql.val(items.map((_, k) => k + 1))}::integer[],
                  ${sql.val(items.map((i) => i.id))}::uuid[],
                  ${sql.val(items.map((i) => (previous.get(i.id) ?? 0) + 1))}::integer[],
                  ${sql.val(items.map((i) => String(i.amountFen)))}::bigint[],
                  ${sql.val(items.map((i) => i.payee.name))}::text[],
                  ${sql.val(items.map((i) => i.payee.account))}::text[],
                  ${sql.val(items.map((i) => i.payee.masked))}::text[])
        as v(seq, application_id, attempt, amount_fen, payee_name, account_cipher, account_masked)`.execute(trx);
  await appendAudit(trx, vault, {
    actor,
    action: batch.reissueOf ? 'payment-batch.reissued' : 'payment-batch.created',
    entityType: 'payment_batch',
    entityId: created.id,
    regionCode: actor.regionCode,
    after: {
      number,
      fundId,
      channel,
      items: items.length,
      totalFen: total,
      ...(batch.reissueOf ? { reissueOf: batch.reissueOf } : {}),
    },
  });
  return created.id;
}
