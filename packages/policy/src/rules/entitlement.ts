import { monthFromIndex, monthIndex, type IsoDate, type IsoMonth } from '../core/dates.js';
import { monthsOf, type Duration } from '../core/durations.js';
import type { InsuranceMonth, PersonFacts, ReceivedSubsidy } from '../facts/facts.js';
import { birthDateOf, retirementCategoryOf } from '../facts/queries.js';
import { monthsToRetirement, statutoryRetirementMonth } from '../retirement/statutory-retirement.js';

/**
 * Periodic subsidies (social insurance, posts) run for a limited number of months from their first
 * approval: 3 years, or up to retirement for a person under 5 years from it at first approval
 * (财社〔2023〕181号 第十、十一条; the figures are durations in src/parameters). This works out the
 * window and the months a claim may cover.
 */
export interface EntitlementWindow {
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
  readonly firstApproval: IsoDate;
  readonly toRetirement: boolean;
}

export interface WindowRule {
  /** The longest period, e.g. 最长不超过3年. */
  readonly months: Duration;
  /**
   * 距法定退休年龄不足5年的可延长至退休: extend to retirement when less than `within` from it at
   * first approval; `cap` bounds the extension where the text does (四川: 最长不超过5年).
   */
  readonly toRetirement?: { readonly within: Duration; readonly cap?: Duration };
}

/** Every duration a window applies, for the condition that checks it. */
export function windowDurations(rule: WindowRule): Duration[] {
  const out = [rule.months];
  if (rule.toRetirement) out.push(rule.toRetirement.within, ...(rule.toRetirement.cap ? [rule.toRetirement.cap] : []));
  return out;
}

export function priorGrants(
  subsidies: readonly ReceivedSubsidy[] | undefined,
  ids: readonly string[],
  personId?: string,
): ReceivedSubsidy[] {
  return (subsidies ?? []).filter(
    (s) => ids.includes(s.subsidy) && (personId === undefined || s.personId === personId),
  );
}

export function entitlementWindow(
  person: PersonFacts,
  prior: readonly ReceivedSubsidy[],
  claimFrom: IsoMonth,
  on: IsoDate,
  rule: WindowRule,
): EntitlementWindow {
  let firstMonth = claimFrom;
  let firstApproval = on;
  for (const g of prior) {
    if (g.fromMonth !== undefined && g.fromMonth < firstMonth) firstMonth = g.fromMonth;
    if (g.grantedOn < firstApproval) firstApproval = g.grantedOn;
  }
  const start = monthIndex(firstMonth);
  let last = start + monthsOf(rule.months) - 1;
  let toRetirement = false;
  const birth = birthDateOf(person);
  const category = retirementCategoryOf(person);
  const extension = rule.toRetirement;
  if (
    extension &&
    birth &&
    category &&
    monthsToRetirement(birth, category, firstApproval) < monthsOf(extension.within)
  ) {
    toRetirement = true;
    last = monthIndex(statutoryRetirementMonth(birth, category)) - 1;
    if (extension.cap) last = Math.min(last, start + monthsOf(extension.cap) - 1);
  }
  return { firstMonth, lastMonth: monthFromIndex(last), firstApproval, toRetirement };
}

/** Months already paid for by earlier grants. */
export function grantedMonths(prior: readonly ReceivedSubsidy[]): Set<IsoMonth> {
  const months = new Set<IsoMonth>();
  for (const g of prior) {
    if (g.fromMonth === undefined) continue;
    const end = monthIndex(g.toMonth ?? g.fromMonth);
    for (let i = monthIndex(g.fromMonth); i <= end; i++) months.add(monthFromIndex(i));
  }
  return months;
}

/** Each month from `from` to `to`, inclusive. */
export function monthsIn(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  const last = monthIndex(to);
  for (let i = monthIndex(from); i <= last; i++) out.push(monthFromIndex(i));
  return out;
}

export function insuranceFor(
  person: PersonFacts,
  month: IsoMonth,
  payer: InsuranceMonth['payer'],
  employer?: string,
): InsuranceMonth | undefined {
  for (const m of person.insurance ?? []) {
    if (m.month === month && m.payer === payer && (employer === undefined || m.employer === employer)) return m;
  }
  return undefined;
}

/** The three insurances a social-insurance subsidy covers: pension, medical, unemployment (not injury). */
export function coveredContribution(m: InsuranceMonth): number {
  return m.pensionFen + m.medicalFen + m.unemploymentFen;
}
