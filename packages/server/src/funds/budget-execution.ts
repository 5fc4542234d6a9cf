import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';

export interface Execution {
  byRegionFund: {
    regionCode: string;
    fundId: string;
    fundCode: string;
    fundName: string;
    receivedFen: number;
    executedFen: number;
    ratePermille: number;
  }[];
  bySubsidyMonth: { subsidy: string; month: string; paidFen: number; payments: number }[];
  /**
   * The caller's regions as a whole: what came in from outside them (issued, or allocated from a
   * region above) and what was paid in them, each payment once. Not the sum of the rows: a city's
   * row already holds its districts' payments, and money it allocated down is received again by
   * each district.
   */
  total: { receivedFen: number; executedFen: number; ratePermille: number };
}

/** The days an execution figure covers, in Asia/Shanghai: a year, or [from, to]; all time when neither. */
export interface ExecutionWindow {
  year?: number;
  from?: string;
  to?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The window as instants [from, to), Shanghai days. */
export function instants(w: ExecutionWindow): { from: Date; to: Date } {
  if (w.from || w.to)
    return {
      from: new Date(`${w.from ?? '2000-01-01'}T00:00:00+08:00`),
      to: new Date(new Date(`${w.to ?? '2199-12-31'}T00:00:00+08:00`).getTime() + DAY_MS),
    };
  if (w.year)
    return { from: new Date(`${w.year}-01-01T00:00:00+08:00`), to: new Date(`${w.year + 1}-01-01T00:00:00+08:00`) };
  return { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2200-01-01T00:00:00Z') };
}

/**
 * Budget execution (预算执行, the "双监控" of 181号): per region and fund, what was received and what
 * has been paid in that region and below; and payments by subsidy and month.
 */
export async function budgetExecution(db: Kysely<Database>, actor: Actor, window: ExecutionWindow): Promise<Execution> {
  const prefix = regionPrefix(actor.regionCode);
  const { from, to } = instants(window);
  // Money arriving in an available account of the caller's regions: issued, or allocated to it.
  const inflows = () =>
    db
      .selectFrom('ledger_entry as e')
      .innerJoin('ledger_transaction as t', 't.id', 'e.transaction_id')
      .innerJoin('ledger_account as a', 'a.id', 'e.account_id')
      .where('a.kind', '=', 'available')
      .where('t.kind', 'in', ['issue', 'allocate'])
      .where('e.amount_fen', '>', '0')
      .where('a.region_code', 'like', `${prefix}%`)
      .where('t.at', '>=', from)
      .where('t.at', '<', to);
  const received = await inflows()
    .innerJoin('fund', 'fund.id', 'a.fund_id')
    .select([
      'a.region_code',
      'fund.id as fund_id',
      'fund.code',
      'fund.name',
      (eb) => eb.fn.sum<string>('e.amount_fen').as('received'),
    ])
    .groupBy(['a.region_code', 'fund.id', 'fund.code', 'fund.name'])
    .execute();
  const paid = await db
    .selectFrom('ledger_transaction')
    .select([
      'region_code',
      'fund_id',
      'subsidy_id',
      'kind',
      (eb) => sql<string>`to_char(${eb.ref('at')} at time zone 'Asia/Shanghai', 'YYYY-MM')`.as('month'),
      (eb) => eb.fn.sum<string>('amount_fen').as('amount'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('kind', 'in', ['pay', 'payment-returned', 'recover'])
    .where('region_code', 'like', `${prefix}%`)
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy(['region_code', 'fund_id', 'subsidy_id', 'kind', 'month'])
    .execute();
  const net = (r: (typeof paid)[number]) => (r.kind === 'pay' ? 1 : -1) * Number(r.amount);
  // Money moved between two of the caller's regions (an allocation down) came in once, not twice.
  const fromOutside = await inflows()
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('e.amount_fen'), sql<string>`0`).as('received'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_entry as source')
            .innerJoin('ledger_account as sa', 'sa.id', 'source.account_id')
            .select('source.account_id')
            .whereRef('source.transaction_id', '=', 'e.transaction_id')
            .where('source.amount_fen', '<', '0')
            .where('sa.kind', '=', 'available')
            .where('sa.region_code', 'like', `${prefix}%`),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  const totalReceived = Number(fromOutside.received);
  const totalExecuted = paid.reduce((n, p) => n + net(p), 0);
  const byRegionFund = received.map((r) => {
    const executed = paid
      .filter((p) => p.fund_id === r.fund_id && p.region_code.startsWith(regionPrefix(r.region_code)))
      .reduce((n, p) => n + net(p), 0);
    const receivedFen = Number(r.received);
    return {
      regionCode: r.region_code,
      fundId: r.fund_id,
      fundCode: r.code,
      fundName: r.name,
      receivedFen,
      executedFen: executed,
      ratePermille: receivedFen === 0 ? 0 : Math.floor((executed * 1000) / receivedFen),
    };
  });
  const months = new Map<string, { subsidy: string; month: string; paidFen: number; payments: number }>();
  for (const p of paid) {
    const key = `${p.subsidy_id ?? ''}|${p.month}`;
    const row = months.get(key) ?? { subsidy: p.subsidy_id ?? '', month: p.month, paidFen: 0, payments: 0 };
    row.paidFen += net(p);
    if (p.kind === 'pay') row.payments += Number(p.n);
    months.set(key, row);
  }
  return {
    byRegionFund: byRegionFund.sort((a, b) => (a.regionCode + a.fundCode < b.regionCode + b.fundCode ? -1 : 1)),
    bySubsidyMonth: [...months.values()].sort((a, b) => (a.month + a.subsidy < b.month + b.subsidy ? -1 : 1)),
    total: {
      receivedFen: totalReceived,
      executedFen: totalExecuted,
      ratePermille: totalReceived === 0 ? 0 : Math.floor((totalExecuted * 1000) / totalReceived),
    },
  };
}

/** One payment behind an executed figure: a payment, or money coming back (returned by the bank, recovered). */
export interface ExecutionItem {
  /** The ledger transaction: two payments can match in all else. */
  id: string;
  applicationId?: string;
  applicationNumber?: string;
  subsidy?: string;
  kind: 'pay' | 'payment-returned' | 'recover';
  amountFen: number;
  at: string;
}

/**
 * The list behind one region and fund's executed figure (下钻): its payments and returns in the
 * region and below, newest first, a page at a time, with the total count.
 */
export async function executionItems(
  db: Kysely<Database>,
  q: { regionCode: string; fundId: string; window: ExecutionWindow; limit: number; offset: number },
): Promise<{ total: number; items: ExecutionItem[] }> {
  const { from, to } = instants(q.window);
  const base = db
    .selectFrom('ledger_transaction as t')
    .where('t.kind', 'in', ['pay', 'payment-returned', 'recover'])
    .where('t.fund_id', '=', q.fundId)
    .where('t.region_code', 'like', `${regionPrefix(q.regionCode)}%`)
    .where('t.at', '>=', from)
    .where('t.at', '<', to);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('application as a', 'a.id', 't.application_id')
      .select(['t.id', 't.kind', 't.amount_fen', 't.at', 't.subsidy_id', 't.application_id', 'a.number'])
      .orderBy('t.at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      ...(r.application_id ? { applicationId: r.application_id } : {}),
      ...(r.number ? { applicationNumber: r.number } : {}),
      ...(r.subsidy_id ? { subsidy: r.subsidy_id } : {}),
      kind: r.kind as ExecutionItem['kind'],
      amountFen: Number(r.amount_fen),
      at: r.at.toISOString(),
    })),
  };
}
