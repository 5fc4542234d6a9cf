import { condition, fixed, outcome } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, material, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasAnyStatus, isInGraduationAcademicYear } from '../facts/queries.js';
import { CS181, notCivilServiceStaff, notReceivedBefore, QY102, SC2025, SC34 } from '../rules/common.js';

/**
 * 一次性求职补贴 — one-time job-seeking subsidy for graduates in their graduation academic year
 * from low-income, zero-employment, poverty-monitored or 特困 families, disabled graduates and
 * graduates with a national student loan. Published at the school before payment (181号 第二十八条).
 */
export const ONE_TIME_JOB_SEEKING = 'one-time-job-seeking';

function inGraduationYear(citation: Citation): Condition<PersonFacts> {
  return condition(
    'GRADUATION_ACADEMIC_YEAR',
    text('须为毕业学年内的高校毕业生', 'Must be a graduate in the graduation academic year'),
    citation,
    (ctx) => {
      if (!ctx.applicant.graduation) return outcome(false, '无高校毕业信息', 'No graduation on record');
      return isInGraduationAcademicYear(ctx.applicant, ctx.date)
        ? true
        : outcome(
            false,
            `毕业时间${ctx.applicant.graduation.date}，申请日不在毕业学年内`,
            `Graduated ${ctx.applicant.graduation.date}; not in the graduation academic year`,
          );
    },
  );
}

function hardship(citation: Citation): Condition<PersonFacts> {
  return condition(
    'JOB_SEEKING_HARDSHIP',
    text(
      '须为低保家庭、零就业家庭、防止返贫监测对象家庭、特困人员中的高校毕业生，或残疾、获得国家助学贷款的高校毕业生',
      'Must be from a minimum-subsistence (dibao), zero-employment or poverty-monitored family, be a person in extreme hardship (tekun), disabled, or hold a national student loan',
    ),
    citation,
    (ctx) =>
      hasAnyStatus(
        ctx.applicant,
        [
          'dibao-household',
          'zero-employment-household',
          'poverty-monitoring',
          'tekun',
          'disabled',
          'national-student-loan',
        ],
        ctx.date,
      ),
  );
}

const who = text(
  '毕业学年内积极求职创业的困难家庭高校毕业生、残疾及获得国家助学贷款的高校毕业生',
  'Graduates in their graduation year from hardship families, disabled, or with a national student loan',
);
const materials = [
  text('身份证件', 'ID card'),
  material(
    '困难身份证明（低保证、残疾证、助学贷款合同等，可共享核验的免交）',
    'Proof of hardship status (not needed where shared data confirms it)',
    'statuses',
  ),
  text('学校出具的在校公示结果', "The school's publicity result"),
];
const notGrantedBefore = (basis: Citation) =>
  notReceivedBefore<PersonFacts>([ONE_TIME_JOB_SEEKING], basis, '一次性求职补贴', 'The job-seeking subsidy');
const amount = (basis: Citation) => (ctx: EvaluationContext<PersonFacts>) =>
  fixed(ctx, 'job-seeking.amount', basis, text('一次性求职补贴', 'Job-seeking subsidy'));

export const OneTimeJobSeekingSubsidy = defineSubsidy({
  id: ONE_TIME_JOB_SEEKING,
  source: import.meta.url,
  name: text('一次性求职补贴', 'One-time job-seeking subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'before-payment',
  schemes: [
    scheme({
      id: 'one-time-job-seeking/national-2023',
      region: '000000',
      basis: CS181('第八条'),
      from: '2023-12-20',
      who,
      standard: text('标准由省级确定', 'Set by the province'),
      materials,
      parameters: ['job-seeking.amount'],
      conditions: [
        inGraduationYear(CS181('第八条')),
        hardship(CS181('第八条')),
        notCivilServiceStaff(CS181('第十六条')),
        notGrantedBefore(CS181('第八条')),
      ],
      amount: amount(CS181('第八条')),
    }),
    ...schemesAsTextsArrive(
      {
        id: 'one-time-job-seeking/qingyang-2023',
        region: '621000',
        basis: QY102('第22条'),
        from: '2023-10-27',
        who,
        standard: text('每人1000元', '¥1,000 per person'),
        materials,
        parameters: ['job-seeking.amount'],
        conditions: [
          inGraduationYear(QY102('第22条')),
          hardship(QY102('第22条')),
          notCivilServiceStaff(CS181('第十六条')),
          notGrantedBefore(QY102('第22条')),
        ],
        amount: amount(QY102('第22条')),
      },
      { '2023-12-20': 'one-time-job-seeking/qingyang-2023-12' },
    ),
    scheme({
      id: 'one-time-job-seeking/sichuan-2024',
      region: '510000',
      basis: SC34('（十四）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who,
      standard: text('每人1500元', '¥1,500 per person'),
      materials,
      parameters: ['job-seeking.amount'],
      conditions: [
        inGraduationYear(SC34('（十四）')),
        hardship(SC34('（十四）')),
        notCivilServiceStaff(CS181('第十六条')),
        notGrantedBefore(SC34('（十四）')),
      ],
      amount: amount(SC34('（十四）')),
    }),
    scheme({
      id: 'one-time-job-seeking/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（七）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard: text(
        '标准按规定（2025年底前为1500元，此后以现行参数为准）',
        'As prescribed (¥1,500 to the end of 2025; after that, the parameter in force)',
      ),
      materials,
      parameters: ['job-seeking.amount'],
      conditions: [
        inGraduationYear(SC2025('第六条（七）')),
        hardship(SC2025('第六条（七）')),
        notCivilServiceStaff(SC2025('第十三条')),
        notGrantedBefore(SC2025('第六条（七）')),
      ],
      amount: amount(SC2025('第六条（七）')),
    }),
  ],
});
