import { condition, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasAnyStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { GZ2022, notReceivedBefore, QY102 } from '../rules/common.js';

/**
 * 一次性往返交通补助 — travel money for poverty-alleviated workers who go out to work: 庆阳 up to
 * 600元 to another province and 300元 within the province, in local tiers; 贵州 up to 500元 after
 * 3 months of stable work in another province. Paid from rural-revitalisation link funds.
 */
export const LABOUR_EXPORT_TRANSPORT = 'labour-export-transport';

function tieredAmount(ctx: EvaluationContext<PersonFacts>, citation: Citation): AmountResult {
  const where = ctx.claim.export?.destination === 'other-province' ? 'other-province' : 'within-province';
  const cap = ctx.param(`labour-export.transport.${where}.cap`);
  const tier = ctx.param(`labour-export.transport.${where}`);
  if (!cap) return standardNotSet(`labour-export.transport.${where}.cap`, citation);
  if (!tier) return standardNotSet(`labour-export.transport.${where}`, citation);
  const amountFen = Math.min(tier.value, cap.value);
  return {
    amountFen,
    explanation: text(
      `当地分档标准${formatYuan(tier.value)}，不超过${formatYuan(cap.value)}：${formatYuan(amountFen)}`,
      `Local tier ${formatYuanEn(tier.value)}, at most ${formatYuanEn(cap.value)}: ${formatYuanEn(amountFen)}`,
    ),
    citation,
  };
}

const stable = duration('labour-export.transport.stable-months', GZ2022('二（三）'));

export const LabourExportTransportSubsidy = defineSubsidy({
  id: LABOUR_EXPORT_TRANSPORT,
  source: import.meta.url,
  name: text('一次性往返交通补助', 'One-time travel subsidy for workers going out to work'),
  applicant: 'person',
  fund: 'rural-revitalisation-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'labour-export-transport/qingyang-2023',
      region: '621000',
      basis: QY102('第21条'),
      from: '2023-10-27',
      who: text('外出务工的脱贫劳动力', 'Poverty-alleviated workers who go out to work'),
      standard: text(
        '跨省就业不超过600元、省内就近就业不超过300元，分档给予',
        'Up to ¥600 across provinces, ¥300 within the province, in tiers',
      ),
      materials: [text('身份证件', 'ID card'), text('务工证明', 'Proof of work')],
      parameters: [
        'labour-export.transport.other-province.cap',
        'labour-export.transport.within-province.cap',
        'labour-export.transport.other-province',
        'labour-export.transport.within-province',
      ],
      conditions: [
        condition<PersonFacts>(
          'POVERTY_ALLEVIATED',
          text('须为脱贫劳动力', 'Must be a poverty-alleviated worker'),
          QY102('第21条'),
          (ctx) => hasAnyStatus(ctx.applicant, ['poverty-alleviated'], ctx.date),
        ),
        condition<PersonFacts>(
          'WORKING_AWAY',
          text('须外出务工就业（跨省或省内）', 'Must be working away from home'),
          QY102('第21条'),
          (ctx) => ctx.claim.export !== undefined,
        ),
      ],
      amount: (ctx) => tieredAmount(ctx, QY102('第21条')),
    }),
    scheme({
      id: 'labour-export-transport/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（三）'),
      from: '2022-01-14',
      who: text(
        '在省外稳定就业3个月以上的脱贫人口（含防止返贫监测对象）',
        'Poverty-alleviated people (incl. monitored) working stably in another province for 3 months',
      ),
      standard: text('最高不超过500元', 'Up to ¥500'),
      materials: [text('身份证件', 'ID card'), text('务工地就业证明', 'Proof of employment')],
      parameters: ['labour-export.transport.other-province.cap', 'labour-export.transport.other-province'],
      conditions: [
        condition<PersonFacts>(
          'POVERTY_ALLEVIATED',
          text('须为脱贫人口或防止返贫监测对象', 'Must be poverty-alleviated or monitored'),
          GZ2022('二（三）'),
          (ctx) => hasAnyStatus(ctx.applicant, ['poverty-alleviated', 'poverty-monitoring'], ctx.date),
        ),
        condition<PersonFacts>(
          'STABLE_THREE_MONTHS_OTHER_PROVINCE',
          text(
            `须在省外稳定就业${spanText(stable).zh}及以上`,
            `Must have worked stably in another province for ${spanText(stable).en}`,
          ),
          GZ2022('二（三）'),
          (ctx) => {
            const e = ctx.claim.export;
            if (!e || e.destination !== 'other-province')
              return outcome(false, '未在省外就业', 'Not working in another province');
            return e.stableMonths >= monthsOf(stable)
              ? true
              : outcome(false, `稳定就业${e.stableMonths}个月`, `Worked ${e.stableMonths} months`);
          },
          [stable],
        ),
        notReceivedBefore([LABOUR_EXPORT_TRANSPORT], GZ2022('二（三）'), '一次性交通补贴', 'The travel subsidy'),
      ],
      amount: (ctx) => tieredAmount(ctx, GZ2022('二（三）')),
    }),
  ],
});
