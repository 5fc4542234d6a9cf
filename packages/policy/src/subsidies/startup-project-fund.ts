import { condition, notSet, outcome } from '../core/build.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasAnyStatus } from '../facts/queries.js';
import { QY102 } from '../rules/common.js';
import { claimedBusiness } from './one-time-startup.js';

/**
 * 省级创业带动就业资金补助 — 庆阳 第14条: "支持高校毕业生、农民工、退役军人等群体创办投资少、风险小的
 * 创业项目…按规定及时申报3—15万元省级创业带动就业资金补助". The province reviews the projects and
 * sets each grant; the engine checks who founded it, that the business runs, and that the grant
 * is within 3—15万元, and pays the grant reviewed.
 */
export const STARTUP_PROJECT_FUND = 'startup-project-fund';

const founderGroup = condition<PersonFacts>(
  'FOUNDER_GROUP',
  text('创业者须为高校毕业生、农民工或退役军人等群体', 'The founder must be a graduate, migrant worker or veteran'),
  QY102('第14条'),
  (ctx) =>
    ctx.applicant.graduation !== undefined ||
    hasAnyStatus(ctx.applicant, ['returning-migrant-worker', 'rural-transfer-worker', 'veteran'], ctx.date)
      ? true
      : outcome(false, '不属于高校毕业生、农民工、退役军人', 'Not a graduate, migrant worker or veteran'),
);

const projectRunning = condition<PersonFacts>(
  'PROJECT_BUSINESS',
  text('须已创办创业项目（经营主体）并正常经营', 'The project’s business must be founded and operating normally'),
  QY102('第14条'),
  (ctx) => {
    const b = claimedBusiness(ctx);
    if (!b) return outcome(false, '未找到创办的经营主体', 'No business on record');
    if (b.registeredOn > ctx.date || (b.deregisteredOn !== undefined && b.deregisteredOn <= ctx.date))
      return outcome(false, '经营主体不在存续期', 'The business is not registered on the day');
    return b.operatingNormally ? true : outcome(false, '经营状态异常', 'Not operating normally');
  },
);

const grantInRange = condition<PersonFacts>(
  'GRANT_IN_RANGE',
  text(
    '补助额度须在3—15万元之间，以省级评审结果为准',
    'The grant, as the province reviewed it, must be ¥30,000 to ¥150,000',
  ),
  QY102('第14条'),
  (ctx) => {
    const grant = ctx.claim.projectGrantFen;
    if (grant === undefined) return outcome(false, '未申报评审确定的补助额度', 'No reviewed grant given');
    const min = ctx.param('startup-project.min');
    const max = ctx.param('startup-project.max');
    if (!min || !max) return notSet(min ? 'startup-project.max' : 'startup-project.min');
    return grant >= min.value && grant <= max.value
      ? true
      : outcome(false, `评审额度${formatYuan(grant)}`, `Reviewed grant ${formatYuanEn(grant)}`);
  },
);

function reviewedGrant(ctx: EvaluationContext<PersonFacts>): AmountResult {
  const grant = ctx.claim.projectGrantFen ?? 0;
  return {
    amountFen: grant,
    explanation: text(
      `省级评审确定的创业项目补助：${formatYuan(grant)}`,
      `Project grant as the province reviewed it: ${formatYuanEn(grant)}`,
    ),
    citation: QY102('第14条'),
  };
}

export const StartupProjectFund = defineSubsidy({
  id: STARTUP_PROJECT_FUND,
  source: import.meta.url,
  name: text('省级创业带动就业资金补助', 'Provincial start-up project grant'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'startup-project-fund/qingyang-2023',
      region: '621000',
      basis: QY102('第14条'),
      from: '2023-10-27',
      who: text(
        '创办投资少、风险小的创业项目的高校毕业生、农民工、退役军人等',
        'Graduates, migrant workers, veterans and others founding low-cost, low-risk projects',
      ),
      standard: text('3—15万元，按省级评审结果', '¥30,000–¥150,000, as the province reviews each project'),
      materials: [
        text('创业项目申报书', 'Project application'),
        text('营业执照', 'Business licence'),
        text('省级评审结果', 'The provincial review result'),
      ],
      parameters: ['startup-project.min', 'startup-project.max'],
      conditions: [founderGroup, projectRunning, grantInRange],
      amount: reviewedGrant,
    }),
  ],
});
