import { condition, notSet, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn, shareOf } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import { periodSubsidy } from '../loans/period-subsidy.js';
import type { ApplicantFacts, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { QY102, SC34 } from '../rules/common.js';

/**
 * 创业担保贷款贴息 — interest subsidy on start-up guaranteed loans: a loan within the limit (庆阳
 * 20万元 a person, 10% more in a partnership, 300万元 a small/micro enterprise; 四川 30万元 and
 * 400万元) has a share of its interest paid (四川 50%). Paid under inclusive finance, never from the
 * employment fund (财社〔2023〕181号 第十六条（四）).
 */
export const STARTUP_LOAN_INTEREST = 'startup-loan-interest';
export const STARTUP_LOAN_INTEREST_ENTERPRISE = 'startup-loan-interest-enterprise';

function limitOf(ctx: EvaluationContext<ApplicantFacts>): number | undefined {
  const loan = ctx.claim.loan;
  if (!loan) return undefined;
  if (loan.borrower === 'small-micro-enterprise') return ctx.param('startup-loan.enterprise-limit')?.value;
  const base = ctx.param('startup-loan.individual-limit')?.value;
  if (base === undefined) return undefined;
  const raise =
    loan.borrower === 'partnership' ? (ctx.param('startup-loan.partnership-raise-permille')?.value ?? 0) : 0;
  return base + shareOf(base, raise, 1000);
}

function withinLimit<A extends ApplicantFacts>(citation: Citation): Condition<A> {
  return condition<A>(
    'LOAN_WITHIN_LIMIT',
    text('贷款额度不得超过规定的最高额度', 'The loan must not exceed the limit'),
    citation,
    (ctx) => {
      const loan = ctx.claim.loan;
      if (!loan) return outcome(false, '未提供贷款信息', 'No loan given');
      const limit = limitOf(ctx);
      if (limit === undefined)
        return notSet(
          loan.borrower === 'small-micro-enterprise'
            ? 'startup-loan.enterprise-limit'
            : 'startup-loan.individual-limit',
        );
      return loan.principalFen <= limit
        ? true
        : outcome(
            false,
            `贷款${formatYuan(loan.principalFen)}，最高${formatYuan(limit)}`,
            `Loan ${formatYuanEn(loan.principalFen)} over the limit ${formatYuanEn(limit)}`,
          );
    },
  );
}

function withinTerm<A extends ApplicantFacts>(citation: Citation): Condition<A> {
  return condition<A>(
    'LOAN_WITHIN_TERM',
    text('贷款期限不得超过规定期限', 'The loan term must not exceed the maximum'),
    citation,
    (ctx) => {
      const loan = ctx.claim.loan;
      if (!loan) return false;
      const max = ctx.param(
        loan.borrower === 'small-micro-enterprise'
          ? 'startup-loan.enterprise-term-months'
          : 'startup-loan.individual-term-months',
      );
      if (!max) return true;
      return loan.termMonths <= max.value
        ? true
        : outcome(
            false,
            `期限${loan.termMonths}个月，最长${max.value}个月`,
            `Term ${loan.termMonths} months, at most ${max.value}`,
          );
    },
  );
}

/**
 * Interest subsidy over the term: principal × rate × months/12 × share, floored to the fen — an
 * estimate before the loan runs. A claim for one period of a contracted loan is paid on the
 * interest the bank charged for it instead (periodSubsidy: on time only, none for an extension).
 */
function interestSubsidy(ctx: EvaluationContext<ApplicantFacts>, citation: Citation): AmountResult {
  const loan = ctx.claim.loan;
  const share = ctx.param('startup-loan.interest-share-permille');
  if (!loan || !share) return standardNotSet('startup-loan.interest-share-permille', citation);
  if (loan.period) {
    const { key, ...period } = loan.period;
    const result = periodSubsidy(
      {
        region: ctx.region,
        on: ctx.date,
        borrower: loan.borrower,
        interestSharePermille: {
          value: share.value,
          parameter: share.parameter,
          ...(share.cites ? { cites: share.cites } : {}),
        },
      },
      { ...period, period: { from: period.from, to: period.to } },
    );
    return {
      amountFen: result.subsidyFen,
      explanation: text(`${key}：${result.explanation.zh}`, `${key}: ${result.explanation.en}`),
      citation: share.citation ?? citation,
    };
  }
  // BigInt: 400万元 × rate × months × share overflows 2^53 in fen.
  const amountFen = Number(
    (BigInt(loan.principalFen) * BigInt(loan.annualRateBp) * BigInt(loan.termMonths) * BigInt(share.value)) /
      BigInt(10_000 * 12 * 1000),
  );
  return {
    amountFen,
    explanation: text(
      `贷款${formatYuan(loan.principalFen)} × 年利率${loan.annualRateBp / 100}% × ${loan.termMonths}个月 × 贴息${share.value / 10}% = ${formatYuan(amountFen)}`,
      `Loan ${formatYuanEn(loan.principalFen)} × ${loan.annualRateBp / 100}% a year × ${loan.termMonths} months × ${share.value / 10}% = ${formatYuanEn(amountFen)}`,
    ),
    citation: share.citation ?? citation,
  };
}

const materials = [
  text('借款合同', 'Loan contract'),
  text('经办银行利息结算清单', "The lending bank's interest statement"),
];
const parameters = [
  'startup-loan.individual-limit',
  'startup-loan.enterprise-limit',
  'startup-loan.interest-share-permille',
];

const personBorrower = (citation: Citation): Condition<PersonFacts> =>
  condition(
    'LOAN_BORROWER',
    text('借款人须为个人或合伙创业者', 'The borrower must be an individual or a partner'),
    citation,
    (ctx) => ctx.claim.loan?.borrower === 'individual' || ctx.claim.loan?.borrower === 'partnership',
  );
const enterpriseBorrower = (citation: Citation): Condition<OrganisationFacts> =>
  condition(
    'LOAN_BORROWER',
    text('借款人须为符合条件的小微企业', 'The borrower must be an eligible small or micro enterprise'),
    citation,
    (ctx) =>
      ctx.claim.loan?.borrower === 'small-micro-enterprise' &&
      (ctx.applicant.sizeClass === 'small' || ctx.applicant.sizeClass === 'micro'),
  );

export const StartupLoanInterestSubsidy = defineSubsidy({
  id: STARTUP_LOAN_INTEREST,
  source: import.meta.url,
  name: text('个人创业担保贷款贴息', 'Interest subsidy on start-up guaranteed loans (individuals)'),
  applicant: 'person',
  fund: 'inclusive-finance',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme<PersonFacts>({
      id: 'startup-loan-interest/qingyang-2023',
      region: '621000',
      basis: QY102('第16条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who: text('符合条件的个人创业者', 'Eligible individual founders'),
      standard: text(
        '最高20万元，合伙创业提高10%，期限不超过3年，按规定贴息',
        'Up to ¥200,000 (10% more in partnership), 3 years, interest subsidised as prescribed',
      ),
      materials,
      parameters,
      conditions: [personBorrower(QY102('第16条')), withinLimit(QY102('第16条')), withinTerm(QY102('第16条'))],
      amount: (ctx) => interestSubsidy(ctx, QY102('第16条')),
    }),
    scheme<PersonFacts>({
      id: 'startup-loan-interest/sichuan-2024',
      region: '510000',
      basis: SC34('（五）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text('符合条件的个人创业者', 'Eligible individual founders'),
      standard: text('最高30万元，财政贴息50%', 'Up to ¥300,000, 50% of interest paid'),
      materials,
      parameters,
      conditions: [personBorrower(SC34('（五）')), withinLimit(SC34('（五）')), withinTerm(SC34('（五）'))],
      amount: (ctx) => interestSubsidy(ctx, SC34('（五）')),
    }),
  ],
});

export const StartupLoanInterestEnterpriseSubsidy = defineSubsidy({
  id: STARTUP_LOAN_INTEREST_ENTERPRISE,
  source: import.meta.url,
  name: text('小微企业创业担保贷款贴息', 'Interest subsidy on start-up guaranteed loans (small and micro enterprises)'),
  applicant: 'organisation',
  fund: 'inclusive-finance',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme<OrganisationFacts>({
      id: 'startup-loan-interest-enterprise/qingyang-2023',
      region: '621000',
      basis: QY102('第16条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who: text('符合条件的小微企业', 'Eligible small and micro enterprises'),
      standard: text(
        '最高300万元，期限不超过2年，按规定贴息',
        'Up to ¥3 million, 2 years, interest subsidised as prescribed',
      ),
      materials,
      parameters,
      conditions: [enterpriseBorrower(QY102('第16条')), withinLimit(QY102('第16条')), withinTerm(QY102('第16条'))],
      amount: (ctx) => interestSubsidy(ctx, QY102('第16条')),
    }),
    scheme<OrganisationFacts>({
      id: 'startup-loan-interest-enterprise/sichuan-2024',
      region: '510000',
      basis: SC34('（五）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text('符合条件的小微企业', 'Eligible small and micro enterprises'),
      standard: text('最高400万元，财政贴息50%', 'Up to ¥4 million, 50% of interest paid'),
      materials,
      parameters,
      conditions: [enterpriseBorrower(SC34('（五）')), withinLimit(SC34('（五）')), withinTerm(SC34('（五）'))],
      amount: (ctx) => interestSubsidy(ctx, SC34('（五）')),
    }),
  ],
});
