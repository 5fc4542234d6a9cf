import { condition, standardNotSet } from '../core/build.js';
import { ageOn } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Intern, OrganisationFacts } from '../facts/facts.js';
import { birthDateOf, hasStatus, leftSchoolWithinYears, unemployedSinceGraduation } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, QY102, SC2025, SC34 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople, type ItemRule } from '../rules/items.js';

/**
 * 就业见习补贴 — paid to the unit that takes on interns: graduates within 2 years of leaving school
 * and still unemployed, or registered-unemployed young people aged 16–24. A higher standard when
 * 50% or more of interns are kept on.
 */
export const EMPLOYMENT_INTERNSHIP = 'employment-internship';

/** 离校2年内未就业高校毕业生 or 16—24岁登记失业青年, the years since leaving school as `article` states them. */
function internRules(article: Citation): ItemRule<Intern>[] {
  const leftSchool = duration('internship.graduate-left-school-years', article);
  return [
    itemRule<Intern>(
      'INTERN_GROUP',
      `见习人员须为离校${leftSchool.value}年内未就业高校毕业生或16—24岁登记失业青年`,
      `Interns must be graduates within ${leftSchool.value} years of leaving school and unemployed, or registered-unemployed aged 16–24`,
      (intern) => {
        const p = intern.person;
        if (leftSchoolWithinYears(p, intern.from, leftSchool.value) && unemployedSinceGraduation(p, intern.from))
          return true;
        const birth = birthDateOf(p);
        if (!birth) return false;
        const age = ageOn(birth, intern.from);
        return age >= 16 && age <= 24 && hasStatus(p, 'registered-unemployed', intern.from);
      },
      [leftSchool],
    ),
    itemRule<Intern>(
      'INTERN_MONTHS',
      '须申报见习月数',
      'The months of internship must be given',
      (intern) => intern.months > 0,
    ),
  ];
}

/** The monthly standard: the local minimum wage where the text says so, else by retention tier. */
function monthlyStandard(
  ctx: EvaluationContext<OrganisationFacts>,
  basis: Citation,
): AmountResult | { perMonthFen: number; why: string; whyEn: string; citation: Citation } {
  if (ctx.param('internship.at-minimum-wage')?.value === 1) {
    const wage = ctx.param('minimum-wage.monthly');
    if (!wage) return standardNotSet('minimum-wage.monthly', SC34('（十三）'));
    return {
      perMonthFen: wage.value,
      why: '当地最低工资标准',
      whyEn: 'local minimum wage',
      citation: SC34('（十三）'),
    };
  }
  const retention = ctx.claim.retentionPermille ?? 0;
  for (const tier of [700, 600, 500]) {
    if (retention < tier) continue;
    const raised = ctx.param(`internship.monthly.retention-${tier}`);
    if (raised)
      return {
        perMonthFen: raised.value,
        why: `留用率达到${tier / 10}%`,
        whyEn: `retention at least ${tier / 10}%`,
        citation: raised.citation ?? basis,
      };
  }
  const base = ctx.param('internship.monthly');
  if (!base) return standardNotSet('internship.monthly', basis);
  return { perMonthFen: base.value, why: '基本标准', whyEn: 'base standard', citation: base.citation ?? basis };
}

function amount(
  ctx: EvaluationContext<OrganisationFacts>,
  basis: Citation,
  rules: readonly ItemRule<Intern>[],
): AmountResult {
  const standard = monthlyStandard(ctx, basis);
  if ('amountFen' in standard) return standard;
  const { qualifying } = assessItems(ctx, ctx.claim.interns, rules);
  const months = qualifying.reduce((sum, i) => sum + i.months, 0);
  const amountFen = standard.perMonthFen * months;
  return {
    amountFen,
    perMonthFen: standard.perMonthFen,
    months,
    explanation: text(
      `${standard.why}${formatYuan(standard.perMonthFen)}/人·月 × ${months}人·月 = ${formatYuan(amountFen)}`,
      `${standard.whyEn} ${formatYuanEn(standard.perMonthFen)} per intern-month × ${months} = ${formatYuanEn(amountFen)}`,
    ),
    citation: standard.citation,
  };
}

const who = text(
  '吸纳离校2年内未就业高校毕业生、16—24岁登记失业青年参加就业见习的单位',
  'Units that take on eligible interns',
);
const materials = [
  text('见习协议', 'Internship agreements'),
  text('见习人员名册及考勤', 'Roster and attendance of interns'),
  text('基本生活费发放凭证', 'Proof of living allowance paid to interns'),
];
const parameters = [
  'internship.monthly',
  'internship.monthly.retention-500',
  'internship.monthly.retention-600',
  'internship.monthly.retention-700',
  'minimum-wage.monthly',
];

const hostUnit = (basis: Citation) =>
  condition<OrganisationFacts>(
    'INTERNSHIP_UNIT',
    text('申请单位须为见习单位（企事业单位、社会组织等）', 'The applicant must be a unit hosting interns'),
    basis,
    (ctx) => ctx.applicant.category !== 'government-organ',
  );
/**
 * Who may be an intern: 离校2年内未就业高校毕业生 and 16—24岁失业青年, as each article paying for them
 * names them (财社〔2023〕181号 第七条; 庆阳 第12条 names the same two groups before 181号 exists).
 */
const qualifyingInterns = (rules: readonly ItemRule<Intern>[], citation: Citation) =>
  qualifyingPeople(
    'QUALIFYING_INTERNS',
    text('须有符合条件的见习人员', 'At least one eligible intern'),
    citation,
    (ctx) => ctx.claim.interns,
    rules,
  );

const nationalInterns = internRules(CS181('第七条'));
const qingyangInterns = internRules(QY102('第12条'));
const sichuan2024Interns = internRules(SC34('（十三）'));
const sichuan2025Interns = internRules(SC2025('第六条（六）'));

export const EmploymentInternshipSubsidy = defineSubsidy({
  id: EMPLOYMENT_INTERNSHIP,
  source: import.meta.url,
  name: text('就业见习补贴', 'Employment internship subsidy'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'employment-internship/national-2023',
      region: '000000',
      basis: CS181('第七条'),
      from: '2023-12-20',
      who,
      standard: text('标准由省级确定；留用率50%以上可提高', 'Set by the province; higher at 50% retention'),
      materials,
      parameters,
      conditions: [hostUnit(CS181('第七条')), qualifyingInterns(nationalInterns, CS181('第七条'))],
      amount: (ctx) => amount(ctx, CS181('第七条'), nationalInterns),
    }),
    scheme({
      id: 'employment-internship/qingyang-2023',
      region: '621000',
      basis: QY102('第12条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who,
      standard: text(
        '每人每月1000元；留用率50%、60%、70%以上分别为1200、1350、1500元',
        '¥1,000 a month; ¥1,200 / ¥1,350 / ¥1,500 at 50% / 60% / 70% retention',
      ),
      materials,
      parameters,
      conditions: [hostUnit(QY102('第12条')), qualifyingInterns(qingyangInterns, QY102('第12条'))],
      amount: (ctx) => amount(ctx, QY102('第12条'), qingyangInterns),
    }),
    scheme({
      id: 'employment-internship/sichuan-2024',
      region: '510000',
      basis: SC34('（十三）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who,
      standard: text('按当地最低工资标准', 'The local minimum wage'),
      materials,
      parameters,
      conditions: [hostUnit(SC34('（十三）')), qualifyingInterns(sichuan2024Interns, CS181('第七条'))],
      amount: (ctx) => amount(ctx, SC34('（十三）'), sichuan2024Interns),
    }),
    scheme({
      id: 'employment-internship/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（六）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard: text(
        '按规定标准（2025年底前为当地最低工资标准，此后以现行参数为准）；留用率50%以上可提高',
        'As prescribed (the local minimum wage to the end of 2025; after that, the parameters in force); higher where 50% or more are kept on',
      ),
      materials,
      parameters,
      conditions: [hostUnit(SC2025('第六条（六）')), qualifyingInterns(sichuan2025Interns, CS181('第七条'))],
      amount: (ctx) => amount(ctx, SC2025('第六条（六）'), sichuan2025Interns),
    }),
  ],
});
