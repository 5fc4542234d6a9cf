import { condition } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, material, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text, type Text } from '../core/text.js';
import type { Hire, OrganisationFacts } from '../facts/facts.js';
import { hasStatus, isGraduatingYear, leftSchoolWithinYears, unemployedSinceGraduation } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, SC2025, SC34 } from '../rules/common.js';
import { priorGrants, windowDurations, type WindowRule } from '../rules/entitlement.js';
import { assessItems, itemRule, qualifyingPeople, type ItemRule } from '../rules/items.js';
import { hardToEmployWindow, insurancePlan, type InsurancePlan } from '../rules/social-insurance.js';

/**
 * 单位社会保险补贴 — paid to units for the employer share of pension, medical and unemployment
 * insurance (not the employee's share) of (a) persons hard to employ they hire or place on
 * public-welfare posts, and (b) graduates hired by small and micro enterprises (1 year).
 */
export const SI_EMPLOYER_HARD_TO_EMPLOY = 'social-insurance-employer-hard-to-employ';
export const SI_EMPLOYER_GRADUATE = 'social-insurance-employer-graduate';

function hirePlan(
  ctx: EvaluationContext<OrganisationFacts>,
  hire: Hire,
  subsidy: string,
  rule: WindowRule,
): InsurancePlan | undefined {
  return insurancePlan(
    ctx,
    hire.person,
    'employer',
    ctx.applicant.creditCode,
    priorGrants(ctx.applicant.subsidies, [subsidy], hire.person.idNumber),
    rule,
  );
}

/**
 * The months and amounts come from the insurance system's records of the unit's contributions, not
 * from the claim (the subsidy is what was 实际缴纳), so the rule names where it looks.
 */
function contributionsRule(subsidy: string, rule: WindowRule): ItemRule<Hire> {
  return itemRule<Hire>(
    'HIRE_CONTRIBUTIONS_IN_PERIOD',
    '社保缴费记录须显示本单位在补贴期限内为其缴纳社会保险费',
    "The insurance records must show the unit's contributions for the hire within the entitlement period",
    (hire, ctx) => (hirePlan(ctx, hire, subsidy, rule)?.months.length ?? 0) > 0,
    windowDurations(rule),
  );
}

function employerAmount(
  ctx: EvaluationContext<OrganisationFacts>,
  subsidy: string,
  rules: readonly ItemRule<Hire>[],
  rule: WindowRule,
  citation: Citation,
): AmountResult {
  const { qualifying } = assessItems(ctx, ctx.claim.hires, rules);
  let amountFen = 0;
  let months = 0;
  for (const hire of qualifying) {
    const plan = hirePlan(ctx, hire, subsidy, rule);
    if (!plan) continue;
    amountFen += plan.contributedFen;
    months += plan.months.length;
  }
  return {
    amountFen,
    months,
    perMonthFen: months ? Math.floor(amountFen / months) : 0,
    explanation: text(
      `${qualifying.length}人共${months}个月单位实际缴纳的基本养老、基本医疗、失业保险费合计${formatYuan(amountFen)}（不含个人缴纳部分）`,
      `Employer share of pension, medical and unemployment insurance for ${qualifying.length} people over ${months} months: ${formatYuanEn(amountFen)}`,
    ),
    citation,
  };
}

const materials = [
  text('劳动合同', 'Labour contracts'),
  material(
    '单位缴费明细（社保系统可查的免交）',
    "The unit's contribution records (not needed where the insurance system shows them)",
    'hire-contributions',
  ),
];

/** The hires a claim lists, checked against `rules`, each paid for the months within `window`. */
interface HireRules {
  readonly rules: readonly ItemRule<Hire>[];
  readonly window: WindowRule;
}

/** 招用或公益性岗位安置就业困难人员, for the period `article` sets. */
function hardToEmployHires(article: Citation): HireRules {
  const window = hardToEmployWindow(article);
  const rules = [
    itemRule<Hire>(
      'HIRE_HARD_TO_EMPLOY',
      '招用或公益性岗位安置时须为就业困难人员',
      'Must be certified as hard to employ when hired or placed',
      (hire) => hasStatus(hire.person, 'hard-to-employ', hire.contractStart),
    ),
    itemRule<Hire>(
      'HIRE_NOT_CIVIL_SERVICE_STAFF',
      '不得为机关事业单位在编人员',
      'Must not be on a government staff establishment',
      (hire, ctx) => !hasStatus(hire.person, 'civil-service-staff', ctx.date),
    ),
    contributionsRule(SI_EMPLOYER_HARD_TO_EMPLOY, window),
  ];
  return { rules, window };
}

/** 招用毕业年度和离校2年内未就业高校毕业生…签订1年以上劳动合同…最长1年, in `article`'s figures. */
function graduateHires(article: Citation): HireRules {
  const leftSchool = duration('social-insurance-employer.graduate-left-school-years', article);
  const contract = duration('social-insurance-employer.contract-months', article);
  const window: WindowRule = { months: duration('social-insurance-employer.graduate-period-months', article) };
  const rules = [
    itemRule<Hire>(
      'HIRE_GRADUATE',
      `须为毕业年度或离校${leftSchool.value}年内未就业的高校毕业生`,
      `Must be a graduate of the graduation year, or within ${leftSchool.value} years of leaving school and not employed`,
      (hire) =>
        isGraduatingYear(hire.person, hire.contractStart) ||
        (leftSchoolWithinYears(hire.person, hire.contractStart, leftSchool.value) &&
          unemployedSinceGraduation(hire.person, hire.contractStart)),
      [leftSchool],
    ),
    itemRule<Hire>(
      'HIRE_CONTRACT_ONE_YEAR',
      `须签订${spanText(contract).zh}以上劳动合同`,
      `The contract must run ${spanText(contract).en} or more`,
      (hire) => hire.contractMonths === undefined || hire.contractMonths >= monthsOf(contract),
      [contract],
    ),
    contributionsRule(SI_EMPLOYER_GRADUATE, window),
  ];
  return { rules, window };
}

const qualifyingHires = (basis: Citation, hires: HireRules, rule: Text) =>
  qualifyingPeople('QUALIFYING_HIRES', rule, basis, (ctx) => ctx.claim.hires, hires.rules);
const employerShare =
  (subsidy: string, basis: Citation, hires: HireRules) => (ctx: EvaluationContext<OrganisationFacts>) =>
    employerAmount(ctx, subsidy, hires.rules, hires.window, basis);

const smallOrMicro = (basis: Citation) =>
  condition<OrganisationFacts>(
    'SMALL_OR_MICRO_ENTERPRISE',
    text('申请单位须为小微企业', 'The applicant must be a small or micro enterprise'),
    basis,
    (ctx) =>
      (ctx.applicant.category === 'enterprise' || ctx.applicant.category === 'individual-business') &&
      (ctx.applicant.sizeClass === 'small' || ctx.applicant.sizeClass === 'micro'),
  );

const hardToEmployWho = text(
  '招用或通过公益性岗位安置就业困难人员并缴纳社会保险费的单位',
  'Units that hire, or place on public-welfare posts, persons hard to employ and pay their insurance',
);
const hardToEmployStandard = text(
  '单位实际缴纳的基本养老、基本医疗和失业保险费；最长3年，距法定退休年龄不足5年的可延长',
  'The employer share actually paid; 3 years, longer when under 5 years from retirement',
);
const hardToEmployHire = text('须有符合条件的就业困难人员', 'At least one eligible hire');
const graduateWho = text(
  '招用毕业年度和离校2年内未就业高校毕业生并签订1年以上劳动合同的小微企业',
  'Small and micro enterprises hiring eligible graduates on contracts of a year or more',
);
const graduateStandard = text(
  '单位实际缴纳的基本养老、基本医疗和失业保险费，最长1年',
  'The employer share actually paid, for up to 1 year',
);
const graduateHire = text('须有符合条件的高校毕业生', 'At least one eligible graduate hire');

const national = hardToEmployHires(CS181('第十条（一）'));
const sichuan2025 = hardToEmployHires(SC2025('第六条（二）'));

export const SocialInsuranceEmployerHardToEmploy = defineSubsidy({
  id: SI_EMPLOYER_HARD_TO_EMPLOY,
  source: import.meta.url,
  name: text('单位招用就业困难人员社会保险补贴', 'Social-insurance subsidy: units employing persons hard to employ'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'si-employer-hard-to-employ/national-2023',
      region: '000000',
      basis: CS181('第十条（一）'),
      from: '2023-12-20',
      who: hardToEmployWho,
      standard: hardToEmployStandard,
      materials,
      conditions: [qualifyingHires(CS181('第十条（一）'), national, hardToEmployHire)],
      amount: employerShare(SI_EMPLOYER_HARD_TO_EMPLOY, CS181('第十条（一）'), national),
    }),
    scheme({
      id: 'si-employer-hard-to-employ/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（二）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: hardToEmployWho,
      standard: hardToEmployStandard,
      materials,
      conditions: [qualifyingHires(SC2025('第六条（二）'), sichuan2025, hardToEmployHire)],
      amount: employerShare(SI_EMPLOYER_HARD_TO_EMPLOY, SC2025('第六条（二）'), sichuan2025),
    }),
  ],
});

const graduatesNational = graduateHires(CS181('第十条（二）'));
const graduatesSichuan2024 = graduateHires(SC34('（四）'));
const graduatesSichuan2025 = graduateHires(SC2025('第六条（二）'));

export const SocialInsuranceEmployerGraduate = defineSubsidy({
  id: SI_EMPLOYER_GRADUATE,
  source: import.meta.url,
  name: text(
    '小微企业招用高校毕业生社会保险补贴',
    'Social-insurance subsidy: small and micro enterprises hiring graduates',
  ),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'si-employer-graduate/national-2023',
      region: '000000',
      basis: CS181('第十条（二）'),
      from: '2023-12-20',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      conditions: [
        smallOrMicro(CS181('第十条（二）')),
        qualifyingHires(CS181('第十条（二）'), graduatesNational, graduateHire),
      ],
      amount: employerShare(SI_EMPLOYER_GRADUATE, CS181('第十条（二）'), graduatesNational),
    }),
    scheme({
      id: 'si-employer-graduate/sichuan-2024',
      region: '510000',
      basis: SC34('（四）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      conditions: [smallOrMicro(SC34('（四）')), qualifyingHires(SC34('（四）'), graduatesSichuan2024, graduateHire)],
      amount: employerShare(SI_EMPLOYER_GRADUATE, SC34('（四）'), graduatesSichuan2024),
    }),
    scheme({
      id: 'si-employer-graduate/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（二）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: graduateWho,
      standard: graduateStandard,
      materials,
      conditions: [
        smallOrMicro(SC2025('第六条（二）')),
        qualifyingHires(SC2025('第六条（二）'), graduatesSichuan2025, graduateHire),
      ],
      amount: employerShare(SI_EMPLOYER_GRADUATE, SC2025('第六条（二）'), graduatesSichuan2025),
    }),
  ],
});
