import {
  citationIn,
  drawOrder,
  formatCitation,
  formatYuan,
  formatYuanEn,
  fundMayPay,
  SERVICE_CEILING_CITATION,
  SERVICE_CEILING_PERMILLE,
  SERVICE_SUBSIDIES,
  serviceCeilingApplies,
  type SubsidyDefinition,
  type Text,
} from '@huimin/policy';
import type { Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError, inBoth } from '../http/errors.js';
import { regionNameInBoth } from '../regions/region-scope.js';
import { post } from './ledger.js';

/** What the funds module needs to know of an application. */
export interface AppMoney {
  readonly id: string;
  readonly region_code: string;
  readonly subsidy_id: string;
  readonly amount_fen: string | null;
}

/**
 * An application's money through the ledger, each step inside the application's own transaction:
 * committed at approval, paid, returned by the bank, released, recovered.
 */
export class ApplicationMoney {
  constructor(private readonly clock: Clock) {}

  /** Commitment at approval: the most local fund of the subsidy's family that may pay it and has the money. */
  async commit(
    trx: Transaction<Database>,
    actor: Actor,
    app: AppMoney,
    subsidy: SubsidyDefinition,
    amountFen: number,
  ): Promise<void> {
    if (amountFen === 0) return;
    const order = drawOrder(subsidy);
    const candidates = await trx
      .selectFrom('ledger_account')
      .innerJoin('fund', 'fund.id', 'ledger_account.fund_id')
      .select(['fund.id', 'fund.code', 'fund.source', 'fund.region_code', 'fund.year', 'ledger_account.balance_fen'])
      .where('ledger_account.region_code', '=', app.region_code)
      .where('ledger_account.kind', '=', 'available')
      .execute();
    let refusal: Record<string, string> | undefined;
    const usable = candidates
      .filter((c) => {
        const verdict = fundMayPay(c.source, c.region_code, subsidy);
        if (!verdict.allowed && order.includes(c.source))
          refusal = ruleBroken(verdict.reason, verdict.cites, `${c.code}: `);
        return verdict.allowed;
      })
      .sort(
        (a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.year - b.year || (a.code < b.code ? -1 : 1),
      );
    let ceiling: Record<string, string> | undefined;
    let fund: (typeof usable)[number] | undefined;
    for (const c of usable) {
      if (Number(c.balance_fen) < amountFen) continue;
      if (
        serviceCeilingApplies(c.source, c.region_code, subsidy.id) &&
        !(await this.withinServiceCeiling(trx, c.id, amountFen))
      ) {
        ceiling = ruleBroken(
          {
            zh: '就业创业服务补助不得超过年度补助资金总额的15%',
            en: 'employment and entrepreneurship service subsidies may not exceed 15% of the year’s subsidy funds',
          },
          formatCitation(SERVICE_CEILING_CITATION),
          `${c.code}: `,
        );
        continue;
      }
      fund = c;
      break;
    }
    if (!fund && ceiling) throw new AppError('SPENDING_RULE', 422, 'action', ceiling);
    if (!fund) {
      if (usable.length === 0 && (subsidy.fund === 'inclusive-finance' || refusal)) {
        const verdict = fundMayPay(order[0] ?? 'central-employment', app.region_code, subsidy);
        throw new AppError(
          'SPENDING_RULE',
          422,
          'action',
          refusal ?? (verdict.allowed ? { detail: '' } : ruleBroken(verdict.reason, verdict.cites)),
        );
      }
      // Each usable fund with what it has left, in 元: none has the whole amount.
      throw new AppError('NO_FUND', 409, 'action', {
        ...(await regionNameInBoth(trx, app.region_code)),
        ...inBoth(
          'detail',
          usable.map((u) => `${u.code} 余额 ${formatYuan(Number(u.balance_fen))}`).join('，') || '—',
          usable.map((u) => `${u.code} has ${formatYuanEn(Number(u.balance_fen))} left`).join(', ') || '—',
        ),
      });
    }
    await post(
      trx,
      {
        kind: 'commit',
        fundId: fund.id,
        amountFen,
        applicationId: app.id,
        subsidyId: app.subsidy_id,
        from: { region: app.region_code, account: 'available' },
        to: { region: app.region_code, account: 'committed' },
        actorId: actor.accountId,
        at: this.clock.now(),
      },
      fund.code,
    );
  }

  /** Service subsidies committed or paid from the fund, plus this one, within 15% of what it received. */
  private async withinServiceCeiling(trx: Transaction<Database>, fundId: string, amountFen: number): Promise<boolean> {
    const received = await trx
      .selectFrom('ledger_account')
      .select('balance_fen')
      .where('fund_id', '=', fundId)
      .where('kind', '=', 'treasury')
      .executeTakeFirst();
    const issued = -Number(received?.balance_fen ?? 0);
    const used = await trx
      .selectFrom('ledger_transaction')
      .select((eb) =>
        eb.fn
          .sum<string>(
            eb
              .case()
              .when('kind', '=', 'commit')
              .then(eb.ref('amount_fen'))
              .when('kind', '=', 'release')
              .then(eb.neg(eb.ref('amount_fen')))
              .else(0)
              .end(),
          )
          .as('net'),
      )
      .where('fund_id', '=', fundId)
      .where('subsidy_id', 'in', [...SERVICE_SUBSIDIES])
      .executeTakeFirst();
    return (Number(used?.net ?? 0) + amountFen) * 1000 <= issued * SERVICE_CEILING_PERMILLE;
  }

  /** Payment of the committed amount; at most once at a time (the database refuses a second). */
  async pay(
    trx: Transaction<Database>,
    actor: Actor,
    app: AppMoney,
    subsidy: SubsidyDefinition,
    reference?: string,
  ): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money) return;
    const verdict = fundMayPay(money.source, money.fundRegion, subsidy);
    if (!verdict.allowed) throw new AppError('SPENDING_RULE', 422, 'action', ruleBroken(verdict.reason, verdict.cites));
    await post(
      trx,
      {
        kind: 'pay',
        fundId: money.fundId,
        amountFen: money.committedFen,
        applicationId: app.id,
        subsidyId: app.subsidy_id,
        attempt: money.returns + 1,
        ...(reference ? { memo: reference } : {}),
        from: { region: app.region_code, account: 'committed' },
        to: { region: app.region_code, account: 'paid' },
        actorId: actor.accountId,
        at: this.clock.now(),
      },
      money.fundCode,
    );
  }

  /** 退票: the bank returned a payment; the money goes back to the commitment, to be paid again. */
  async returnPayment(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money) return;
    const last = await trx
      .selectFrom('ledger_transaction')
      .select(['amount_fen', 'attempt', 'memo'])
      .where('application_id', '=', app.id)
      .where('kind', '=', 'pay')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return;
    await post(
      trx,
      {
        kind: 'payment-returned',
        fundId: money.fundId,
        amountFen: Number(last.amount_fen),
        applicationId: app.id,
        subsidyId: app.subsidy_id,
        attempt: last.attempt ?? 1,
        // The payment it undoes, by the same reference, so the statement says which came back.
        ...(last.memo ? { memo: last.memo } : {}),
        from: { region: app.region_code, account: 'paid' },
        to: { region: app.region_code, account: 'committed' },
        actorId: actor.accountId,
        at: this.clock.now(),
      },
      money.fundCode,
    );
  }

  /** A commitment no longer needed (rejected after approval, objection in publicity) goes back. */
  async release(trx: Transaction<Database>, actor: Actor, app: AppMoney): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money || money.committedFen === 0) return;
    await post(
      trx,
      {
        kind: 'release',
        fundId: money.fundId,
        amountFen: money.committedFen,
        applicationId: app.id,
        subsidyId: app.subsidy_id,
        from: { region: app.region_code, account: 'committed' },
        to: { region: app.region_code, account: 'available' },
        actorId: actor.accountId,
        at: this.clock.now(),
      },
      money.fundCode,
    );
  }

  /** 追回: money paid and recovered. */
  async recover(trx: Transaction<Database>, actor: Actor, app: AppMoney, amountFen: number): Promise<void> {
    const money = await this.outstanding(trx, app.id);
    if (!money || amountFen === 0) return;
    await post(
      trx,
      {
        kind: 'recover',
        fundId: money.fundId,
        amountFen,
        applicationId: app.id,
        subsidyId: app.subsidy_id,
        from: { region: app.region_code, account: 'paid' },
        to: { region: app.region_code, account: 'recovered' },
        actorId: actor.accountId,
        at: this.clock.now(),
      },
      money.fundCode,
    );
  }

  /** The application's fund and what of it is committed and unpaid, from its ledger history. */
  private async outstanding(trx: Transaction<Database>, applicationId: string) {
    const rows = await trx
      .selectFrom('ledger_transaction')
      .innerJoin('fund', 'fund.id', 'ledger_transaction.fund_id')
      .select([
        'ledger_transaction.kind',
        'ledger_transaction.amount_fen',
        'fund.id',
        'fund.code',
        'fund.source',
        'fund.region_code',
      ])
      .where('application_id', '=', applicationId)
      .orderBy('ledger_transaction.id')
      .execute();
    const first = rows[0];
    if (!first) return undefined;
    const sign: Record<string, number> = { commit: 1, release: -1, pay: -1, 'payment-returned': 1 };
    const committedFen = rows.reduce((n, r) => n + (sign[r.kind] ?? 0) * Number(r.amount_fen), 0);
    return {
      fundId: first.id,
      fundCode: first.code,
      source: first.source,
      fundRegion: first.region_code,
      committedFen,
      returns: rows.filter((r) => r.kind === 'payment-returned').length,
    };
  }
}

/** A spending rule broken, in both languages with its citation: the refusal's `detail`. */
function ruleBroken(reason: Text, cites: string, prefix = ''): Record<string, string> {
  return inBoth('detail', `${prefix}${reason.zh}（${cites}）`, `${prefix}${reason.en} (${citationIn(cites, 'en-US')})`);
}
