import { perHead } from '../core/build.js';
import { monthsOf, spanText } from '../core/durations.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Hire } from '../facts/facts.js';
import { duration } from '../parameters/durations.js';
import { organisationIs, QY102 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople } from '../rules/items.js';
import {
  notClaimedFor,
  ONE_TIME_EXPANSION,
  ONE_TIME_HIRING,
  recentGraduate,
  youngRegisteredUnemployed,
} from './one-time-hiring.js';

/**
 * 一次性扩岗补助 — 庆阳 2023: 1500元 per hire of a recent graduate or a registered-unemployed
 * young person, once the unit has paid a month of unemployment, injury and pension insurance for
 * them. Paid from the unemployment insurance fund; not with 一次性吸纳就业补贴 for the same person.
 */
const basis = QY102('第8条');
const leftSchool = duration('hiring.graduate-left-school-years', basis);
const insured = duration('expansion.insured-months', basis);
const rules = [
  itemRule<Hire>(
    'HIRE_GROUP',
    `须为毕业年度或离校${leftSchool.value}年内未就业高校毕业生、登记失业的16—24周岁青年`,
    'Must be a recent graduate or a registered-unemployed person aged 16–24',
    (h) =>
      recentGraduate(h.person, h.contractStart, leftSchool) || youngRegisteredUnemployed(h.person, h.contractStart),
    [leftSchool],
  ),
  itemRule<Hire>(
    'HIRE_INSURED_ONE_MONTH',
    `须签订劳动合同并缴纳失业、工伤、职工养老保险费${spanText(insured).zh}以上`,
    `A contract and at least ${insured.value === 1 ? 'a month' : spanText(insured).en} of unemployment, injury and pension insurance`,
    (h) => (h.insuredMonths ?? 0) >= monthsOf(insured),
    [insured],
  ),
  notClaimedFor(
    [ONE_TIME_HIRING, ONE_TIME_EXPANSION],
    '同一人员一次性吸纳就业补贴和一次性扩岗补助不能重复享受',
    'The hiring subsidy and the expansion subsidy are not both paid for one person',
  ),
];

export const OneTimeExpansionSubsidy = defineSubsidy({
  id: ONE_TIME_EXPANSION,
  source: import.meta.url,
  name: text('一次性扩岗补助', 'One-time job-expansion subsidy'),
  applicant: 'organisation',
  fund: 'unemployment-insurance-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'one-time-expansion/qingyang-2023',
      region: '621000',
      basis,
      from: '2023-10-27',
      to: '2023-12-31',
      who: text(
        '招用高校毕业生、登记失业青年并缴纳社会保险1个月以上的企业',
        'Enterprises hiring recent graduates or young registered unemployed with a month of insurance',
      ),
      standard: text('每人1500元，与一次性吸纳就业补贴不重复享受', '¥1,500 per person; not with the hiring subsidy'),
      materials: [text('劳动合同', 'Labour contracts'), text('社会保险缴费记录', 'Insurance records')],
      parameters: ['expansion.per-person'],
      conditions: [
        organisationIs(
          ['enterprise', 'individual-business'],
          {
            zh: '申请单位须为企业或以单位形式参保的个体工商户',
            en: 'The applicant must be an enterprise or an individual business insured as a unit',
          },
          QY102('第2条'),
        ),
        qualifyingPeople(
          'QUALIFYING_HIRES',
          text('须有符合条件的招用人员', 'At least one eligible hire'),
          basis,
          (ctx) => ctx.claim.hires,
          rules,
        ),
      ],
      amount: (ctx) =>
        perHead(
          ctx,
          'expansion.per-person',
          assessItems(ctx, ctx.claim.hires, rules).qualifying.length,
          basis,
          text('一次性扩岗补助', 'Expansion subsidy'),
        ),
    }),
  ],
});
