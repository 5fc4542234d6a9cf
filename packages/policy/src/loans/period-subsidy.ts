import { addDays, makeDate, type IsoDate } from '../core/dates.js';
import { formatYuan, formatYuanEn, type Fen } from '../core/money.js';
import { text, type Text } from '../core/text.js';
import type { LoanTerms } from './loan-terms.js';

/** A quarter as banks settle interest on it (按季结息): `2025-Q3`. */
export type QuarterKey = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarterKey(value: unknown): value is QuarterKey {
  return typeof value === 'string' && QUARTER.test(value);
}

/** The first and last day of a quarter. */
export function quarterDates(key: QuarterKey): { from: IsoDate; to: IsoDate } {
  const m = QUARTER.exec(key);
  if (!m) throw new Error(`not a quarter: ${key}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return {
    from: makeDate(year, q * 3 - 2, 1),
    to: addDays(makeDate(q === 4 ? year + 1 : year, q === 4 ? 1 : q * 3 + 1, 1), -1),
  };
}

/** Days from `from` to `to`, both counted (0 when `to` is before `from`). */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  if (to < from) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The most interest a period can carry: the whole principal outstanding every day at the period's
 * rate, on the 360-day year banks count by (the larger of the usual bases), rounded up. A statement
 * claiming more is not interest on this loan, and half of it must not be paid as 贴息.
 */
export function maxPeriodInterest(principalFen: Fen, annualRateBp: number, loanDays: number): Fen {
  const numerator = BigInt(principalFen) * BigInt(annualRateBp) * BigInt(loanDays);
  const denominator = 10_000n * 360n;
  return Number((numerator + denominator - 1n) / denominator);
}

/** What one period of one loan is: as the bank's statement states it, and the loan's dates. */
export interface LoanPeriod {
  readonly period: { readonly from: IsoDate; readonly to: IsoDate };
  /** Interest the bank charged the borrower for the period, in fen. */
  readonly interestFen: Fen;
  /** The borrower repaid the period's instalment on time (按期还款). */
  readonly repaidOnTime: boolean;
  readonly disbursedOn: IsoDate;
  /** The contract's original last day: days after it are an extension (展期) or overdue. */
  readonly maturesOn: IsoDate;
  /** The last day interest ran in this loan: repaid early, or the extension's end (default: maturity). */
  readonly endsOn?: IsoDate;
}

export type PeriodOutcome = 'subsidised' | 'overdue' | 'extension' | 'share-not-set' | 'outside-loan';

export interface PeriodSubsidy {
  readonly subsidyFen: Fen;
  readonly outcome: PeriodOutcome;
  /** Days of the period the loan ran, and of them the days within the original term. */
  readonly loanDays: number;
  readonly subsidisedDays: number;
  readonly sharePermille: number | null;
  readonly cites?: string;
  readonly explanation: Text;
}

/**
 * 贴息 for one period of one loan. The rule, in this order:
 * 1. no share stated by a text in force on the contract day → nothing (庆阳 第16条 says only
 *    "按规定…贴息": the figure is the province's, not among our texts);
 * 2. the instalment not repaid on time → nothing for the period ("按期还款" is the condition; an
 *    overdue period is not made good later);
 * 3. only days within the contract's original term are subsidised: an extension (展期) gets none,
 *    since no text in the set grants it;
 * 4. subsidy = interest × share × subsidised days ÷ loan days in the period, **rounded down to the
 *    fen** (BigInt, so no float ever touches money). Rounding down keeps the budget at or under the
 *    text's share; the fraction of a fen stays with the borrower.
 */
export function periodSubsidy(terms: LoanTerms, p: LoanPeriod): PeriodSubsidy {
  const ends = p.endsOn ?? p.maturesOn;
  const loanDays = daysInclusive(max(p.period.from, p.disbursedOn), min(p.period.to, ends));
  const subsidisedDays = daysInclusive(max(p.period.from, p.disbursedOn), min(p.period.to, ends, p.maturesOn));
  const share = terms.interestSharePermille;
  const base = {
    loanDays,
    subsidisedDays,
    sharePermille: share?.value ?? null,
    ...(share?.cites ? { cites: share.cites } : {}),
  };
  const none = (outcome: PeriodOutcome, explanation: Text): PeriodSubsidy => ({
    ...base,
    subsidyFen: 0,
    outcome,
    explanation,
  });
  if (loanDays === 0)
    return none('outside-loan', text('该期间贷款未发放或已结清', 'The loan did not run in this period'));
  if (!share)
    return none(
      'share-not-set',
      text('当地贴息比例未在现行政策中规定', 'No text in force states the share of interest paid'),
    );
  if (!p.repaidOnTime)
    return none('overdue', text('本期未按期还款，不予贴息', 'Not repaid on time: no subsidy for the period'));
  if (subsidisedDays === 0) return none('extension', text('展期期间不予贴息', 'No subsidy during an extension'));
  const subsidyFen = Number(
    (BigInt(p.interestFen) * BigInt(share.value) * BigInt(subsidisedDays)) / BigInt(1000 * loanDays),
  );
  const partial = subsidisedDays < loanDays ? `×${subsidisedDays}/${loanDays}天` : '';
  const partialEn = subsidisedDays < loanDays ? ` × ${subsidisedDays}/${loanDays} days` : '';
  return {
    ...base,
    subsidyFen,
    outcome: 'subsidised',
    explanation: text(
      `利息${formatYuan(p.interestFen)} × 贴息${share.value / 10}%${partial} = ${formatYuan(subsidyFen)}（分以下舍去）`,
      `Interest ${formatYuanEn(p.interestFen)} × ${share.value / 10}%${partialEn} = ${formatYuanEn(subsidyFen)} (rounded down to the fen)`,
    ),
  };
}

const max = (...d: IsoDate[]): IsoDate => d.reduce((a, b) => (a > b ? a : b));
const min = (...d: IsoDate[]): IsoDate => d.reduce((a, b) => (a < b ? a : b));
