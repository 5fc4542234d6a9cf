import { standardNotSet } from '../core/build.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Hire, OrganisationFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { SC2025 } from '../rules/common.js';
import { priorGrants, windowDurations, type WindowRule } from '../rules/entitlement.js';
import { assessItems, itemRule, qualifyingPeople } from '../rules/items.js';
import { insurancePlan } from '../rules/social-insurance.js';

/**
 * 用人单位岗位补贴 — 四川: a post subsidy to units that hire persons hard to employ on a labour
 * contract and pay their insurance, no higher than the local minimum wage, on the same period
 * rules as public-welfare posts (四川 办法 第六条（三）).
 */
export const EMPLOYER_POST_SUBSIDY = 'employer-post-subsidy';
const basis = SC2025('第六条（三）');
/** 岗位补贴期限, the same as for public-welfare posts (第六条（三）3.(1)). */
const rule: WindowRule = {
  months: duration('post-subsidy.period-months', basis),
  toRetirement: { within: duration('post-subsidy.retirement-within-months', basis) },
};

function months(ctx: EvaluationContext<OrganisationFacts>, hire: Hire): number {
  return (
    insurancePlan(
      ctx,
      hire.person,
      'employer',
      ctx.applicant.creditCode,
      priorGrants(ctx.applicant.subsidies, [EMPLOYER_POST_SUBSIDY], hire.person.idNumber),
      rule,
    )?.months.length ?? 0
  );
}

const rules = [
  itemRule<Hire>(
    'HIRE_HARD_TO_EMPLOY',
    '招用时须为就业困难人员',
    'Must be certified as hard to employ when hired',
    (hire) => hasStatus(hire.person, 'hard-to-employ', hire.contractStart),
  ),
  itemRule<Hire>(
    'HIRE_INSURED_IN_PERIOD',
    '须签订劳动合同并在补贴期限内缴纳社会保险费',
    'Must be on a contract with insurance paid within the period',
    (hire, ctx) => months(ctx, hire) > 0,
    windowDurations(rule),
  ),
];

export const EmployerPostSubsidy = defineSubsidy({
  id: EMPLOYER_POST_SUBSIDY,
  source: import.meta.url,
  name: text('用人单位岗位补贴', 'Post subsidy for employers of persons hard to employ'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'employer-post-subsidy/sichuan-2025',
      region: '510000',
      basis,
      from: '2025-05-01',
      to: '2028-04-30',
      who: text(
        '招用就业困难人员、签订劳动合同并缴纳社会保险费的用人单位',
        'Units hiring persons hard to employ on a contract with insurance',
      ),
      standard: text(
        '不高于当地最低工资标准；最长3年，距法定退休年龄不足5年的可延长至退休',
        'No higher than the local minimum wage; 3 years, or to retirement',
      ),
      materials: [text('劳动合同', 'Labour contracts'), text('社会保险缴费记录', 'Insurance records')],
      parameters: ['employer-post.monthly', 'minimum-wage.monthly'],
      conditions: [
        qualifyingPeople(
          'QUALIFYING_HIRES',
          text('须有符合条件的就业困难人员', 'At least one eligible hire'),
          basis,
          (ctx) => ctx.claim.hires,
          rules,
        ),
      ],
      amount: (ctx): AmountResult => {
        const wage = ctx.param('minimum-wage.monthly');
        const local = ctx.param('employer-post.monthly');
        if (!wage || !local) return standardNotSet(wage ? 'employer-post.monthly' : 'minimum-wage.monthly', basis);
        const perMonthFen = Math.min(local.value, wage.value);
        const total = assessItems(ctx, ctx.claim.hires, rules).qualifying.reduce((sum, h) => sum + months(ctx, h), 0);
        const amountFen = perMonthFen * total;
        return {
          amountFen,
          perMonthFen,
          months: total,
          explanation: text(
            `${formatYuan(perMonthFen)}/人·月（不高于最低工资${formatYuan(wage.value)}）× ${total}人·月 = ${formatYuan(amountFen)}`,
            `${formatYuanEn(perMonthFen)} per person-month (at most the minimum wage ${formatYuanEn(wage.value)}) × ${total} = ${formatYuanEn(amountFen)}`,
          ),
          citation: basis,
        };
      },
    }),
  ],
});
