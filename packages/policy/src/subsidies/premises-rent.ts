import { condition, outcome, standardNotSet } from '../core/build.js';
import { formatYuan, formatYuanEn, shareOf } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasAnyStatus } from '../facts/queries.js';
import { GZ2022 } from '../rules/common.js';
import { claimedBusiness } from './one-time-startup.js';

/**
 * 场所租赁补贴 — premises rent subsidy for people who return to start a business in 贵州's key
 * counties (重点帮扶县实施意见 二（六）): "引导农民工等人员返乡创业…帮助有条件的群众脱贫，防止因返贫被监测
 * 的人员创业，按规定落实…场所租赁补贴". The text points at the rules in force ("按规定"), so the share
 * of the rent and its cap are the region's settings.
 */
export const PREMISES_RENT = 'premises-rent';

const returningFounder = condition<PersonFacts>(
  'RETURNING_FOUNDER',
  text(
    '须为返乡创业的农民工等人员、脱贫人口或防止返贫监测对象',
    'Must be a returning migrant worker, a person lifted out of poverty or under monitoring, starting a business',
  ),
  GZ2022('二（六）'),
  (ctx) =>
    hasAnyStatus(ctx.applicant, ['returning-migrant-worker', 'poverty-alleviated', 'poverty-monitoring'], ctx.date)
      ? true
      : outcome(
          false,
          '不属于返乡创业农民工、脱贫人口或监测对象',
          'Not a returning migrant worker, poverty-alleviated or monitored',
        ),
);

const businessInCounty = condition<PersonFacts>(
  'BUSINESS_RUNNING',
  text('须已创办经营主体并正常经营', 'The business must be registered and operating'),
  GZ2022('二（六）'),
  (ctx) => {
    const b = claimedBusiness(ctx);
    if (!b) return outcome(false, '未找到创办的经营主体', 'No business on record');
    if (b.registeredOn > ctx.date || (b.deregisteredOn !== undefined && b.deregisteredOn <= ctx.date))
      return outcome(false, '经营主体不在存续期', 'The business is not registered on the day');
    return b.operatingNormally ? true : outcome(false, '经营状态异常', 'Not operating normally');
  },
);

const rentPaid = condition<PersonFacts>(
  'RENT_PAID',
  text('须租赁经营场所并支付租金', 'Premises must be rented and the rent paid'),
  GZ2022('二（六）'),
  (ctx) => ((ctx.claim.rentFen ?? 0) > 0 ? true : outcome(false, '未申报已付租金', 'No rent paid given')),
);

function rentShare(ctx: EvaluationContext<PersonFacts>): AmountResult {
  const rent = ctx.claim.rentFen ?? 0;
  const share = ctx.param('premises-rent.share-permille');
  if (!share) return standardNotSet('premises-rent.share-permille', GZ2022('二（六）'));
  const cap = ctx.param('premises-rent.cap');
  const raw = shareOf(rent, share.value, 1000);
  const amountFen = cap ? Math.min(raw, cap.value) : raw;
  return {
    amountFen,
    explanation: text(
      `已付租金${formatYuan(rent)} × ${share.value / 10}%${cap ? `，最高${formatYuan(cap.value)}` : ''}：${formatYuan(amountFen)}`,
      `Rent ${formatYuanEn(rent)} × ${share.value / 10}%${cap ? `, at most ${formatYuanEn(cap.value)}` : ''}: ${formatYuanEn(amountFen)}`,
    ),
    citation: share.citation ?? GZ2022('二（六）'),
  };
}

export const PremisesRentSubsidy = defineSubsidy({
  id: PREMISES_RENT,
  source: import.meta.url,
  name: text('场所租赁补贴', 'Premises rent subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'premises-rent/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（六）'),
      from: '2022-01-14',
      who: text(
        '返乡创业的农民工等人员、脱贫人口和防止返贫监测对象',
        'Returning migrant workers and others, people lifted out of poverty or under monitoring, who start a business',
      ),
      standard: text(
        '按规定，按实际租金的一定比例补贴，标准和上限由当地确定',
        'A share of the rent paid, with the share and cap set locally',
      ),
      materials: [
        text('营业执照', 'Business licence'),
        text('场所租赁合同', 'Lease'),
        text('租金支付凭证', 'Proof of rent paid'),
      ],
      parameters: ['premises-rent.share-permille', 'premises-rent.cap'],
      conditions: [returningFounder, businessInCounty, rentPaid],
      amount: rentShare,
    }),
  ],
});
