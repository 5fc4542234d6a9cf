import { condition, outcome, standardNotSet } from '../core/build.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult } from '../core/subsidy.js';
import type { PersonFacts } from '../facts/facts.js';
import { text } from '../core/text.js';
import { hasAnyStatus, hasStatus } from '../facts/queries.js';
import { CS181, GZ2022, notCivilServiceStaff, notReceivedBefore, SC34 } from '../rules/common.js';

/**
 * 有组织劳务输出一次性求职补贴 — for poverty-alleviated workers who go to work outside their home
 * county through organised labour export: 四川 up to 400元; 贵州 500元 outside the county within the
 * province, 1000元 in another province, for the first organised export of the three groups.
 */
export const LABOUR_EXPORT_JOB_SEEKING = 'labour-export-job-seeking';

const organisedOutsideCounty = condition(
  'ORGANISED_EXPORT',
  text(
    '须通过有组织劳务输出到户籍所在县以外地区就业',
    'Must have gone to work outside the home county through organised labour export',
  ),
  SC34('（十六）'),
  (ctx) =>
    ctx.claim.export?.organised === true
      ? true
      : outcome(false, '未登记有组织劳务输出', 'No organised export on record'),
);

export const LabourExportJobSeekingSubsidy = defineSubsidy({
  id: LABOUR_EXPORT_JOB_SEEKING,
  source: import.meta.url,
  name: text('有组织劳务输出一次性求职补贴', 'One-time job-seeking subsidy for organised labour export'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'labour-export-job-seeking/sichuan-2024',
      region: '510000',
      basis: SC34('（十六）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text(
        '通过有组织劳务输出到户籍所在县以外地区就业的脱贫人口',
        'Poverty-alleviated people who work outside their home county through organised export',
      ),
      standard: text('不超过400元/人', 'Up to ¥400 per person'),
      materials: [text('身份证件', 'ID card'), text('务工地就业证明', 'Proof of employment where they work')],
      parameters: ['labour-export.job-seeking.cap', 'labour-export.job-seeking.standard'],
      conditions: [
        condition<PersonFacts>(
          'POVERTY_ALLEVIATED',
          text('须为脱贫人口', 'Must be poverty-alleviated'),
          SC34('（十六）'),
          (ctx) => hasStatus(ctx.applicant, 'poverty-alleviated', ctx.date),
        ),
        organisedOutsideCounty,
        notCivilServiceStaff(CS181('第十六条')),
        notReceivedBefore([LABOUR_EXPORT_JOB_SEEKING], SC34('（十六）'), '一次性求职补贴', 'This subsidy'),
      ],
      amount: (ctx): AmountResult => {
        const cap = ctx.param('labour-export.job-seeking.cap');
        const local = ctx.param('labour-export.job-seeking.standard');
        if (!cap || !local) return standardNotSet('labour-export.job-seeking.standard', SC34('（十六）'));
        const amountFen = Math.min(local.value, cap.value);
        return {
          amountFen,
          explanation: text(
            `当地标准${formatYuan(local.value)}，不超过${formatYuan(cap.value)}：${formatYuan(amountFen)}`,
            `Local standard ${formatYuanEn(local.value)}, at most ${formatYuanEn(cap.value)}: ${formatYuanEn(amountFen)}`,
          ),
          citation: SC34('（十六）'),
        };
      },
    }),
    ...schemesAsTextsArrive(
      {
        id: 'labour-export-job-seeking/guizhou-2022',
        region: '520000',
        basis: GZ2022('二（三）'),
        from: '2022-01-14',
        who: text(
          '首次通过有组织劳务输出到县外省内或省外务工的脱贫人口、农村低收入人口和搬迁人口',
          'The three groups on their first organised export outside the county or province',
        ),
        standard: text(
          '县外省内每人500元，省外每人1000元',
          '¥500 outside the county within the province; ¥1,000 in another province',
        ),
        materials: [text('身份证件', 'ID card'), text('劳动合同', 'Labour contract')],
        parameters: ['labour-export.job-seeking.outside-county', 'labour-export.job-seeking.other-province'],
        conditions: [
          condition<PersonFacts>(
            'THREE_GROUPS',
            text(
              '须为脱贫人口、农村低收入人口或易地搬迁人口',
              'Must be poverty-alleviated, rural low-income or relocated',
            ),
            GZ2022('二（三）'),
            (ctx) => hasAnyStatus(ctx.applicant, ['poverty-alleviated', 'rural-low-income', 'relocated'], ctx.date),
          ),
          condition<PersonFacts>(
            'FIRST_ORGANISED_EXPORT',
            text('须为首次通过有组织劳务输出方式外出务工', 'Must be the first organised export'),
            GZ2022('二（三）'),
            (ctx) => ctx.claim.export?.organised === true && ctx.claim.export.first,
          ),
          notCivilServiceStaff(CS181('第十六条')),
          notReceivedBefore([LABOUR_EXPORT_JOB_SEEKING], GZ2022('二（三）'), '一次性求职创业补贴', 'This subsidy'),
        ],
        amount: (ctx): AmountResult => {
          const where = ctx.claim.export?.destination === 'other-province' ? 'other-province' : 'outside-county';
          const p = ctx.param(`labour-export.job-seeking.${where}`);
          if (!p) return standardNotSet(`labour-export.job-seeking.${where}`, GZ2022('二（三）'));
          return {
            amountFen: p.value,
            explanation: text(
              `${where === 'other-province' ? '省外务工' : '县外省内务工'}：${formatYuan(p.value)}`,
              `${where === 'other-province' ? 'Another province' : 'Outside the county, same province'}: ${formatYuanEn(p.value)}`,
            ),
            citation: GZ2022('二（三）'),
          };
        },
      },
      { '2023-12-20': 'labour-export-job-seeking/guizhou-2023' },
    ),
  ],
});
