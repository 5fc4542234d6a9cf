import { condition, outcome } from '../core/build.js';
import { monthOf } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, material, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasStatus, leftSchoolWithinYears, unemployedSinceGraduation } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, notCivilServiceStaff, SC2025, SC34 } from '../rules/common.js';
import { priorGrants, type WindowRule } from '../rules/entitlement.js';
import {
  contributionsInWindow,
  flexibleShareAmount,
  hardToEmployWindow,
  insurancePlan,
  type InsurancePlan,
} from '../rules/social-insurance.js';

/**
 * 灵活就业社会保险补贴 — for people who pay their own insurance as flexibly employed: persons hard
 * to employ (3 years, or to retirement when under 5 years from it) and graduates within 2 years of
 * leaving school and not employed (2 years). At most 2/3 of what they paid.
 */
export const SI_FLEXIBLE_HARD_TO_EMPLOY = 'social-insurance-flexible-hard-to-employ';
export const SI_FLEXIBLE_GRADUATE = 'social-insurance-flexible-graduate';

const materials = [
  text('身份证件', 'ID card'),
  text('灵活就业登记', 'Flexible-employment registration'),
  material(
    '个人缴费记录（社保系统可查的免交）',
    'Record of contributions (not needed where the insurance system shows it)',
    'insurance',
  ),
];

/** What a person paid as flexibly employed within the period a text sets, months already paid left out. */
interface SelfPaid {
  readonly window: WindowRule;
  readonly plan: (ctx: EvaluationContext<PersonFacts>) => InsurancePlan | undefined;
}

function selfPaid(id: string, window: WindowRule): SelfPaid {
  const paid: SelfPaid = {
    window,
    // Worked out once per evaluation: the condition on contributions and the amount both read it.
    plan: (ctx) =>
      ctx.memo(paid, () =>
        insurancePlan(ctx, ctx.applicant, 'self', undefined, priorGrants(ctx.applicant.subsidies, [id]), window),
      ),
  };
  return paid;
}

const hardToEmploy = (basis: Citation) =>
  condition<PersonFacts>(
    'HARD_TO_EMPLOY',
    text('须为就业困难人员', 'Must be certified as hard to employ'),
    basis,
    (ctx) => {
      const range = ctx.claim.fromMonth ?? monthOf(ctx.date);
      return (
        hasStatus(ctx.applicant, 'hard-to-employ', `${range}-01`) ||
        hasStatus(ctx.applicant, 'hard-to-employ', ctx.date)
      );
    },
  );

function graduateUnemployed(basis: Citation) {
  const leftSchool = duration('social-insurance-flexible.graduate-left-school-years', basis);
  return condition<PersonFacts>(
    'GRADUATE_UNEMPLOYED_2Y',
    text(
      `须为离校${leftSchool.value}年内未就业的高校毕业生`,
      `Must be a graduate within ${leftSchool.value} years of leaving school, not employed`,
    ),
    basis,
    (ctx) => {
      const start = `${ctx.claim.fromMonth ?? monthOf(ctx.date)}-01`;
      if (!ctx.applicant.graduation) return outcome(false, '无高校毕业信息', 'No graduation on record');
      return leftSchoolWithinYears(ctx.applicant, start, leftSchool.value) &&
        unemployedSinceGraduation(ctx.applicant, start)
        ? true
        : outcome(false, `毕业时间${ctx.applicant.graduation.date}`, `Graduated ${ctx.applicant.graduation.date}`);
    },
    [leftSchool],
  );
}

const hardToEmployPaid = (basis: Citation, paid: SelfPaid) =>
  contributionsInWindow(
    basis,
    paid.plan,
    {
      zh: '须在补贴期限内以灵活就业身份缴纳社会保险费',
      en: 'Must have paid contributions as flexibly employed within the entitlement period',
    },
    paid.window,
  );
function graduatePaid(basis: Citation, paid: SelfPaid) {
  const longest = paid.window.months;
  const rule = {
    zh: `须在补贴期限（最长${spanText(longest).zh}）内以灵活就业身份缴费`,
    en: `Must have paid as flexibly employed within the ${monthsOf(longest) / 12}-year period`,
  };
  return contributionsInWindow(basis, paid.plan, rule, paid.window);
}
const share = (basis: Citation, paid: SelfPaid) => (ctx: EvaluationContext<PersonFacts>) =>
  flexibleShareAmount(ctx, paid.plan(ctx) as InsurancePlan, basis);

const hardToEmployWho = text(
  '灵活就业并缴纳社会保险费的就业困难人员',
  'People hard to employ who pay their own insurance as flexibly employed',
);
const graduateWho = text(
  '灵活就业并缴纳社会保险费的离校2年内未就业高校毕业生',
  'Graduates within 2 years of leaving school, unemployed, who pay their own insurance as flexibly employed',
);
const graduateStandard = text('不超过实际缴费的2/3，最长2年', 'At most 2/3 of contributions, for up to 2 years');
const parameters = ['social-insurance.flexible-share-permille'];

const nationalHardToEmploy = selfPaid(SI_FLEXIBLE_HARD_TO_EMPLOY, hardToEmployWindow(CS181('第十条（一）')));
const sichuanHardToEmploy = selfPaid(SI_FLEXIBLE_HARD_TO_EMPLOY, hardToEmployWindow(SC2025('第六条（二）')));
const graduateWindow = (article: Citation): WindowRule => ({
  months: duration('social-insurance-flexible.graduate-period-months', article),
});
const graduateNational = selfPaid(SI_FLEXIBLE_GRADUATE, graduateWindow(CS181('第十条（二）')));
const graduateSichuan2024 = selfPaid(SI_FLEXIBLE_GRADUATE, graduateWindow(SC34('（六）')));
const graduateSichuan2025 = selfPaid(SI_FLEXIBLE_GRADUATE, graduateWindow(SC2025('第六条（二）')));

export const SocialInsuranceFlexibleHardToEmploy = defineSubsidy({
  id: SI_FLEXIBLE_HARD_TO_EMPLOY,
  source: import.meta.url,
  name: text('就业困难人员灵活就业社会保险补贴', 'Social-insurance subsidy: flexibly employed persons hard to employ'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'si-flexible-hard-to-employ/national-2023',
      region: '000000',
      basis: CS181('第十条（一）'),
      from: '2023-12-20',
      who: hardToEmployWho,
      standard: text(
        '不超过实际缴费的2/3；最长3年，距法定退休年龄不足5年的可延长至退休',
        'At most 2/3 of contributions; 3 years, or to retirement when under 5 years from it',
      ),
      materials,
      parameters,
      conditions: [
        hardToEmploy(CS181('第十条（一）')),
        hardToEmployPaid(CS181('第十条（一）'), nationalHardToEmploy),
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: share(CS181('第十条（一）'), nationalHardToEmploy),
    }),
    scheme({
      id: 'si-flexible-hard-to-employ/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（二）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: hardToEmployWho,
      standard: text(
        '不超过实际缴费的2/3；最长3年，距法定退休年龄不足5年的最长5年',
        'At most 2/3 of contributions; 3 years, or to retirement when under 5 years from it',
      ),
      materials,
      parameters,
      conditions: [
        hardToEmploy(SC2025('第六条（二）')),
        hardToEmployPaid(SC2025('第六条（二）'), sichuanHardToEmploy),
        notCivilServiceStaff(SC2025('第十三条')),
      ],
      amount: share(SC2025('第六条（二）'), sichuanHardToEmploy),
    }),
  ],
});

export const SocialInsuranceFlexibleGraduate = defineSubsidy({
  id: SI_FLEXIBLE_GRADUATE,
  source: import.meta.url,
  name: text('高校毕业生灵活就业社会保险补贴', 'Social-insurance subsidy: flexibly employed graduates'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'si-flexible-graduate/national-2023',
      region: '000000',
      basis: CS181('第十条（二）'),
      from: '2023-12-20',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      parameters,
      conditions: [
        graduateUnemployed(CS181('第十条（二）')),
        graduatePaid(CS181('第十条（二）'), graduateNational),
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: share(CS181('第十条（二）'), graduateNational),
    }),
    scheme({
      id: 'si-flexible-graduate/sichuan-2024',
      region: '510000',
      basis: SC34('（六）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      parameters,
      conditions: [
        graduateUnemployed(SC34('（六）')),
        graduatePaid(SC34('（六）'), graduateSichuan2024),
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: share(SC34('（六）'), graduateSichuan2024),
    }),
    scheme({
      id: 'si-flexible-graduate/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（二）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      parameters,
      conditions: [
        graduateUnemployed(SC2025('第六条（二）')),
        graduatePaid(SC2025('第六条（二）'), graduateSichuan2025),
        notCivilServiceStaff(SC2025('第十三条')),
      ],
      amount: share(SC2025('第六条（二）'), graduateSichuan2025),
    }),
  ],
});
