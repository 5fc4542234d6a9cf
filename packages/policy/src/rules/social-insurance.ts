import { condition, outcome } from '../core/build.js';
import { monthOf, type IsoMonth } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn, shareOf } from '../core/money.js';
import type { AmountResult, Condition, EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { ApplicantFacts, InsuranceMonth, PersonFacts, ReceivedSubsidy } from '../facts/facts.js';
import { duration, statedDuration } from '../parameters/durations.js';
import {
  coveredContribution,
  entitlementWindow,
  grantedMonths,
  monthsIn,
  windowDurations,
  type EntitlementWindow,
  type WindowRule,
} from './entitlement.js';

/**
 * 社会保险补贴 shared arithmetic: which months a claim may cover (inside the entitlement window,
 * with contributions on record, not paid before) and what was contributed in them.
 */
export interface InsurancePlan {
  readonly window: EntitlementWindow;
  readonly months: readonly IsoMonth[];
  readonly contributedFen: number;
}

/** The claimed range: `claim.fromMonth`–`claim.toMonth`, or every recorded month before this one. */
export function claimedRange(
  ctx: EvaluationContext<ApplicantFacts>,
  records: readonly InsuranceMonth[],
): [IsoMonth, IsoMonth] | undefined {
  const { fromMonth, toMonth } = ctx.claim;
  if (fromMonth !== undefined) return [fromMonth, toMonth ?? fromMonth];
  // The first and last month on record before this one (one pass: the sweep asks for every person).
  const current = monthOf(ctx.date);
  let first: IsoMonth | undefined;
  let last: IsoMonth | undefined;
  for (const r of records) {
    if (r.month >= current) continue;
    if (first === undefined || r.month < first) first = r.month;
    if (last === undefined || r.month > last) last = r.month;
  }
  return first !== undefined && last !== undefined ? [first, last] : undefined;
}

export function insurancePlan(
  ctx: EvaluationContext<ApplicantFacts>,
  person: PersonFacts,
  payer: InsuranceMonth['payer'],
  employer: string | undefined,
  prior: readonly ReceivedSubsidy[],
  rule: WindowRule,
): InsurancePlan | undefined {
  const records = (person.insurance ?? []).filter(
    (m) => m.payer === payer && (employer === undefined || m.employer === employer),
  );
  const range = claimedRange(ctx, records);
  if (!range) return undefined;
  const window = entitlementWindow(person, prior, range[0], ctx.date, rule);
  const paid = grantedMonths(prior);
  const byMonth = new Map(records.map((r) => [r.month, r]));
  const months: IsoMonth[] = [];
  let contributedFen = 0;
  for (const month of monthsIn(range[0], range[1])) {
    const record = byMonth.get(month);
    if (!record || paid.has(month) || month < window.firstMonth || month > window.lastMonth) continue;
    months.push(month);
    contributedFen += coveredContribution(record);
  }
  return { window, months, contributedFen };
}

/**
 * 就业困难人员社会保险补贴期限 as `article` states it: 最长3年, to retirement when under 5 years from
 * it, and no more than 5 years in all where the text says so (四川 办法 第六条（二）).
 */
export function hardToEmployWindow(article: Citation): WindowRule {
  const cap = statedDuration('social-insurance.retirement-cap-months', article);
  return {
    months: duration('social-insurance.hard-to-employ-period-months', article),
    toRetirement: { within: duration('social-insurance.retirement-within-months', article), ...(cap ? { cap } : {}) },
  };
}

export function windowText(w: EntitlementWindow): string {
  return `补贴期限${w.firstMonth}至${w.lastMonth}${w.toRetirement ? '（距法定退休年龄不足5年，延长至退休）' : ''}`;
}

export function contributionsInWindow(
  citation: Citation,
  plan: (ctx: EvaluationContext<PersonFacts>) => InsurancePlan | undefined,
  rule: { zh: string; en: string },
  window: WindowRule,
): Condition<PersonFacts> {
  return condition(
    'CONTRIBUTIONS_IN_PERIOD',
    text(rule.zh, rule.en),
    citation,
    (ctx) => {
      const p = plan(ctx);
      if (!p) return outcome(false, '无缴费记录', 'No contributions on record');
      return p.months.length > 0
        ? true
        : outcome(
            false,
            `${windowText(p.window)}，申请期间内无可补贴的缴费月份`,
            `Entitled ${p.window.firstMonth}–${p.window.lastMonth}; no subsidisable month in the claim`,
          );
    },
    windowDurations(window),
  );
}

/**
 * Flexible-employment subsidies pay a local share of what the person paid, never above 2/3
 * ("补贴标准原则上不超过其实际缴费的2/3").
 */
export function flexibleShareAmount(
  ctx: EvaluationContext<PersonFacts>,
  plan: InsurancePlan,
  citation: Citation,
): AmountResult {
  const local = ctx.param('social-insurance.flexible-share-permille');
  const capped = shareOf(plan.contributedFen, 2, 3);
  if (!local) {
    return {
      amountFen: null,
      explanation: text(
        `补贴比例由当地确定，本地区尚未设置；上限为实际缴费${formatYuan(plan.contributedFen)}的2/3即${formatYuan(capped)}`,
        `The local share is not set; the cap is 2/3 of ${formatYuanEn(plan.contributedFen)}, ${formatYuanEn(capped)}`,
      ),
      citation,
    };
  }
  const amountFen = Math.min(shareOf(plan.contributedFen, local.value, 1000), capped);
  return {
    amountFen,
    perMonthFen: plan.months.length ? Math.floor(amountFen / plan.months.length) : 0,
    months: plan.months.length,
    explanation: text(
      `${plan.months.length}个月实际缴费${formatYuan(plan.contributedFen)} × ${local.value / 10}%（不超过2/3）= ${formatYuan(amountFen)}`,
      `${plan.months.length} months, ${formatYuanEn(plan.contributedFen)} paid × ${local.value / 10}% (at most 2/3) = ${formatYuanEn(amountFen)}`,
    ),
    citation: local.citation ?? citation,
  };
}
