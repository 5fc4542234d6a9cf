import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** 创业担保贷款 (start-up guaranteed loans): owned by the loans module. */

export type LoanInstitutionKind = 'bank' | 'guarantor';
export type LoanBorrowerKind = 'individual' | 'partnership' | 'small-micro-enterprise';
/** 反担保的方式: 保证 (someone vouches), 抵押 (a mortgage), 质押 (a pledge). */
export type CounterGuaranteeKind = 'guarantor' | 'mortgage' | 'pledge';
export type LoanState =
  | 'applied'
  | 'qualified'
  | 'not-qualified'
  | 'guaranteed'
  | 'guarantee-refused'
  | 'active'
  | 'repaid'
  | 'defaulted'
  | 'compensated'
  | 'withdrawn';
export type LoanPeriodOutcome = 'subsidised' | 'overdue' | 'extension' | 'share-not-set' | 'outside-loan';
/** `computed` from the statement; `claimed` once filed as an application; `nothing-due` when it pays 0. */
export type LoanPeriodState = 'computed' | 'claimed' | 'nothing-due';

/** A lending bank (经办银行, with its agreed rate cap) or a guarantee institution (担保机构, with its fund). */
export interface LoanInstitutionTable {
  id: Generated<string>;
  organisation_id: string;
  kind: LoanInstitutionKind;
  region_code: string;
  rate_cap_bp: number | null;
  guarantee_fund_fen: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface LoanTable {
  id: Generated<string>;
  number: string;
  region_code: string;
  person_id: string | null;
  organisation_id: string | null;
  borrower: LoanBorrowerKind;
  requested_fen: string;
  term_months: number;
  purpose: string;
  bank_id: string;
  guarantor_id: string;
  state: LoanState;
  applied_on: string;
  applied_by: string;
  qualified_by: string | null;
  qualified_on: string | null;
  guaranteed_by: string | null;
  guaranteed_on: string | null;
  counter_guarantee_waived: boolean | null;
  /** What the counter-guarantee is, where one was asked (recorded from migration 0052 on). */
  counter_guarantee_kind: CounterGuaranteeKind | null;
  counter_guarantee_note: string | null;
  contracted_by: string | null;
  principal_fen: string | null;
  annual_rate_bp: number | null;
  disbursed_on: string | null;
  matures_on: string | null;
  extended_to: string | null;
  ended_on: string | null;
  reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

/** The repayment schedule the bank recorded with the contract. */
export interface LoanInstalmentTable {
  loan_id: string;
  seq: number;
  due_on: string;
  principal_fen: string;
}

/** One imported quarterly interest statement of a bank (all rows or none). */
export interface LoanStatementTable {
  id: Generated<string>;
  bank_id: string;
  period: string;
  file_sha256: string;
  rows: number;
  imported_by: string;
  imported_at: CreatedAt;
}

/** One loan's quarter from a statement: what the bank charged and the 贴息 it earns. */
export interface LoanPeriodTable {
  id: Generated<string>;
  loan_id: string;
  period: string;
  statement_id: string;
  row_number: number;
  balance_fen: string;
  annual_rate_bp: number;
  interest_fen: string;
  repaid_on_time: boolean;
  outcome: LoanPeriodOutcome;
  subsidy_fen: string;
  explanation: Json;
  state: LoanPeriodState;
  /** The 贴息 claim filed for it (applications module), paid to the bank. */
  application_id: string | null;
}

/** 代偿: what the guarantee fund paid the bank for a loan in default. */
export interface LoanCompensationTable {
  loan_id: string;
  guarantor_id: string;
  amount_fen: string;
  compensated_on: string;
  recorded_by: string;
  recorded_at: CreatedAt;
}

/** 创业担保贷款奖补: one per institution, region and year, with the claim filed for it. */
export interface LoanAwardTable {
  id: Generated<string>;
  institution_id: string;
  region_code: string;
  year: number;
  new_loans: number;
  new_loan_fen: string;
  share_permille: number;
  award_fen: string;
  basis: string;
  filed_by: string;
  filed_at: CreatedAt;
  /** The award claim (applications module), paid to the institution. */
  application_id: string | null;
}
