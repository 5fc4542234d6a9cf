import {
  citationIn,
  formatYuan,
  formatYuanEn,
  type Decision,
  type IsoDate,
  type PolicyEngine,
  type SubsidyDefinition,
} from '@huimin/policy';
import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import type { FundService } from '../funds/fund-service.js';
import { AppError, inBoth } from '../http/errors.js';
import { saysSomething } from '../http/said.js';
import type { Transition } from './applications.schemas.js';
import { assertCorrected } from './correction.js';
import { assertDeclarationsDecided } from './declarations.js';
import { assertPromisesKept } from './deferred-materials.js';
import { publicityOver, publicityWorkingDays } from './time-limits.js';
import type { Action, ApplicationState } from './workflow.js';

/** What one transition knows when its effect runs: checks passed, decision made, inside its transaction. */
export interface EffectContext {
  readonly trx: Transaction<Database>;
  readonly engine: PolicyEngine;
  readonly actor: Actor;
  readonly app: Selectable<ApplicationTable>;
  readonly from: ApplicationState;
  readonly subsidy: SubsidyDefinition;
  readonly decision: Decision | undefined;
  readonly input: Transition;
  readonly today: IsoDate;
  readonly english: boolean;
  readonly funds: FundService;
  readonly calendar: CalendarService;
  /** The refusal for an action the state does not allow, in the caller's language. */
  notAllowed(): AppError;
}

/** The columns an effect sets besides state, version and the next step's due date. */
export type RowChanges = Partial<
  Pick<Selectable<ApplicationTable>, 'submitted_on' | 'amount_fen' | 'publicity_ends_on' | 'recovery_fen'>
>;

type Effect = (ctx: EffectContext) => Promise<RowChanges>;

/** Filing dates the claim: the engine judges it on that day from then on. */
const file: Effect = async ({ today }) => ({ submitted_on: today });

/** A reviewer or approver passes only what the engine finds eligible; a rejection is the way out. */
function assertEligible({ decision, english }: EffectContext): void {
  if (!decision || decision.eligible) return;
  throw new AppError('DECISION_NOT_ELIGIBLE', 422, 'action', { detail: unmetConditions(decision, english) });
}

function unmetConditions(decision: Decision, english: boolean): string {
  return decision.reasons
    .filter((r) => !r.met)
    .map((r) => (english ? `${r.message.en} (${citationIn(r.cites, 'en-US')})` : `${r.message.zh}（${r.cites}）`))
    .join(english ? '; ' : '；');
}

/**
 * 受理 judges scope and completeness, not eligibility, so a claim the engine finds ineligible may
 * still be accepted, but only with the clerk's reason on record: otherwise review's refusal is the
 * first anyone hears of conditions the clerk was shown.
 */
function assertIneligibleAcceptanceExplained({ decision, input, english }: EffectContext): void {
  if (!decision || decision.eligible || saysSomething(input.reason)) return;
  throw new AppError('INELIGIBLE_ACCEPT_REASON_REQUIRED', 400, 'reason', {
    detail: unmetConditions(decision, english),
  });
}

/**
 * What each action does beyond moving the state (workflow.ts says which moves exist and who may
 * make them). The money moves with the state, in the same transaction: commitment at approval,
 * release when an approved claim is rejected or objected to, payment, a bounced payment, recovery.
 */
export const EFFECTS: Partial<Record<Action, Effect>> = {
  submit: file,
  resubmit: async (ctx) => {
    await assertCorrected(ctx.trx, ctx.app.id, ctx.input.reason);
    return file(ctx);
  },
  prepare: file,
  // 受理 waits until the clerk has confirmed, corrected or rejected every declared fact.
  accept: async (ctx) => {
    // Declarations first: until the clerk has decided them, the engine has not seen the claim whole.
    await assertDeclarationsDecided(ctx.trx, ctx.app.id);
    assertIneligibleAcceptanceExplained(ctx);
    return {};
  },
  review: async (ctx) => {
    assertEligible(ctx);
    return {};
  },
  // 容缺受理's gate: approval commits the money and leads to publicity and payment, so it waits
  // until every promised material is supplied and checked (decision 026).
  approve: async (ctx) => {
    assertEligible(ctx);
    await assertPromisesKept(ctx.trx, ctx.app.id);
    if (!ctx.decision) return {};
    if (ctx.decision.amountFen === null) {
      const missing = ctx.decision.reasons.find((r) => r.code.includes('standard'))?.code ?? ctx.subsidy.id;
      throw new AppError('AMOUNT_NOT_SET', 422, 'action', { value: missing });
    }
    await ctx.funds.commit(ctx.trx, ctx.actor, ctx.app, ctx.subsidy, ctx.decision.amountFen);
    return { amount_fen: String(ctx.decision.amountFen) };
  },
  publicise: async (ctx) => {
    if (ctx.subsidy.disclosure !== 'before-payment') throw ctx.notAllowed();
    const ends = await ctx.calendar.deadline(
      ctx.today,
      publicityWorkingDays(ctx.engine, ctx.app.region_code, ctx.today),
    );
    if (!ends)
      throw new AppError('CALENDAR_NOT_PUBLISHED', 409, undefined, {
        value: String(Number(ctx.today.slice(0, 4)) + 1),
      });
    return { publicity_ends_on: ends };
  },
  release: async ({ from, subsidy, app, today }) => {
    if (from === 'approved' && subsidy.disclosure === 'before-payment')
      throw new AppError('PUBLICITY_NOT_ENDED', 409, 'action', { value: '—' });
    if (from === 'publicised' && app.publicity_ends_on && !publicityOver(app.publicity_ends_on, today))
      throw new AppError('PUBLICITY_NOT_ENDED', 409, 'action', { value: app.publicity_ends_on });
    return {};
  },
  reject: async ({ from, trx, actor, app, funds }) => {
    if (from === 'approved' || from === 'publicised') await funds.release(trx, actor, app);
    return {};
  },
  object: async ({ trx, actor, app, funds }) => {
    await funds.release(trx, actor, app);
    return { amount_fen: null };
  },
  pay: async ({ trx, actor, app, subsidy, input, funds }) => {
    await funds.pay(trx, actor, app, subsidy, input.paymentReference);
    return {};
  },
  bounce: async ({ trx, actor, app, funds }) => {
    await funds.returnPayment(trx, actor, app);
    return {};
  },
  revoke: async ({ trx, actor, app, input, funds }) => {
    const paid = BigInt(app.amount_fen ?? '0');
    const recovery = input.recoveryFen === undefined ? paid : BigInt(input.recoveryFen);
    if (recovery > paid)
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        'recoveryFen',
        inBoth('detail', `≤ ${formatYuan(Number(paid))}`, `≤ ${formatYuanEn(Number(paid))}`),
      );
    await funds.recover(trx, actor, app, Number(recovery));
    return { recovery_fen: String(recovery) };
  },
};
