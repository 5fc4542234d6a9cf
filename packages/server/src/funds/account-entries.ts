import type { Kysely, Transaction } from 'kysely';
import { countUpTo } from '../db/capped-count.js';
import type { Database } from '../db/schema.js';
import type { LedgerAccountKind, LedgerTransactionKind } from '../db/tables/funds.js';

/** The accounts a balance is shown for (the treasury is the fund's source, not a balance of a region). */
export const STATEMENT_ACCOUNTS = ['available', 'committed', 'paid', 'recovered'] as const;
export type StatementAccount = (typeof STATEMENT_ACCOUNTS)[number];

export interface StatementEntry {
  /** The ledger transaction: two entries of one account can match in all else. */
  id: string;
  at: string;
  kind: LedgerTransactionKind;
  /** Into this account (positive) or out of it (negative): the entries sum to its balance. */
  amountFen: number;
  /** Where the money came from or went to. */
  counterpart: { regionCode: string; account: LedgerAccountKind };
  applicationId?: string;
  applicationNumber?: string;
  subsidy?: string;
  memo?: string;
}

/** A statement counts its entries up to this many, and past it says "more than" (as the worklist does). */
export const STATEMENT_COUNT_CAP = 10_000;

export interface Statement {
  balanceFen: number;
  /** The entries, counted up to `STATEMENT_COUNT_CAP`. */
  total: number;
  /** There are more entries than `total`. */
  totalIsLowerBound: boolean;
  entries: StatementEntry[];
}

/**
 * 明细账: what makes one balance of the funds page, entry by entry, newest first — an issue or an
 * allocation into 可用, a commitment out of it into 已承诺, a payment on to 已支付, a recovery to
 * 已追回 — each with the account on its other side and the application it was for, so a figure
 * can be checked against the movements that made it. An account not opened yet has no entries.
 *
 * Newest is the order the ledger recorded them in (its transaction numbers), which the account's
 * index holds: a page reads its own entries and stops, however many a province's account has. A
 * transaction's time is the posting process's clock when it posted (the database's when none is
 * given), so postings by two processes, or a settlement chunk that ran a while, can show their
 * times slightly out of turn: the order is the ledger's, not the clocks'.
 */
export async function accountStatement(
  db: Kysely<Database>,
  q: { fundId: string; regionCode: string; account: StatementAccount; limit: number; offset: number },
): Promise<Statement> {
  // One snapshot for the balance, the count and the page, so a posting in between cannot make them disagree.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => statementIn(trx, q));
}

async function statementIn(
  db: Transaction<Database>,
  q: { fundId: string; regionCode: string; account: StatementAccount; limit: number; offset: number },
): Promise<Statement> {
  const account = await db
    .selectFrom('ledger_account')
    .select(['id', 'balance_fen'])
    .where('fund_id', '=', q.fundId)
    .where('region_code', '=', q.regionCode)
    .where('kind', '=', q.account)
    .executeTakeFirst();
  if (!account) return { balanceFen: 0, total: 0, totalIsLowerBound: false, entries: [] };
  const mine = db.selectFrom('ledger_entry').where('account_id', '=', account.id);
  const [count, rows] = await Promise.all([
    countUpTo(db, mine.select('transaction_id'), STATEMENT_COUNT_CAP),
    // The page is found among the account's entries alone, and only its rows are joined.
    db
      .selectFrom(
        mine
          .select(['transaction_id', 'amount_fen'])
          .orderBy('transaction_id', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .as('e'),
      )
      .innerJoin('ledger_transaction as t', 't.id', 'e.transaction_id')
      // The other side of the move: the transaction's entry on another account.
      .innerJoin('ledger_entry as o', (join) =>
        join.onRef('o.transaction_id', '=', 't.id').on('o.account_id', '<>', account.id),
      )
      .innerJoin('ledger_account as oa', 'oa.id', 'o.account_id')
      .leftJoin('application as a', 'a.id', 't.application_id')
      .select([
        't.id',
        't.at',
        't.kind',
        'e.amount_fen',
        'oa.region_code as other_region',
        'oa.kind as other_account',
        't.application_id',
        'a.number',
        't.subsidy_id',
        't.memo',
      ])
      .orderBy('e.transaction_id', 'desc')
      .execute(),
  ]);
  return {
    balanceFen: Number(account.balance_fen),
    ...count,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      amountFen: Number(r.amount_fen),
      counterpart: { regionCode: r.other_region, account: r.other_account },
      ...(r.application_id ? { applicationId: r.application_id } : {}),
      ...(r.number ? { applicationNumber: r.number } : {}),
      ...(r.subsidy_id ? { subsidy: r.subsidy_id } : {}),
      ...(r.memo ? { memo: r.memo } : {}),
    })),
  };
}
