import { citationIn } from '@huimin/policy';
import {
  addDays,
  addMonths,
  formatYuan,
  formatYuanEn,
  loanBreaches,
  loanOfferPeriods,
  loanTerms,
  ParameterTable,
  TEXT_PARAMETERS,
  type LoanBorrower,
  type LoanTerms,
} from '@huimin/policy';
import { AppError, inBoth } from '../http/errors.js';

/** The texts' loan terms (src/parameters/loans.ts in the policy package), read as on a day. */
const TEXTS = new ParameterTable(TEXT_PARAMETERS);

export function termsOn(region: string, on: string, borrower: LoanBorrower): LoanTerms {
  return loanTerms(TEXTS, region, on, borrower);
}

/**
 * No text offers the loan on the day: the refusal says when one does, so a date typed wrong can be
 * put right, and a day past every text is seen to be one (a new text is then loaded with the
 * policy package).
 */
function notOffered(terms: LoanTerms, field: string | undefined): AppError {
  const periods = loanOfferPeriods(TEXTS, terms.region, terms.borrower);
  const zh = periods.map((p) => `${p.from} 至 ${p.to ?? '今'}${p.cites ? `（${p.cites}）` : ''}`).join('；');
  const en = periods
    .map((p) => `${p.from} to ${p.to ?? 'today'}${p.cites ? ` (${citationIn(p.cites, 'en-US')})` : ''}`)
    .join('; ');
  return new AppError('LOAN_NOT_OFFERED', 422, field, {
    value: terms.on,
    ...inBoth('periods', zh || '无', en || 'none'),
  });
}

/** Refuses a principal or term the region's text in force that day does not allow, citing it. */
export function assertWithinTerms(
  terms: LoanTerms,
  principalFen: number,
  termMonths: number,
  /** The request's fields: the amount and term, and the day the terms were read on when it was typed. */
  fields: { amount: string; term: string; day?: string },
): void {
  for (const breach of loanBreaches(terms, principalFen, termMonths)) {
    if (breach.code === 'LOAN_NOT_OFFERED') throw notOffered(terms, fields.day);
    if (breach.code === 'LOAN_OVER_LIMIT')
      throw new AppError(
        'LOAN_OVER_LIMIT',
        400,
        fields.amount,
        inBoth(
          'detail',
          `${formatYuan(breach.limitFen)}（${breach.cites ?? ''}）`,
          `${formatYuanEn(breach.limitFen)} (${citationIn(breach.cites ?? '', 'en-US')})`,
        ),
      );
    throw new AppError(
      'LOAN_TERM_TOO_LONG',
      400,
      fields.term,
      inBoth(
        'detail',
        `${breach.maxMonths}个月（${breach.cites ?? ''}）`,
        `${breach.maxMonths} months (${citationIn(breach.cites ?? '', 'en-US')})`,
      ),
    );
  }
}

/** The contract's last day: the day before the same date `termMonths` later. */
export function maturity(disbursedOn: string, termMonths: number): string {
  return addDays(addMonths(disbursedOn, termMonths), -1);
}

/**
 * The repayment schedule when the bank gives none: equal principal each quarter (等额本金, 按季还本),
 * the last instalment on the maturity day taking what rounding left. Interest is settled quarterly
 * on the balance and is in the bank's statement, not here.
 */
export function quarterlySchedule(disbursedOn: string, termMonths: number, principalFen: number) {
  const count = Math.max(1, Math.ceil(termMonths / 3));
  const each = Math.floor(principalFen / count);
  return Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    dueOn: i === count - 1 ? maturity(disbursedOn, termMonths) : addDays(addMonths(disbursedOn, (i + 1) * 3), -1),
    principalFen: i === count - 1 ? principalFen - each * (count - 1) : each,
  }));
}

/** The cited limits shown with a loan. */
export function limitsShown(terms: LoanTerms) {
  return [
    terms.limit,
    terms.maxTermMonths,
    terms.counterGuaranteeWaiver,
    terms.maxExtensionMonths,
    terms.interestSharePermille,
  ]
    .filter((t) => t !== undefined)
    .map((t) => ({ parameter: t.parameter, value: t.value, cites: t.cites ?? '' }));
}
