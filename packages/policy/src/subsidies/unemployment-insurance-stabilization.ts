import { condition, notSet, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn, shareOf } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationFacts, UnemploymentInsuranceYear } from '../facts/facts.js';
import { QY102, SC34 } from '../rules/common.js';

/**
 * 失业保险稳岗返还 — return of part of last year's unemployment insurance to units that laid off no
 * one, or no more than last year's national surveyed urban unemployment target (5.5%), or for units of 30
 * or fewer, no more than 20% of insured staff: 30% for large enterprises, 60% for SMEs and the
 * other kinds of unit named.
 */
export const UI_STABILIZATION = 'unemployment-insurance-stabilization';

function lastYear(ctx: EvaluationContext<OrganisationFacts>): UnemploymentInsuranceYear | undefined {
  const year = ctx.claim.year ?? Number(ctx.date.slice(0, 4)) - 1;
  return ctx.applicant.unemploymentInsurance?.find((y) => y.year === year);
}

/**
 * The layoff-rate cap: the region's own figure where its text states one (庆阳: 5.5%), else the
 * national 城镇调查失业率控制目标 of the year the layoffs were in, read on that year's last day.
 */
function layoffCap(ctx: EvaluationContext<OrganisationFacts>, year: number) {
  return ctx.param('stabilization.layoff-rate-permille') ?? ctx.param(NATIONAL_TARGET, `${year}-12-31`);
}

const NATIONAL_TARGET = 'unemployment-rate-target-permille';

function layoffRate(citation: Citation): Condition<OrganisationFacts> {
  return condition(
    'LAYOFF_RATE',
    text(
      '上年度未裁员或裁员率不高于上年度全国城镇调查失业率控制目标；30人（含）以下的裁员率不高于参保职工总数20%',
      'No layoffs last year, or a layoff rate no higher than the national surveyed unemployment target; for 30 staff or fewer, no more than 20%',
    ),
    citation,
    (ctx) => {
      const y = lastYear(ctx);
      if (!y) return outcome(false, '无上年度失业保险参保记录', 'No unemployment insurance record for last year');
      if (y.layoffs === 0) return true;
      const staff = y.insuredStaffAtYearStart;
      const smallStaff = ctx.param('stabilization.small-unit-staff');
      const smallRate = ctx.param('stabilization.small-unit-layoff-rate-permille');
      // Integer comparison: layoffs / staff <= rate / 1000.
      if (smallStaff && smallRate && staff <= smallStaff.value && y.layoffs * 1000 <= staff * smallRate.value)
        return true;
      const cap = layoffCap(ctx, y.year);
      // A cap not entered for that year is not set, never a refusal (FACTS: 城镇调查失业率控制目标).
      if (!cap) return notSet(NATIONAL_TARGET);
      if (y.layoffs * 1000 <= staff * cap.value) return true;
      return outcome(
        false,
        `上年度裁员${y.layoffs}人，参保职工${staff}人，高于${cap.value / 10}%`,
        `${y.layoffs} laid off of ${staff} insured staff last year, over ${cap.value / 10}%`,
      );
    },
  );
}

function isLarge(org: OrganisationFacts): boolean {
  return org.category === 'enterprise' && org.sizeClass === 'large';
}

function amount(ctx: EvaluationContext<OrganisationFacts>, basis: Citation): AmountResult {
  const y = lastYear(ctx);
  const share = ctx.param(
    isLarge(ctx.applicant) ? 'stabilization.return-large-permille' : 'stabilization.return-sme-permille',
  );
  if (!y || !share) return standardNotSet('stabilization.return-*-permille', basis);
  const amountFen = shareOf(y.contributedFen, share.value, 1000);
  return {
    amountFen,
    explanation: text(
      `${y.year}年实际缴纳失业保险费${formatYuan(y.contributedFen)} × ${share.value / 10}% = ${formatYuan(amountFen)}`,
      `${formatYuanEn(y.contributedFen)} paid in ${y.year} × ${share.value / 10}% = ${formatYuanEn(amountFen)}`,
    ),
    citation: share.citation ?? basis,
  };
}

const units = ['enterprise', 'individual-business', 'social-organisation', 'law-or-accounting-firm'] as const;

const insuredUnit = (basis: Citation) =>
  condition<OrganisationFacts>(
    'INSURED_UNIT',
    text(
      '申请单位须为参加失业保险的企业或规定的其他单位',
      'The applicant must be an insured enterprise or other listed unit',
    ),
    basis,
    (ctx) => (units as readonly string[]).includes(ctx.applicant.category),
  );

const who = text(
  '参保企业及社会团体、基金会、社会服务机构、律师事务所、会计师事务所、以单位形式参保的个体工商户',
  'Insured enterprises and other insured units',
);
const standard = text(
  '大型企业返还上年度实际缴纳失业保险费的30%，中小微企业等返还60%',
  '30% of last year’s unemployment insurance for large enterprises, 60% for SMEs and others',
);
const materials = [
  text(
    '上年度失业保险缴费及裁员情况（社保系统可查的免交）',
    "Last year's contributions and layoffs (not needed where the insurance system shows them)",
  ),
];
const parameters = [
  'stabilization.return-large-permille',
  'stabilization.return-sme-permille',
  'stabilization.layoff-rate-permille',
  NATIONAL_TARGET,
];

export const UnemploymentInsuranceStabilization = defineSubsidy({
  id: UI_STABILIZATION,
  source: import.meta.url,
  name: text('失业保险稳岗返还', 'Unemployment insurance job-stabilisation return'),
  applicant: 'organisation',
  fund: 'unemployment-insurance-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'unemployment-insurance-stabilization/qingyang-2023',
      region: '621000',
      basis: QY102('第1条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who,
      standard,
      materials,
      parameters,
      conditions: [insuredUnit(QY102('第1条')), layoffRate(QY102('第1条'))],
      amount: (ctx) => amount(ctx, QY102('第1条')),
    }),
    scheme({
      id: 'unemployment-insurance-stabilization/sichuan-2024',
      region: '510000',
      basis: SC34('（三）'),
      from: '2024-07-13',
      to: '2024-12-31',
      who,
      standard,
      materials,
      parameters,
      conditions: [
        insuredUnit(SC34('（三）')),
        layoffRate(SC34('（三）')),
        condition<OrganisationFacts>(
          'PAID_TWELVE_MONTHS',
          text('须足额缴纳失业保险费12个月以上', 'Unemployment insurance fully paid for 12 months or more'),
          SC34('（三）'),
          (ctx) => {
            const need = ctx.param('stabilization.paid-months');
            if (!need) return notSet('stabilization.paid-months');
            const paid = lastYear(ctx)?.fullyPaidMonths ?? 0;
            return paid >= need.value ? true : outcome(false, `足额缴费${paid}个月`, `Fully paid for ${paid} months`);
          },
        ),
      ],
      amount: (ctx) => amount(ctx, SC34('（三）')),
    }),
  ],
});
