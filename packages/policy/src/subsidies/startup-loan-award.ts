import { condition, outcome } from '../core/build.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationFacts } from '../facts/facts.js';
import { LOAN_AWARD_PARAMETERS, loanAwardExplanation, loanAwardFen } from '../loans/loan-awards.js';
import { SC34 } from '../rules/common.js';

/**
 * 创业担保贷款奖补 — the year's award to a lending bank or guarantee institution for its new
 * start-up guaranteed loans, at the share its region set (loan-awards.ts). 四川 34号 （五） promises
 * awards and states none, so without a region's share there is nothing to award. Paid under
 * inclusive finance, as the 贴息 is; judged under the rule of the year's last day.
 */
export const STARTUP_LOAN_AWARD = 'startup-loan-award';

const ruleOf = (ctx: EvaluationContext<OrganisationFacts>) => {
  const award = ctx.claim.loanAward;
  if (!award) return undefined;
  const share = ctx.param(LOAN_AWARD_PARAMETERS[award.role]);
  return share && Number.isInteger(share.value) && share.value > 0 ? share : undefined;
};

function amount(ctx: EvaluationContext<OrganisationFacts>): AmountResult {
  const award = ctx.claim.loanAward;
  const share = ruleOf(ctx);
  if (!award || !share) return { amountFen: 0, explanation: text('无奖补', 'No award'), citation: SC34('（五）') };
  return {
    amountFen: loanAwardFen(award.newLoanFen, share.value),
    explanation: loanAwardExplanation(award.newLoans, award.newLoanFen, share.value),
    citation: share.citation ?? SC34('（五）'),
  };
}

export const StartupLoanAward = defineSubsidy({
  id: STARTUP_LOAN_AWARD,
  source: import.meta.url,
  name: text('创业担保贷款奖补', 'Award for start-up guaranteed lending (banks and guarantors)'),
  applicant: 'organisation',
  fund: 'inclusive-finance',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme<OrganisationFacts>({
      id: 'startup-loan-award/sichuan-2024',
      region: '510000',
      basis: SC34('（五）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text(
        '发放创业担保贷款的经办银行和担保机构',
        'Lending banks and guarantee institutions of start-up guaranteed loans',
      ),
      standard: text(
        '按当地规定的比例，以当年新发放的创业担保贷款额计算',
        'The share the region sets, of the year’s newly disbursed start-up guaranteed loans',
      ),
      materials: [text('当年创业担保贷款发放明细', 'The year’s start-up guaranteed loans disbursed')],
      parameters: [LOAN_AWARD_PARAMETERS.bank, LOAN_AWARD_PARAMETERS.guarantor],
      conditions: [
        condition<OrganisationFacts>(
          'LOAN_AWARD_RULE_SET',
          text('奖补比例须由当地规定', 'The region must have set the award share'),
          SC34('（五）'),
          (ctx) => {
            const award = ctx.claim.loanAward;
            if (!award) return outcome(false, '未提供奖补年度', 'No award year given');
            return ruleOf(ctx) ? true : outcome(false, '本地区未规定奖补比例', 'This region has set no award share');
          },
        ),
        condition<OrganisationFacts>(
          'LOAN_AWARD_NEW_LOANS',
          text('当年须新发放创业担保贷款', 'Start-up guaranteed loans must have been disbursed in the year'),
          SC34('（五）'),
          (ctx) => (ctx.claim.loanAward?.newLoanFen ?? 0) > 0,
        ),
      ],
      amount,
    }),
  ],
});
