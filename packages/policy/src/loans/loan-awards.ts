import type { IsoDate } from '../core/dates.js';
import { formatYuan, formatYuanEn, type Fen } from '../core/money.js';
import type { ParameterList, ParameterTable } from '../core/parameters.js';
import type { RegionCode } from '../core/regions.js';
import { text, type Text } from '../core/text.js';
import { CS181 } from '../rules/common.js';

/**
 * 创业担保贷款奖补 (awards for the loan work) to the lending banks (经办银行) and the guarantee
 * institutions (担保机构): a share, in ‰, of the start-up guaranteed loans each newly disbursed in
 * the region in the year.
 *
 * 川办发〔2024〕34号 （五） says "落实创业担保贷款贴息及奖补政策" and no text among ours states a figure or
 * a rule. So both shares are 0 nationally, cited to 181号 第十六条（四） (what inclusive finance pays,
 * which names no award), and a region sets its own with its own document (a local setting whose
 * note names it). While the share in force is 0 or unset, nothing is awarded or filed.
 */
export type LoanAwardRole = 'bank' | 'guarantor';

export const LOAN_AWARD_PARAMETERS: Readonly<Record<LoanAwardRole, string>> = {
  bank: 'startup-loan.award-bank-permille',
  guarantor: 'startup-loan.award-guarantor-permille',
};

/** The day the national text took effect: before it, nothing is said either way. */
const BASELINE_FROM: IsoDate = '2023-12-20';

export const loanAwardParameters: ParameterList = {
  source: import.meta.url,
  labels: {
    [LOAN_AWARD_PARAMETERS.bank]: {
      zh: '创业担保贷款经办银行奖补比例（当年新发放额）',
      en: 'Award to lending banks, share of the year’s new start-up loans',
      unit: 'permille',
    },
    [LOAN_AWARD_PARAMETERS.guarantor]: {
      zh: '创业担保贷款担保机构奖补比例（当年新发放额）',
      en: 'Award to guarantee institutions, share of the year’s new start-up loans',
      unit: 'permille',
    },
  },
  values: (['bank', 'guarantor'] as const).map((role) => ({
    parameter: LOAN_AWARD_PARAMETERS[role],
    region: '000000',
    from: BASELINE_FROM,
    value: 0,
    source: 'text' as const,
    citation: CS181('第十六条（四）'),
    note: 'No text states an award for the loan work; a region sets its share with its own document.',
  })),
};

/** The last day of a year: the rule in force on it is the year's rule. */
export const yearEnd = (year: number): IsoDate => `${String(year).padStart(4, '0')}-12-31`;

/** The award rule of a role in a region for a year. */
export type LoanAwardRule =
  | {
      readonly set: false;
      /** The value that says nothing is awarded (the national 0, or the region's own), when one is in force. */
      readonly cites?: string;
    }
  | {
      readonly set: true;
      readonly permille: number;
      /** The region's document: the value's note (or its citation). */
      readonly basis: string;
    };

/**
 * The rule of the year: the share in force on its last day, for every loan disbursed in it. A
 * share of 0, or none, is no rule.
 */
export function loanAwardRule(
  parameters: Pick<ParameterTable, 'resolve'>,
  role: LoanAwardRole,
  region: RegionCode,
  year: number,
): LoanAwardRule {
  const p = parameters.resolve(LOAN_AWARD_PARAMETERS[role], region, yearEnd(year));
  if (!p || !Number.isInteger(p.value) || p.value <= 0)
    return p?.cites ? { set: false, cites: p.cites } : { set: false };
  return { set: true, permille: p.value, basis: p.note ?? p.cites ?? '' };
}

/**
 * The award on a year's new loans: amount × share ÷ 1000, rounded down to the fen (an institution
 * is never paid a fraction the rule did not give it). BigInt: a year's loans × ‰ passes 2^53.
 */
export function loanAwardFen(newLoanFen: Fen, permille: number): Fen {
  return Number((BigInt(newLoanFen) * BigInt(permille)) / 1000n);
}

/** How an award was reached, in both languages. */
export function loanAwardExplanation(newLoans: number, newLoanFen: Fen, permille: number): Text {
  const award = loanAwardFen(newLoanFen, permille);
  const pct = `${permille / 10}%`;
  return text(
    `当年新发放${newLoans}笔，共${formatYuan(newLoanFen)} × ${pct} = ${formatYuan(award)}（不足1分舍去）`,
    `${newLoans} new loans, ${formatYuanEn(newLoanFen)} × ${pct} = ${formatYuanEn(award)} (rounded down to the fen)`,
  );
}
