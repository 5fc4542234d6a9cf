import { monthFromIndex, monthIndex, type IsoDate, type IsoMonth } from '../core/dates.js';
import type { InsuranceMonth, PersonFacts, ReceivedSubsidy } from '../facts/facts.js';
import { birthDateOf, retirementCategoryOf } from '../facts/queries.js';
import { isWithinFiveYearsOfRetirement, statutoryRetirementMonth } from '../retirement/statutory-retirement.js';

/**
 * Periodic subsidies (social insurance, posts) run for a limited number of months from their first
 * approval: 3 years, or up to retirement for a person under 5 years from it at first approval
 * (财社〔2023〕181号 第十、十一条). This works out the window and the months a claim may cover.
 */
export interface EntitlementWindow {
  readonly firstMonth: IsoMonth;
  readonly lastMonth: IsoMonth;
  readonly firstApproval: IsoDate;
  readonly toRetirement: boolean;
}

export interface WindowRule {
  readonly months: number;
  /** Extend to retirement when under 5 years from it at first approval; `cap` bounds the extension. */
  readonly toRetirement?: { readonly capMonths?: number };
}

export function priorGrants(subsidies: readonly ReceivedSubsidy[] | undefined, ids: readonly string[], personId?: string): ReceivedSubsidy[] {
  return (subsidies ?? []).filter((s) => ids.includes(s.subsidy) && (personId === undefined || s.personId === personId));
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
  let last = start + rule.months - 1;
  let toRetirement = false;
  const birth = birthDateOf(person);
  const category = retirementCategoryOf(person);
  if (rule.toRetirement && birth && category && isWithinFiveYearsOfRetirement(birth, category, firstApproval)) {
    toRetirement = true;
    last = monthIndex(statutoryRetirementMonth(birth, category)) - 1;
    if (rule.toRetirement.capMonths !== undefined) last = Math.min(last, start + rule.toRetirement.capMonths - 1);
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
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

export function insuranceFor(person: PersonFacts, month: IsoMonth, payer: InsuranceMonth['payer'], employer?: string): InsuranceMonth | undefined {
  for (const m of person.insurance ?? []) {
    if (m.month === month && m.payer === payer && (employer === undefined || m.employer === employer)) return m;
  }
  return undefined;
}

/** The three insurances a social-insurance subsidy covers: pension, medical, unemployment (not injury). */
export function coveredContribution(m: InsuranceMonth): number {
  return m.pensionFen + m.medicalFen + m.unemploymentFen;
}

