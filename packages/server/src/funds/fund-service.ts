import {
  drawOrder,
  formatCitation,
  fundMayPay,
  SERVICE_CEILING_CITATION,
  SERVICE_CEILING_PERMILLE,
  SERVICE_SUBSIDIES,
  serviceCeilingApplies,
  type FundSource,
  type SubsidyDefinition,
} from '@huimin/policy';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { assertRegionInScope, isInScope, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { post } from './ledger.js';

export interface FundView {
  id: string;
  code: string;
  name: string;
  source: FundSource;
  year: number;
  regionCode: string;
  balances: { regionCode: string; kind: string; balanceFen: number }[];
}

export interface Execution {
  byRegionFund: { regionCode: string; fundCode: string; receivedFen: number; executedFen: number; ratePermille: number }[];
  bySubsidyMonth: { subsidy: string; month: string; paidFen: number; payments: number }[];
}

interface AppMoney {
  readonly id: string;
  readonly region_code: string;
  readonly subsidy_id: string;
  readonly amount_fen: string | null;
}

/**
 * Funds and budgets (资金与预算): a fund is created where it is received, issued from its treasury,
 * and allocated down the region tree (181号 第二十一条; 四川 办法 第十六—十八条). Applications draw on
 * them through the ledger: committed at approval, paid at payment, released on a later rejection,
 * recovered on revocation; each inside the application's own transaction.
 */
export class FundService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: { code: string; name: string; source: FundSource; year: number; regionCode: string }): Promise<FundView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('fund').select('id').where('code', '=', input.code).executeTakeFirst()) throw new AppError('FUND_CODE_TAKEN', 409, 'code', { value: input.code });
      const row = await trx.insertInto('fund').values({ code: input.code, name: input.name, source: input.source, year: input.year, region_code: input.regionCode }).returning('id').executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, { actor, action: 'fund.created', entityType: 'fund', entityId: row.id, regionCode: input.regionCode, after: input });
      return row.id;
    });
    return this.get(actor, id);
  }

  /** Budget received from outside (the level above, or the fund's own treasury) into the fund's region. */
  async issue(actor: Actor, fundId: string, input: { amountFen: number; memo?: string; idempotencyKey?: string }): Promise<FundView> {
    const fund = await this.visibleFund(actor, fundId);
    await this.db.transaction().execute(async (trx) => {
      if (input.idempotencyKey && (await trx.selectFrom('ledger_transaction').select('id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst())) return;
      await post(trx, { kind: 'issue', fundId, amountFen: input.amountFen, from: { region: fund.region_code, account: 'treasury' }, to: { region: fund.region_code, account: 'available' }, actorId: actor.accountId, at: this.clock.now(), ...opt(input) }, fund.code);
      await appendAudit(trx, this.vault, { actor, action: 'fund.issued', entityType: 'fund', entityId: fundId, regionCode: fund.region_code, after: input });
    });
    return this.get(actor, fundId);
  }

  /** 下达: from a region to one below it. */
  async allocate(actor: Actor, fundId: string, input: { fromRegion: string; toRegion: string; amountFen: number; memo?: string; idempotencyKey?: string }): Promise<FundView> {
    const fund = await this.visibleFund(actor, fundId);
    await assertRegionInScope(this.db, actor.regionCode, input.fromRegion, 'fromRegion');
    await assertRegionInScope(this.db, actor.regionCode, input.toRegion, 'toRegion');
    if (input.toRegion === input.fromRegion || !isInScope(input.fromRegion, input.toRegion)) throw new AppError('NOT_BELOW', 400, 'toRegion', { value: input.toRegion });
    await this.db.transaction().execute(async (trx) => {
      if (input.idempotencyKey && (await trx.selectFrom('ledger_transaction').select('id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst())) return;
      await post(trx, { kind: 'allocate', fundId, amountFen: input.amountFen, from: { region: input.fromRegion, account: 'available' }, to: { region: input.toRegion, account: 'available' }, actorId: actor.accountId, at: this.clock.now(), ...opt(input) }, fund.code);
      await appendAudit(trx, this.vault, { actor, action: 'fund.allocated', entityType: 'fund', entityId: fundId, regionCode: input.fromRegion, after: input });
    });
    return this.get(actor, fundId);
  }

  async list(actor: Actor): Promise<FundView[]> {
    const prefix = regionPrefix(actor.regionCode);
    // A fund is visible where it was received or where it has been allocated to.
    const funds = await this.db
      .selectFrom('fund')
      .selectAll()
      .where((eb) => eb.or([eb('region_code', 'like', `${prefix}%`), eb('id', 'in', eb.selectFrom('ledger_account').select('fund_id').where('region_code', 'like', `${prefix}%`))]))
      .orderBy('year', 'desc')
      .orderBy('code')
      .execute();
    return Promise.all(funds.map((f) => this.get(actor, f.id)));
  }

  async get(actor: Actor, fundId: string): Promise<FundView> {
    const fund = await this.db.selectFrom('fund').selectAll().where('id', '=', fundId).executeTakeFirst();
    if (!fund) throw new AppError('FUND_NOT_FOUND', 404);
    const balances = await this.db
      .selectFrom('ledger_account')
      .select(['region_code', 'kind', 'balance_fen'])
      .where('fund_id', '=', fundId)
      .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
      .where('kind', '<>', 'treasury')
      .orderBy('region_code')
      .orderBy('kind')
      .execute();
    if (balances.length === 0 && !isInScope(actor.regionCode, fund.region_code)) throw new AppError('FUND_NOT_FOUND', 404);
    return {
      id: fund.id,
      code: fund.code,
      name: fund.name,
      source: fund.source,
      year: fund.year,
      regionCode: fund.region_code,
      balances: balances.map((b) => ({ regionCode: b.region_code, kind: b.kind, balanceFen: Number(b.balance_fen) })),
    };
  }

  /**
   * Budget execution (预算执行, the "双监控" of 181号): per region and fund, what was received and what
   * has been paid in that region and below; and payments by subsidy and month.
   */
  async execution(actor: Actor, year?: number): Promise<Execution> {
    const prefix = regionPrefix(actor.regionCode);
    const from = year ? new Date(`${year}-01-01T00:00:00+08:00`) : new Date('2000-01-01T00:00:00Z');
    const to = year ? new Date(`${year + 1}-01-01T00:00:00+08:00`) : new Date('2200-01-01T00:00:00Z');
    const received = await this.db
      .selectFrom('ledger_entry')
      .innerJoin('ledger_transaction as t', 't.id', 'ledger_entry.transaction_id')
      .innerJoin('ledger_account as a', 'a.id', 'ledger_entry.account_id')
      .innerJoin('fund', 'fund.id', 'a.fund_id')
      .select(['a.region_code', 'fund.id as fund_id', 'fund.code', (eb) => eb.fn.sum<string>('ledger_entry.amount_fen').as('received')])
      .where('a.kind', '=', 'available')
      .where('t.kind', 'in', ['issue', 'allocate'])
      .where('ledger_entry.amount_fen', '>', '0')
      .where('a.region_code', 'like', `${prefix}%`)
      .where('t.at', '>=', from)
      .where('t.at', '<', to)
      .groupBy(['a.region_code', 'fund.id', 'fund.code'])
      .execute();
    const paid = await this.db
      .selectFrom('ledger_transaction')
      .select(['region_code', 'fund_id', 'subsidy_id', 'kind', (eb) => sql<string>`to_char(${eb.ref('at')} at time zone 'Asia/Shanghai', 'YYYY-MM')`.as('month'), (eb) => eb.fn.sum<string>('amount_fen').as('amount'), (eb) => eb.fn.countAll<string>().as('n')])
      .where('kind', 'in', ['pay', 'payment-returned', 'recover'])
      .where('region_code', 'like', `${prefix}%`)
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy(['region_code', 'fund_id', 'subsidy_id', 'kind', 'month'])
      .execute();
    const net = (r: (typeof paid)[number]) => (r.kind === 'pay' ? 1 : -1) * Number(r.amount);
    const byRegionFund = received.map((r) => {
      const executed = paid.filter((p) => p.fund_id === r.fund_id && p.region_code.startsWith(regionPrefix(r.region_code))).reduce((n, p) => n + net(p), 0);
      const receivedFen = Number(r.received);
      return { regionCode: r.region_code, fundCode: r.code, receivedFen, executedFen: executed, ratePermille: receivedFen === 0 ? 0 : Math.floor((executed * 1000) / receivedFen) };
    });
    const months = new Map<string, { subsidy: string; month: string; paidFen: number; payments: number }>();
    for (const p of paid) {
      const key = `${p.subsidy_id ?? ''}|${p.month}`;
      const row = months.get(key) ?? { subsidy: p.subsidy_id ?? '', month: p.month, paidFen: 0, payments: 0 };
      row.paidFen += net(p);
      if (p.kind === 'pay') row.payments += Number(p.n);
      months.set(key, row);
    }
    return { byRegionFund: byRegionFund.sort((a, b) => (a.regionCode + a.fundCode < b.regionCode + b.fundCode ? -1 : 1)), bySubsidyMonth: [...months.values()].sort((a, b) => (a.month + a.subsidy < b.month + b.subsidy ? -1 : 1)) };
  }

  /** Commitment at approval: the most local fund of the subsidy's family that may pay it and has the money. */
  async commit(trx: Transaction<Database>, actor: Actor, app: AppMoney, subsidy: SubsidyDefinition, amountFen: number): Promise<void> {
    if (amountFen === 0) return;
    const order = drawOrder(subsidy);
    const candidates = await trx
      .selectFrom('ledger_account')
      .innerJoin('fund', 'fund.id', 'ledger_account.fund_id')
      .select(['fund.id', 'fund.code', 'fund.source', 'fund.region_code', 'fund.year', 'ledger_account.balance_fen'])
      .where('ledger_account.region_code', '=', app.region_code)
      .where('ledger_account.kind', '=', 'available')
      .execute();
    let refusal: { detail: string } | undefined;
    const usable = candidates
      .filter((c) => {
        const verdict = fundMayPay(c.source, c.region_code, subsidy);
        if (!verdict.allowed && order.includes(c.source)) refusal = { detail: `${c.code}: ${verdict.reason.zh}（${verdict.cites}）` };
        return verdict.allowed;
      })
      .sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.year - b.year || (a.code < b.code ? -1 : 1));
    let ceiling: { detail: string } | undefined;
    let fund: (typeof usable)[number] | undefined;
    for (const c of usable) {
      if (Number(c.balance_fen) < amountFen) continue;
      if (serviceCeilingApplies(c.source, c.region_code, subsidy.id) && !(await this.withinServiceCeiling(trx, c.id, amountFen))) {
        ceiling = { detail: `${c.code}: 就业创业服务补助不得超过年度补助资金总额的15%（${formatCitation(SERVICE_CEILING_CITATION)}）` };
        continue;
      }
      fund = c;
      break;
    }
    if (!fund && ceiling) throw new AppError('SPENDING_RULE', 422, 'action', ceiling);
    if (!fund) {
      if (subsidy.fund === 'inclusive-finance' || (usable.length === 0 && refusal)) {
        const verdict = fundMayPay(order[0] ?? 'central-employment', app.region_code, subsidy);
        throw new AppError('SPENDING_RULE', 422, 'action', { detail: refusal?.detail ?? (verdict.allowed ? '' : `${verdict.reason.zh}（${verdict.cites}）`) });
      }
      throw new AppError('NO_FUND', 409, 'action', { region: app.region_code, detail: usable.map((u) => `${u.code} ${u.balance_fen}`).join('，') || '—' });
    }
    await post(trx, { kind: 'commit', fundId: fund.id, amountFen, applicationId: app.id, subsidyId: app.subsidy_id, from: { region: app.region_code, account: 'available' }, to: { region: app.region_code, account: 'committed' }, actorId: actor.accountId, at: this.clock.now() }, fund.code);
  }

  /** Service subsidies committed or paid from the fund, plus this one, within 15% of what it received. */
  private async withinServiceCeiling(trx: Transaction<Database>, fundId: string, amountFen: number): Promise<boolean> {
    const received = await trx.selectFrom('ledger_account').select('balance_fen').where('fund_id', '=', fundId).where('kind', '=', 'treasury').executeTakeFirst();
    const issued = -Number(received?.balance_fen ?? 0);
    const used = await trx
      .selectFrom('ledger_transaction')
      .select((eb) => eb.fn.sum<string>(eb.case().when('kind', '=', 'commit').then(eb.ref('amount_fen')).when('kind', '=', 'release').then(eb.neg(eb.ref('amount_fen'))).else(0).end()).as('net'))
      .where('fund_id', '=', fundId)
      .where('subsidy_id', 'in', [...SERVICE_SUBSIDIES])
      .executeTakeFirst();
    return (Number(used?.net ?? 0) + amountFen) * 1000 <= issued * SERVICE_CEILING_PERMILLE;
  }

  /** Payment of the committed amount; at most once at a time (the database refuses a second). */
  async pay(trx: Transaction<Database>, actor: Actor, app: AppMoney, subsidy: SubsidyDefinition, reference?: string): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money) return;
    const verdict = fundMayPay(money.source, money.fundRegion, subsidy);
    if (!verdict.allowed) throw new AppError('SPENDING_RULE', 422, 'action', { detail: `${verdict.reason.zh}（${verdict.cites}）` });
    await post(trx, { kind: 'pay', fundId: money.fundId, amountFen: money.committedFen, applicationId: app.id, subsidyId: app.subsidy_id, attempt: money.returns + 1, ...(reference ? { memo: reference } : {}), from: { region: app.region_code, account: 'committed' }, to: { region: app.region_code, account: 'paid' }, actorId: actor.accountId, at: this.clock.now() }, money.fundCode);
  }

  /** 退票: the bank returned a payment; the money goes back to the commitment, to be paid again. */
  async returnPayment(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money) return;
    const last = await trx.selectFrom('ledger_transaction').select(['amount_fen', 'attempt']).where('application_id', '=', app.id).where('kind', '=', 'pay').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!last) return;
    await post(trx, { kind: 'payment-returned', fundId: money.fundId, amountFen: Number(last.amount_fen), applicationId: app.id, subsidyId: app.subsidy_id, attempt: last.attempt ?? 1, from: { region: app.region_code, account: 'paid' }, to: { region: app.region_code, account: 'committed' }, actorId: actor.accountId, at: this.clock.now() }, money.fundCode);
  }

  /** A commitment no longer needed (rejected after approval, objection in publicity) goes back. */
  async release(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money || money.committedFen === 0) return;
    await post(trx, { kind: 'release', fundId: money.fundId, amountFen: money.committedFen, applicationId: app.id, subsidyId: app.subsidy_id, from: { region: app.region_code, account: 'committed' }, to: { region: app.region_code, account: 'available' }, actorId: actor.accountId, at: this.clock.now() }, money.fundCode);
  }

  /** 追回: money paid and recovered. */
  async recover(trx: Transaction<Database>, actor: Actor, app: AppMoney, amountFen: number): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money || amountFen === 0) return;
    await post(trx, { kind: 'recover', fundId: money.fundId, amountFen, applicationId: app.id, subsidyId: app.subsidy_id, from: { region: app.region_code, account: 'paid' }, to: { region: app.region_code, account: 'recovered' }, actorId: actor.accountId, at: this.clock.now() }, money.fundCode);
  }

  /** The application's fund and what of it is committed and unpaid, from its ledger history. */
  private async outstanding(trx: Transaction<Database>, applicationId: string) {
    const rows = await trx
      .selectFrom('ledger_transaction')
      .innerJoin('fund', 'fund.id', 'ledger_transaction.fund_id')
      .select(['ledger_transaction.kind', 'ledger_transaction.amount_fen', 'fund.id', 'fund.code', 'fund.source', 'fund.region_code'])
      .where('application_id', '=', applicationId)
      .orderBy('ledger_transaction.id')
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    const sign: Record<string, number> = { commit: 1, release: -1, pay: -1, 'payment-returned': 1 };
    const committedFen = rows.reduce((n, r) => n + (sign[r.kind] ?? 0) * Number(r.amount_fen), 0);
    return { fundId: first.id, fundCode: first.code, source: first.source, fundRegion: first.region_code, committedFen, returns: rows.filter((r) => r.kind === 'payment-returned').length };
  }

  private async visibleFund(actor: Actor, fundId: string) {
    const fund = await this.db.selectFrom('fund').selectAll().where('id', '=', fundId).executeTakeFirst();
    if (!fund || !isInScope(actor.regionCode, fund.region_code)) throw new AppError('FUND_NOT_FOUND', 404);
    return fund;
  }
}

function opt(input: { memo?: string; idempotencyKey?: string }) {
  return { ...(input.memo ? { memo: input.memo } : {}), ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}) };
}
