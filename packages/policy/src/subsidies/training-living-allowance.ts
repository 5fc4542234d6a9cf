import { condition, outcome, perHead } from '../core/build.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, type Condition } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasAnyStatus, hasStatus } from '../facts/queries.js';
import { CS181, GZ2022, notCivilServiceStaff } from '../rules/common.js';

/**
 * 生活费补贴 — living allowance during training: for rural and urban-低保 trainees in 劳动预备制
 * training (national), and 40元 a day for poverty-alleviated workers in rural practical training
 * in 贵州's key counties.
 */
export const TRAINING_LIVING_ALLOWANCE = 'training-living-allowance';

const trainingDays: Condition<PersonFacts> = condition(
  'TRAINING_DAYS',
  text('须申报实际参训天数', 'The days of training attended must be given'),
  CS181('第五条（一）'),
  (ctx) => (ctx.claim.trainingDays ?? 0) > 0,
);

function days(ctx: { claim: { trainingDays?: number } }): number {
  return ctx.claim.trainingDays ?? 0;
}

export const TrainingLivingAllowance = defineSubsidy({
  id: TRAINING_LIVING_ALLOWANCE,
  source: import.meta.url,
  name: text('培训期间生活费补贴', 'Living allowance during training'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'training-living-allowance/national-2023',
      region: '000000',
      basis: CS181('第五条（一）'),
      from: '2023-12-20',
      who: text(
        '参加劳动预备制培训的农村学员和城市低保家庭学员',
        'Rural and urban-minimum-living-guarantee trainees in labour-preparatory training',
      ),
      standard: text('按日计发，标准由省级确定', 'Per day, at a standard the province sets'),
      materials: [
        text('身份证件', 'ID card'),
        text('劳动预备制培训考勤记录', 'Attendance record of the labour-preparatory training'),
      ],
      parameters: ['training-living-allowance.per-day'],
      conditions: [
        condition<PersonFacts>(
          'LABOUR_PREPARATORY_TRAINING',
          text(
            '须为城乡未继续升学的应届初高中毕业生参加劳动预备制培训',
            'Must be a school-leaver not continuing study, in labour-preparatory training',
          ),
          CS181('第五条（一）'),
          (ctx) =>
            ctx.claim.trainingScheme === 'labour-preparatory' && hasStatus(ctx.applicant, 'school-leaver', ctx.date),
        ),
        condition<PersonFacts>(
          'RURAL_OR_URBAN_DIBAO',
          text(
            '须为农村学员或城市低保家庭学员',
            'Must be a rural trainee or from an urban minimum-living-guarantee household',
          ),
          CS181('第五条（一）'),
          (ctx) =>
            ctx.applicant.rural === true || hasStatus(ctx.applicant, 'dibao-household', ctx.date)
              ? true
              : outcome(
                  false,
                  '非农村学员且非城市低保家庭',
                  'Neither rural nor from a minimum-subsistence (dibao) household',
                ),
        ),
        trainingDays,
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: (ctx) =>
        perHead(
          ctx,
          'training-living-allowance.per-day',
          days(ctx),
          CS181('第十五条'),
          text('每天生活费 × 参训天数', 'Daily allowance × days'),
        ),
    }),
    ...schemesAsTextsArrive(
      {
        id: 'training-living-allowance/guizhou-2022',
        region: '520000',
        basis: GZ2022('三（十）'),
        from: '2022-01-14',
        who: text(
          '重点帮扶县参加农业农村实用技术培训的贫困劳动力',
          'Poverty-alleviated workers in rural practical training in key assistance counties',
        ),
        standard: text('每人每天40元', '¥40 per person per day'),
        materials: [text('身份证件', 'ID card'), text('培训考勤记录', 'Attendance record')],
        parameters: ['training-living-allowance.per-day'],
        conditions: [
          condition<PersonFacts>(
            'RURAL_PRACTICAL_TRAINING',
            text(
              '须参加依托龙头企业、农民专业合作社等开展的农业种植养殖实用技术培训',
              'Must attend practical farming training run by leading enterprises or cooperatives',
            ),
            GZ2022('三（十）'),
            (ctx) => ctx.claim.trainingScheme === 'rural-practical',
          ),
          condition<PersonFacts>(
            'POVERTY_ALLEVIATED_WORKER',
            text(
              '须为重点帮扶县的脱贫劳动力或防止返贫监测对象',
              'Must be a poverty-alleviated worker or under poverty-return monitoring, from a key assistance county',
            ),
            GZ2022('三（十）'),
            (ctx) =>
              hasAnyStatus(ctx.applicant, ['poverty-alleviated', 'poverty-monitoring'], ctx.date) &&
              hasStatus(ctx.applicant, 'priority-county-resident', ctx.date),
          ),
          trainingDays,
          notCivilServiceStaff(CS181('第十六条')),
        ],
        amount: (ctx) =>
          perHead(
            ctx,
            'training-living-allowance.per-day',
            days(ctx),
            GZ2022('三（十）'),
            text('每人每天40元 × 参训天数', '¥40 a day × days'),
          ),
      },
      { '2023-12-20': 'training-living-allowance/guizhou-2023' },
    ),
  ],
});
