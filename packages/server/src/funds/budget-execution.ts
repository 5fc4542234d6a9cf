import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';

export interface Execution {
  byRegionFund: {
    regionCode: string;
    fundCode: string;
    receivedFen: number;
    executedFen: number;
    ratePermille: number;
  }[];
  bySubsidyMonth: { subsidy: string; month: string; paidFen: number; payments: number }[];
}

/**
 * Budget execution (预算执行, the "双监控" of 181号): per region and fund, what was received and what
 * has been paid in that region and below; and payments by subsidy and month.
 */
export async function budgetExecution(db: Kysely<Database>, actor: Actor, year?: number): Promise<Execution> {
  const prefix = regionPrefix(actor.regionCode);
  const from = year ? new Date(`${year}-01-01T00:00:00+08:00`) : new Date('2000-01-01T00:00:00Z');
  const to = year ? new Date(`${year + 1}-01-01T00:00:00+08:00`) : new Date('2200-01-01T00:00:00Z');
  const received = await db
    .selectFrom('ledger_entry')
    .innerJoin('ledger_transaction as t', 't.id', 'ledger_entry.transaction_id')
    .innerJoin('ledger_account as a', 'a.id', 'ledger_entry.account_id')
    .innerJoin('fund', 'fund.id', 'a.fund_id')
    .select([
      'a.region_code',
      'fund.id as fund_id',
      'fund.code',
      (eb) => eb.fn.sum<string>('ledger_entry.amount_fen').as('received'),
    ])
    .where('a.kind', '=', 'available')
    .where('t.kind', 'in', ['issue', 'allocate'])
    .where('ledger_entry.amount_fen', '>', '0')
    .where('a.region_code', 'like', `${prefix}%`)
    .where('t.at', '>=', from)
    .where('t.at', '<', to)
    .groupBy(['a.region_code', 'fund.id', 'fund.code'])
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
  const byRegionFund = received.map((r) => {
    const executed = paid
      .filter((p) => p.fund_id === r.fund_id && p.region_code.startsWith(regionPrefix(r.region_code)))
      .reduce((n, p) => n + net(p), 0);
    const receivedFen = Number(r.received);
    return {
      regionCode: r.region_code,
      fundCode: r.code,
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
  };
}
