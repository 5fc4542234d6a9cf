import type { FundSource, SubsidyDefinition } from '@huimin/policy';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit, type AuditRecord } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { refuseReversedPeriod } from '../http/period.js';
import { assertRegionInScope, isInScope, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { accountStatement, type StatementAccount } from './account-entries.js';
import { ApplicationMoney, type AppMoney } from './application-money.js';
import { budgetExecution, executionItems, type Execution, type ExecutionWindow } from './budget-execution.js';
import { post, type Posting } from './ledger.js';

export interface FundView {
  id: string;
  code: string;
  name: string;
  source: FundSource;
  year: number;
  regionCode: string;
  balances: { regionCode: string; kind: string; balanceFen: number }[];
}

export type { Execution } from './budget-execution.js';

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
  ) {
    this.money = new ApplicationMoney(clock);
  }

  private readonly money: ApplicationMoney;

  async create(
    actor: Actor,
    input: { code: string; name: string; source: FundSource; year: number; regionCode: string },
  ): Promise<FundView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      // Requests for one code sent at once take turns, so the later ones find the fund and are told
      // the code is taken; without the lock each passed the check and failed on its uniqueness (a 500).
      await sql`select pg_advisory_xact_lock(hashtextextended(${`fund-code:${input.code}`}, 0))`.execute(trx);
      if (await trx.selectFrom('fund').select('id').where('code', '=', input.code).executeTakeFirst())
        throw new AppError('FUND_CODE_TAKEN', 409, 'code', { value: input.code });
      const row = await trx
        .insertInto('fund')
        .values({
          code: input.code,
          name: input.name,
          source: input.source,
          year: input.year,
          region_code: input.regionCode,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'fund.created',
        entityType: 'fund',
        entityId: row.id,
        regionCode: input.regionCode,
        after: input,
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  /** Budget received from outside (the level above, or the fund's own treasury) into the fund's region. */
  async issue(
    actor: Actor,
    fundId: string,
    input: { amountFen: number; memo?: string; idempotencyKey?: string },
  ): Promise<FundView> {
    const fund = await this.visibleFund(actor, fundId);
    await this.postOnce(
      {
        kind: 'issue',
        fundId,
        amountFen: input.amountFen,
        from: { region: fund.region_code, account: 'treasury' },
        to: { region: fund.region_code, account: 'available' },
        actorId: actor.accountId,
        at: this.clock.now(),
        ...opt(input),
      },
      fund.code,
      {
        actor,
        action: 'fund.issued',
        entityType: 'fund',
        entityId: fundId,
        regionCode: fund.region_code,
        after: input,
      },
    );
    return this.get(actor, fundId);
  }

  /** 下达: from a region to one below it. */
  async allocate(
    actor: Actor,
    fundId: string,
    input: { fromRegion: string; toRegion: string; amountFen: number; memo?: string; idempotencyKey?: string },
  ): Promise<FundView> {
    const fund = await this.visibleFund(actor, fundId);
    await assertRegionInScope(this.db, actor.regionCode, input.fromRegion, 'fromRegion');
    await assertRegionInScope(this.db, actor.regionCode, input.toRegion, 'toRegion');
    if (input.toRegion === input.fromRegion || !isInScope(input.fromRegion, input.toRegion))
      throw new AppError('NOT_BELOW', 400, 'toRegion', { value: input.toRegion });
    await this.postOnce(
      {
        kind: 'allocate',
        fundId,
        amountFen: input.amountFen,
        from: { region: input.fromRegion, account: 'available' },
        to: { region: input.toRegion, account: 'available' },
        actorId: actor.accountId,
        at: this.clock.now(),
        ...opt(input),
      },
      fund.code,
      {
        actor,
        action: 'fund.allocated',
        entityType: 'fund',
        entityId: fundId,
        regionCode: input.fromRegion,
        after: input,
      },
    );
    return this.get(actor, fundId);
  }

  /**
   * A posting of finance staff's own (an issuance or an allocation) with its audit entry, once per
   * idempotency key. Copies of one request sent at once (a client retrying while the first still
   * runs) wait on the key's lock until the first commits, then find its posting and are answered as
   * it was; without the lock each passed the check, and all but one failed on the key's uniqueness
   * with a server error. A key already used for a different posting is refused, naming the field.
   */
  private async postOnce(posting: Posting, fundCode: string, audit: AuditRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const key = posting.idempotencyKey;
      if (key) {
        await sql`select pg_advisory_xact_lock(hashtextextended(${`ledger-key:${key}`}, 0))`.execute(trx);
        const prior = await trx
          .selectFrom('ledger_transaction')
          .select(['kind', 'fund_id', 'amount_fen', 'region_code'])
          .where('idempotency_key', '=', key)
          .executeTakeFirst();
        if (prior) {
          const same =
            prior.kind === posting.kind &&
            prior.fund_id === posting.fundId &&
            Number(prior.amount_fen) === posting.amountFen &&
            prior.region_code === posting.to.region;
          if (!same) throw new AppError('POSTING_KEY_REUSED', 422, 'idempotencyKey');
          return;
        }
      }
      await post(trx, posting, fundCode);
      await appendAudit(trx, this.vault, audit);
    });
  }

  async list(actor: Actor): Promise<FundView[]> {
    const prefix = regionPrefix(actor.regionCode);
    // A fund is visible where it was received or where it has been allocated to.
    const funds = await this.db
      .selectFrom('fund')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('region_code', 'like', `${prefix}%`),
          eb('id', 'in', eb.selectFrom('ledger_account').select('fund_id').where('region_code', 'like', `${prefix}%`)),
        ]),
      )
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
    if (balances.length === 0 && !isInScope(actor.regionCode, fund.region_code))
      throw new AppError('FUND_NOT_FOUND', 404);
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
  async execution(actor: Actor, window: ExecutionWindow): Promise<Execution> {
    refuseReversedPeriod(window);
    return budgetExecution(this.db, actor, window);
  }

  /** The payments behind one region and fund's executed figure; a region outside the caller's is not found. */
  executionItems(
    actor: Actor,
    q: { regionCode: string; fundId: string; window: ExecutionWindow; limit: number; offset: number },
  ): ReturnType<typeof executionItems> {
    refuseReversedPeriod(q.window);
    if (!isInScope(actor.regionCode, q.regionCode)) throw new AppError('NOT_FOUND', 404, 'regionCode');
    return executionItems(this.db, q);
  }

  /** One balance of the funds page, entry by entry: the caller's regions only, of a fund they see. */
  async statement(
    actor: Actor,
    fundId: string,
    q: { regionCode: string; account: StatementAccount; limit: number; offset: number },
  ): ReturnType<typeof accountStatement> {
    if (!isInScope(actor.regionCode, q.regionCode)) throw new AppError('NOT_FOUND', 404, 'regionCode');
    await this.get(actor, fundId);
    return accountStatement(this.db, { fundId, ...q });
  }

  /** Commitment at approval: the most local fund of the subsidy's family that may pay it and has the money. */
  commit(
    trx: Transaction<Database>,
    actor: Actor,
    app: AppMoney,
    subsidy: SubsidyDefinition,
    amountFen: number,
  ): Promise<void> {
    return this.money.commit(trx, actor, app, subsidy, amountFen);
  }

  /** Payment of the committed amount; at most once at a time (the database refuses a second). */
  pay(
    trx: Transaction<Database>,
    actor: Actor,
    app: AppMoney,
    subsidy: SubsidyDefinition,
    reference?: string,
  ): Promise<void> {
    return this.money.pay(trx, actor, app, subsidy, reference);
  }

  /** 退票: the bank returned a payment; the money goes back to the commitment, to be paid again. */
  returnPayment(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    return this.money.returnPayment(trx, actor, app);
  }

  /** A commitment no longer needed (rejected after approval, objection in publicity) goes back. */
  release(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    return this.money.release(trx, actor, app);
  }

  /** 追回: money paid and recovered. */
  recover(trx: Transaction<Database>, actor: Actor, app: AppMoney, amountFen: number): Promise<void> {
    return this.money.recover(trx, actor, app, amountFen);
  }

  private async visibleFund(actor: Actor, fundId: string) {
    const fund = await this.db.selectFrom('fund').selectAll().where('id', '=', fundId).executeTakeFirst();
    if (!fund || !isInScope(actor.regionCode, fund.region_code)) throw new AppError('FUND_NOT_FOUND', 404);
    return fund;
  }
}

function opt(input: { memo?: string; idempotencyKey?: string }) {
  return {
    ...(input.memo ? { memo: input.memo } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
}
