import type { IsoDate } from '../core/dates.js';
import { shareOf, type Fen } from '../core/money.js';
import type { ParameterTable, ResolvedParameter } from '../core/parameters.js';
import type { RegionCode } from '../core/regions.js';
import type { Loan } from '../facts/facts.js';

/** Who borrows a 创业担保贷款 (start-up guaranteed loan). */
export type LoanBorrower = Loan['borrower'];

/** One cited figure a loan is held to, as the region's text states it on the day. */
export interface LoanTerm {
  readonly value: number;
  readonly parameter: string;
  readonly cites?: string;
}

/**
 * The terms a region's text sets for a start-up guaranteed loan contracted on a day: the most it may
 * lend (with the partnership raise applied), the longest term, the amount up to which no
 * counter-guarantee is asked, the longest extension, and the share of interest the budget pays.
 * Each is absent where no text in force states it: then nothing is capped by it (term,
 * extension), nothing is waived (counter-guarantee), or nothing is paid (share) — never a guess.
 */
export interface LoanTerms {
  readonly region: RegionCode;
  readonly on: IsoDate;
  readonly borrower: LoanBorrower;
  /** No limit in force: the region offers no start-up guaranteed loan on that day. */
  readonly limit?: LoanTerm;
  readonly maxTermMonths?: LoanTerm;
  readonly counterGuaranteeWaiver?: LoanTerm;
  readonly maxExtensionMonths?: LoanTerm;
  readonly interestSharePermille?: LoanTerm;
}

const termOf = (v: ResolvedParameter | undefined, value = v?.value): LoanTerm | undefined =>
  v && value !== undefined
    ? { value, parameter: v.parameter, ...(v.cites !== undefined ? { cites: v.cites } : {}) }
    : undefined;

/**
 * Reads the terms from the text parameters (src/parameters/loans.ts). The partnership raise
 * (庆阳 第16条 "合伙创业…提高10%") is applied to the individual limit, rounded down to the fen.
 */
export function loanTerms(params: ParameterTable, region: RegionCode, on: IsoDate, borrower: LoanBorrower): LoanTerms {
  const p = (id: string) => params.resolve(id, region, on);
  const enterprise = borrower === 'small-micro-enterprise';
  const base = p(enterprise ? 'startup-loan.enterprise-limit' : 'startup-loan.individual-limit');
  const raise = borrower === 'partnership' ? (p('startup-loan.partnership-raise-permille')?.value ?? 0) : 0;
  const limit = termOf(base, base ? base.value + shareOf(base.value, raise, 1000) : undefined);
  const optional = {
    maxTermMonths: termOf(
      p(enterprise ? 'startup-loan.enterprise-term-months' : 'startup-loan.individual-term-months'),
    ),
    // The waiver is for individual loans only ("个人创业担保贷款").
    counterGuaranteeWaiver: enterprise ? undefined : termOf(p('startup-loan.counter-guarantee-waiver-limit')),
    maxExtensionMonths: termOf(p('startup-loan.extension-max-months')),
    interestSharePermille: termOf(p('startup-loan.interest-share-permille')),
  };
  return {
    region,
    on,
    borrower,
    ...(limit ? { limit } : {}),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/** A stretch of days a region's text offers the loan: from, to (inclusive; open when absent), cited. */
export interface LoanOfferPeriod {
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly cites?: string;
}

/**
 * The periods a text in force offers this borrower the loan in the region (its own or a parent's),
 * earliest first: what a refusal for a day with none can point to.
 */
export function loanOfferPeriods(
  params: ParameterTable,
  region: RegionCode,
  borrower: LoanBorrower,
): LoanOfferPeriod[] {
  const limit =
    borrower === 'small-micro-enterprise' ? 'startup-loan.enterprise-limit' : 'startup-loan.individual-limit';
  const seen = new Set<string>();
  return params
    .history(limit, region)
    .map((v) => ({ from: v.from, ...(v.to ? { to: v.to } : {}), ...(v.cites ? { cites: v.cites } : {}) }))
    .filter((p) => !seen.has(`${p.from}..${p.to ?? ''}`) && seen.add(`${p.from}..${p.to ?? ''}`))
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** Why a loan does not fit its terms: each a code with the figure it broke. */
export type LoanTermBreach =
  | { readonly code: 'LOAN_NOT_OFFERED' }
  | { readonly code: 'LOAN_OVER_LIMIT'; readonly limitFen: Fen; readonly cites?: string }
  | { readonly code: 'LOAN_TERM_TOO_LONG'; readonly maxMonths: number; readonly cites?: string };

/** Every way the principal and term break the terms (an empty list: they fit). */
export function loanBreaches(terms: LoanTerms, principalFen: Fen, termMonths: number): LoanTermBreach[] {
  if (!terms.limit) return [{ code: 'LOAN_NOT_OFFERED' }];
  const out: LoanTermBreach[] = [];
  if (principalFen > terms.limit.value)
    out.push({
      code: 'LOAN_OVER_LIMIT',
      limitFen: terms.limit.value,
      ...(terms.limit.cites ? { cites: terms.limit.cites } : {}),
    });
  if (terms.maxTermMonths && termMonths > terms.maxTermMonths.value)
    out.push({
      code: 'LOAN_TERM_TOO_LONG',
      maxMonths: terms.maxTermMonths.value,
      ...(terms.maxTermMonths.cites ? { cites: terms.maxTermMonths.cites } : {}),
    });
  return out;
}

/** Whether the guarantee institution may guarantee this loan without a counter-guarantee. */
export function counterGuaranteeWaived(terms: LoanTerms, principalFen: Fen): boolean {
  return terms.counterGuaranteeWaiver !== undefined && principalFen <= terms.counterGuaranteeWaiver.value;
}
