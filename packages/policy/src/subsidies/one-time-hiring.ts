import { formatYuan, formatYuanEn } from '../core/money.js';
import { ageOn, wholeMonthsBetween } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText, type Duration } from '../core/durations.js';
import { condition, standardNotSet } from '../core/build.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Hire, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import {
  birthDateOf,
  hasAnyStatus,
  hasStatus,
  isGraduatingYear,
  leftSchoolWithinYears,
  statusSince,
  unemployedSinceGraduation,
} from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { GZ2022, organisationIs, QY102, SC34 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople, type ItemRule } from '../rules/items.js';

/**
 * 一次性吸纳就业补贴 — a one-off payment per eligible person a unit hires. 庆阳 1000元 (2023),
 * 四川 2000元 (2024–2025), 贵州 500元 for hires from the three groups of rural poor. Not paid for
 * a hire the unit already had 一次性扩岗补助 for (庆政办发〔2023〕102号 第8条).
 */
export const ONE_TIME_HIRING = 'one-time-hiring';
export const ONE_TIME_EXPANSION = 'one-time-expansion';

export function youngRegisteredUnemployed(person: PersonFacts, on: string): boolean {
  const birth = birthDateOf(person);
  if (!birth) return false;
  const age = ageOn(birth, on);
  return age >= 16 && age <= 24 && hasStatus(person, 'registered-unemployed', on);
}

/** 毕业年度或离校N年内未就业高校毕业生, N being `leftSchool`. */
export function recentGraduate(person: PersonFacts, on: string, leftSchool: Duration): boolean {
  return (
    isGraduatingYear(person, on) ||
    (leftSchoolWithinYears(person, on, leftSchool.value) && unemployedSinceGraduation(person, on))
  );
}

/** The hire was not already claimed for under any of these subsidies, by this unit. */
export function notClaimedFor(ids: readonly string[], zh: string, en: string): ItemRule<Hire> {
  return itemRule<Hire>(
    'HIRE_NOT_CLAIMED',
    zh,
    en,
    (hire, ctx) =>
      !(ctx.applicant.subsidies ?? []).some((s) => ids.includes(s.subsidy) && s.personId === hire.person.idNumber),
  );
}

/** 签订1年以上劳动合同; a hire listed without a term is taken to have an open-ended contract. */
function contractAtLeast(contract: Duration): ItemRule<Hire> {
  return itemRule<Hire>(
    'HIRE_CONTRACT_ONE_YEAR',
    `须签订${spanText(contract).zh}以上劳动合同`,
    `The contract must run ${spanText(contract).en} or more`,
    (h) => h.contractMonths === undefined || h.contractMonths >= monthsOf(contract),
    [contract],
  );
}

function perPerson(
  ctx: EvaluationContext<OrganisationFacts>,
  rules: readonly ItemRule<Hire>[],
  basis: Citation,
  byHousehold = false,
): AmountResult {
  const p = ctx.param('hiring.per-person');
  if (!p) return standardNotSet('hiring.per-person', basis);
  const { qualifying } = assessItems(ctx, ctx.claim.hires, rules);
  const count = byHousehold
    ? new Set(qualifying.map((h) => h.person.householdId ?? h.person.idNumber)).size
    : qualifying.length;
  const amountFen = p.value * count;
  const unit = byHousehold ? '户' : '人';
  return {
    amountFen,
    explanation: text(
      `${formatYuan(p.value)}/${unit} × ${count}${unit} = ${formatYuan(amountFen)}`,
      `${formatYuanEn(p.value)} × ${count} ${byHousehold ? 'households' : 'people'} = ${formatYuanEn(amountFen)}`,
    ),
    citation: p.citation ?? basis,
  };
}

const qingyangGraduate = duration('hiring.graduate-left-school-years', QY102('第8条'));
const qingyangUnemployed = duration('hiring.registered-unemployed-months', QY102('第22条'));
/** 第22条 says 半年 where the rule texts elsewhere count months. */
const unemployedSpan = qingyangUnemployed.value === 6 ? '半年' : spanText(qingyangUnemployed).zh;
const qingyangRules = [
  itemRule<Hire>(
    'HIRE_GROUP',
    `须为毕业年度或离校${qingyangGraduate.value}年内未就业高校毕业生、登记失业的16—24周岁青年，或登记失业${unemployedSpan}以上人员`,
    `Must be a recent graduate, a registered-unemployed person aged 16–24, or registered unemployed for ${spanText(qingyangUnemployed).en} or more`,
    (h) => {
      const since = statusSince(h.person, 'registered-unemployed', h.contractStart);
      return (
        recentGraduate(h.person, h.contractStart, qingyangGraduate) ||
        youngRegisteredUnemployed(h.person, h.contractStart) ||
        (since !== undefined && wholeMonthsBetween(since, h.contractStart) >= monthsOf(qingyangUnemployed))
      );
    },
    [qingyangGraduate, qingyangUnemployed],
  ),
  contractAtLeast(duration('hiring.contract-months', QY102('第8条'))),
  notClaimedFor(
    [ONE_TIME_HIRING, ONE_TIME_EXPANSION],
    '同一人员一次性吸纳就业补贴和一次性扩岗补助不能重复享受',
    'The hiring subsidy and the expansion subsidy are not both paid for one person',
  ),
];

const sichuanRules = [
  itemRule<Hire>(
    'HIRE_GROUP',
    '须为毕业年度大学生、防止返贫监测对象或就业困难人员',
    'Must be a graduating-year graduate, under poverty-return monitoring, or hard to employ',
    (h) =>
      isGraduatingYear(h.person, h.contractStart) ||
      hasAnyStatus(h.person, ['poverty-monitoring', 'hard-to-employ'], h.contractStart),
  ),
  contractAtLeast(duration('hiring.contract-months', SC34('（四）'))),
  itemRule<Hire>(
    'HIRE_INSURED',
    '须按规定缴纳社会保险费',
    'Insurance must be paid for the hire',
    (h) => (h.insuredMonths ?? 0) >= 1,
  ),
  notClaimedFor([ONE_TIME_HIRING], '同一人员不得重复申领', 'A person is claimed for once'),
];

const guizhouRules = [
  itemRule<Hire>(
    'HIRE_GROUP',
    '须为脱贫人口、农村低收入人口或易地搬迁人口',
    'Must be poverty-alleviated, rural low-income or relocated',
    (h) => hasAnyStatus(h.person, ['poverty-alleviated', 'rural-low-income', 'relocated'], h.contractStart),
  ),
  notClaimedFor([ONE_TIME_HIRING], '同一人员不得重复申领', 'A person is claimed for once'),
];

const materials = [
  text('劳动合同', 'Labour contracts'),
  text('吸纳人员名册', 'Roster of hires'),
  text('社会保险缴费记录（可共享核验的免交）', 'Insurance records (not needed where shared data shows them)'),
];

const qualifyingHires = (basis: Citation, rules: readonly ItemRule<Hire>[]) =>
  qualifyingPeople(
    'QUALIFYING_HIRES',
    text('须有符合条件的吸纳人员', 'At least one eligible hire'),
    basis,
    (ctx) => ctx.claim.hires,
    rules,
  );

export const OneTimeHiringSubsidy = defineSubsidy({
  id: ONE_TIME_HIRING,
  source: import.meta.url,
  name: text('一次性吸纳就业补贴', 'One-time hiring subsidy'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'one-time-hiring/qingyang-2023',
      region: '621000',
      basis: QY102('第8条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who: text(
        '招用高校毕业生、登记失业青年或登记失业半年以上人员并签订1年以上劳动合同的企业',
        'Enterprises hiring recent graduates, young registered unemployed or the long-term unemployed on 1-year contracts',
      ),
      standard: text('每人1000元', '¥1,000 per person'),
      materials,
      parameters: ['hiring.per-person'],
      conditions: [
        organisationIs(
          ['enterprise', 'individual-business'],
          {
            zh: '申请单位须为企业或以单位形式参保的个体工商户',
            en: 'The applicant must be an enterprise or an individual business insured as a unit',
          },
          QY102('第2条'),
        ),
        qualifyingHires(QY102('第8条'), qingyangRules),
      ],
      amount: (ctx) => perPerson(ctx, qingyangRules, QY102('第8条')),
    }),
    scheme({
      id: 'one-time-hiring/sichuan-2024',
      region: '510000',
      basis: SC34('（四）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text(
        '招用毕业年度大学生、防止返贫监测对象、就业困难人员并签订1年以上劳动合同、缴纳社会保险的企业',
        'Enterprises hiring graduating-year graduates, monitored or hard-to-employ people on 1-year contracts with insurance',
      ),
      standard: text('每人2000元', '¥2,000 per person'),
      materials,
      parameters: ['hiring.per-person'],
      conditions: [
        organisationIs(
          ['enterprise', 'individual-business'],
          { zh: '申请单位须为企业', en: 'The applicant must be an enterprise' },
          SC34('（四）'),
        ),
        qualifyingHires(SC34('（四）'), sichuanRules),
      ],
      amount: (ctx) => perPerson(ctx, sichuanRules, SC34('（四）')),
    }),
    scheme({
      id: 'one-time-hiring/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（五）'),
      from: '2022-01-14',
      who: text(
        '吸纳"三类人员"就业的农民合作社、种养大户、家庭农场、就业援助小作坊、小微企业',
        'Cooperatives, large growers, family farms, assistance workshops and small/micro enterprises hiring the three groups',
      ),
      standard: text('每户500元', '¥500 per household'),
      materials,
      parameters: ['hiring.per-person'],
      conditions: [
        condition<OrganisationFacts>(
          'APPLICANT_UNIT_KIND',
          text(
            '申请单位须为农民合作社、种养大户、家庭农场、就业援助小作坊或小微企业',
            'The applicant must be a cooperative, large grower, family farm, assistance workshop or small/micro enterprise',
          ),
          GZ2022('二（五）'),
          (ctx) =>
            ['farmers-cooperative', 'large-grower', 'family-farm', 'assistance-workshop'].includes(
              ctx.applicant.category,
            ) ||
            (ctx.applicant.category === 'enterprise' &&
              (ctx.applicant.sizeClass === 'small' || ctx.applicant.sizeClass === 'micro')),
        ),
        qualifyingHires(GZ2022('二（五）'), guizhouRules),
      ],
      // 贵州 pays per household: two hires from one household count once.
      amount: (ctx) => perPerson(ctx, guizhouRules, GZ2022('二（五）'), true),
    }),
  ],
});
