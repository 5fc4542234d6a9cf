import { formatYuan, formatYuanEn } from '@huimin/policy';
import type { Transaction, Updateable } from 'kysely';
import type { Database, LoanState } from '../db/schema.js';
import type { LoanTable } from '../db/tables/loans.js';
import { inBoth } from '../http/errors.js';
import { recordLoanNotice } from '../notifications/notification-repository.js';
import type { LoanRow } from './loan-repository.js';

// What a loan's steps say to people: the words of its states in a refusal, amounts in 元, and the
// message the borrower is sent when a step decides something about their loan.

/** The steps whose decision the borrower is told of: the qualification, the guarantee, the loan lent. */
const TOLD = new Set<LoanState>(['qualified', 'not-qualified', 'guaranteed', 'guarantee-refused', 'active']);

/** An amount in a refusal, as people read it in each language (300,000元 / ¥300,000.00), never in 分. */
export const amountIn = (key: string, fen: number) => inBoth(key, formatYuan(fen), formatYuanEn(fen));
/** A loan's state as the refusal names it, in the words the loan pages use for it. */
export const STATE_NAMES: Record<LoanState, { zh: string; en: string }> = {
  applied: { zh: '待资格审核', en: 'awaiting qualification review' },
  qualified: { zh: '待担保', en: 'awaiting guarantee' },
  'not-qualified': { zh: '资格审核未通过', en: 'not qualified' },
  guaranteed: { zh: '待银行放款', en: 'awaiting disbursement' },
  'guarantee-refused': { zh: '担保机构不予担保', en: 'refused a guarantee' },
  active: { zh: '还款中', en: 'being repaid' },
  repaid: { zh: '已结清', en: 'repaid' },
  defaulted: { zh: '逾期违约', en: 'in default' },
  compensated: { zh: '已代偿', en: 'compensated' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The borrower is told of a decision on their loan, in the same transaction as the decision. */
export async function tellBorrower(
  trx: Transaction<Database>,
  loan: LoanRow,
  changes: Updateable<LoanTable>,
): Promise<void> {
  if (!changes.state || !TOLD.has(changes.state)) return;
  await recordLoanNotice(trx, {
    loanId: loan.id,
    personId: loan.person_id,
    organisationId: loan.organisation_id,
    params: {
      number: loan.number,
      state: changes.state,
      ...(changes.reason ? { reason: changes.reason } : {}),
      ...(changes.principal_fen ? { principalFen: String(changes.principal_fen) } : {}),
      ...(changes.disbursed_on ? { disbursedOn: changes.disbursed_on } : {}),
    },
  });
}
