import { sql, type Transaction } from 'kysely';
import type { Database, LedgerAccountKind, LedgerTransactionKind } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * The double-entry ledger. Every posting moves an amount from one account to another inside the
 * caller's transaction, so the money and the change it pays for commit together. The database
 * refuses what must never happen (an unbalanced transaction, an overdraft, a second payment); this
 * module turns those refusals into errors a person can act on.
 *
 * The accounts of a fund in a region: `treasury` (what was issued to the fund from outside; it goes
 * negative by what it issued), `available`, `committed` (approved, not yet paid), `paid`, and
 * `recovered` (paid and clawed back, 追回).
 */
export interface Posting {
  readonly kind: LedgerTransactionKind;
  readonly fundId: string;
  readonly amountFen: number;
  readonly from: { readonly region: string; readonly account: LedgerAccountKind };
  readonly to: { readonly region: string; readonly account: LedgerAccountKind };
  readonly applicationId?: string;
  readonly subsidyId?: string;
  readonly attempt?: number;
  readonly idempotencyKey?: string;
  readonly memo?: string;
  readonly actorId?: string;
  /** When it happened (the application's clock); the database's time when absent. */
  readonly at?: Date;
}

export const MOVES: Record<LedgerTransactionKind, readonly [LedgerAccountKind, LedgerAccountKind]> = {
  issue: ['treasury', 'available'],
  allocate: ['available', 'available'],
  commit: ['available', 'committed'],
  release: ['committed', 'available'],
  pay: ['committed', 'paid'],
  'payment-returned': ['paid', 'committed'],
  recover: ['paid', 'recovered'],
};

/** The account of a fund in a region, created the first time it is needed. */
export async function ledgerAccountId(
  trx: Transaction<Database>,
  fundId: string,
  region: string,
  kind: LedgerAccountKind,
): Promise<string> {
  const existing = await trx
    .selectFrom('ledger_account')
    .select('id')
    .where('fund_id', '=', fundId)
    .where('region_code', '=', region)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (existing) return existing.id;
  const created = await trx
    .insertInto('ledger_account')
    .values({ fund_id: fundId, region_code: region, kind })
    .onConflict((oc) => oc.columns(['fund_id', 'region_code', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return created.id;
  return (
    await trx
      .selectFrom('ledger_account')
      .select('id')
      .where('fund_id', '=', fundId)
      .where('region_code', '=', region)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * Posts one transaction. Runs in a savepoint, so a refusal (overdraft, second payment) leaves the
 * caller's transaction usable and is reported as an AppError.
 */
export async function post(trx: Transaction<Database>, posting: Posting, fundCode: string): Promise<string> {
  const [fromKind, toKind] = MOVES[posting.kind];
  if (posting.from.account !== fromKind || posting.to.account !== toKind)
    throw new Error(`a ${posting.kind} moves ${fromKind} → ${toKind}`);
  if (!Number.isSafeInteger(posting.amountFen) || posting.amountFen <= 0)
    throw new AppError('VALIDATION_FAILED', 400, 'amountFen', { detail: '> 0' });
  const from = await ledgerAccountId(trx, posting.fundId, posting.from.region, fromKind);
  const to = await ledgerAccountId(trx, posting.fundId, posting.to.region, toKind);
  await sql`savepoint ledger_post`.execute(trx);
  try {
    const { id } = await trx
      .insertInto('ledger_transaction')
      .values({
        kind: posting.kind,
        fund_id: posting.fundId,
        amount_fen: String(posting.amountFen),
        region_code: posting.to.region,
        application_id: posting.applicationId ?? null,
        subsidy_id: posting.subsidyId ?? null,
        attempt: posting.attempt ?? null,
        idempotency_key: posting.idempotencyKey ?? null,
        memo: posting.memo ?? null,
        actor_id: posting.actorId ?? null,
        ...(posting.at ? { at: posting.at } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ledger_entry')
      .values([
        { transaction_id: id, account_id: from, amount_fen: String(-posting.amountFen) },
        { transaction_id: id, account_id: to, amount_fen: String(posting.amountFen) },
      ])
      .execute();
    await sql`release savepoint ledger_post`.execute(trx);
    return id;
  } catch (error) {
    await sql`rollback to savepoint ledger_post`.execute(trx);
    const e = error as { code?: string; constraint?: string; message?: string };
    if (e.code === '23514' && String(e.message ?? '').includes('ledger_account_not_negative')) {
      throw new AppError('INSUFFICIENT_FUNDS', 409, 'amountFen', { value: fundCode, region: posting.from.region });
    }
    if (
      e.code === '23505' &&
      (String(e.message ?? '').includes('already paid') || String(e.message ?? '').includes('ledger_one_payment'))
    )
      throw new AppError('ALREADY_PAID', 409);
    if (e.code === '23505' && String(e.message ?? '').includes('ledger_one_return'))
      throw new AppError('PAYMENT_NOT_FOUND', 409);
    if (e.code === '23503' && String(e.message ?? '').includes('no payment attempt'))
      throw new AppError('PAYMENT_NOT_FOUND', 409);
    throw error;
  }
}

/** One confirmed payment for `postPayments`: the application, what was paid, and the memo (batch#seq). */
export interface PaymentPosting {
  readonly applicationId: string;
  /** Integer 分 as text (a payment item's amount). */
  readonly amountFen: string;
  readonly memo: string;
}

/**
 * Many payments from one fund at once, set-based (the payment batch's settlement): one `pay`
 * transaction per application, committed → paid in the application's region, its attempt one past
 * the payments returned before, and both entries of each. Inside the caller's transaction and
 * without a savepoint: a refusal by the database (a second payment) fails the whole set, and the
 * caller settles one by one. Throws a plain Error when an application is not payable.
 */
export async function postPayments(
  trx: Transaction<Database>,
  posting: {
    readonly fundId: string;
    readonly actorId: string;
    readonly at: Date;
    readonly payments: readonly PaymentPosting[];
    /**
     * The applications' regions (the settlement has them from marking the applications paid). One
     * left out is caught below: its payments find no accounts, and the entries fall short.
     */
    readonly regions: readonly string[];
  },
): Promise<void> {
  if (posting.payments.length === 0) return;
  const ids = sql<string[]>`${sql.val(posting.payments.map((p) => p.applicationId))}::uuid[]`;
  // The accounts first (the paid one may be the region's first): the entries below join on them.
  for (const region_code of posting.regions) {
    await ledgerAccountId(trx, posting.fundId, region_code, 'committed');
    await ledgerAccountId(trx, posting.fundId, region_code, 'paid');
  }
  // The transactions and both entries of each in one statement, the payments passed as arrays.
  // `offset 0` keeps each application a lookup of its key, not a scan of the table once per chunk
  // (the embedded database has no statistics unless someone runs ANALYZE).
  const posted = await sql`
    with posted as (
      insert into ledger_transaction (kind, fund_id, amount_fen, region_code, application_id, subsidy_id, attempt, memo, actor_id, at)
      select 'pay', ${posting.fundId}, v.amount_fen, a.region_code, a.id, a.subsidy_id,
             (select count(*) from ledger_transaction r where r.application_id = a.id and r.kind = 'payment-returned') + 1,
             v.memo, ${posting.actorId}, ${posting.at}
        from unnest(${ids}, ${sql.val(posting.payments.map((p) => p.amountFen))}::bigint[],
                    ${sql.val(posting.payments.map((p) => p.memo))}::text[]) as v(application_id, amount_fen, memo)
        cross join lateral (select id, region_code, subsidy_id from application x where x.id = v.application_id offset 0) a
      returning id, amount_fen, region_code)
    insert into ledger_entry (transaction_id, account_id, amount_fen)
    select p.id, acc.id, case acc.kind when 'committed' then -p.amount_fen else p.amount_fen end
      from posted p join ledger_account acc
        on acc.fund_id = ${posting.fundId} and acc.region_code = p.region_code and acc.kind in ('committed', 'paid')`.execute(
    trx,
  );
  // Two entries a payment: fewer means an application was not found.
  if (Number(posted.numAffectedRows ?? 0n) !== 2 * posting.payments.length) throw new Error('applications not found');
}
