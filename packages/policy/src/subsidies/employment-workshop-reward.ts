import { perHead } from '../core/build.js';
import { monthsOf, spanText } from '../core/durations.js';
import { isWithinRegion } from '../core/regions.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { ClaimFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { organisationIs, QY102 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople } from '../rules/items.js';

/**
 * 乡村就业工厂（就业帮扶车间）奖补 — 庆阳: 3000元 per person per year to rural employment
 * factories and assistance workshops for each local poverty-alleviated worker kept 6 months or
 * more. Paid from rural-revitalisation link funds.
 */
export const EMPLOYMENT_WORKSHOP_REWARD = 'employment-workshop-reward';
type Worker = NonNullable<ClaimFacts['workers']>[number];
const basis = QY102('第21条');
const worked = duration('employment-workshop.worked-months', basis);

const rules = [
  itemRule<Worker>(
    'WORKER_LOCAL_POVERTY_ALLEVIATED',
    '须为本地户籍脱贫劳动力',
    'Must be a poverty-alleviated worker with local household registration',
    (w, ctx) =>
      hasStatus(w.person, 'poverty-alleviated', ctx.date) &&
      w.person.hukouRegion !== undefined &&
      isWithinRegion(w.person.hukouRegion, ctx.applicant.region.slice(0, 4) + '00'),
  ),
  itemRule<Worker>(
    'WORKER_SIX_MONTHS',
    `须稳定就业${spanText(worked).zh}以上`,
    `Must have worked stably for ${spanText(worked).en} or more`,
    (w) => w.workedMonths >= monthsOf(worked),
    [worked],
  ),
];

export const EmploymentWorkshopReward = defineSubsidy({
  id: EMPLOYMENT_WORKSHOP_REWARD,
  source: import.meta.url,
  name: text('乡村就业工厂（就业帮扶车间）奖补', 'Reward for rural employment factories and assistance workshops'),
  applicant: 'organisation',
  fund: 'rural-revitalisation-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'employment-workshop-reward/qingyang-2023',
      region: '621000',
      basis,
      from: '2023-10-27',
      who: text(
        '就地就近吸纳本地户籍脱贫劳动力稳定就业6个月以上的乡村就业工厂（就业帮扶车间）',
        'Rural factories and workshops employing local poverty-alleviated workers for 6 months',
      ),
      standard: text('每人每年3000元', '¥3,000 per worker per year'),
      materials: [text('吸纳人员名册', 'Roster of workers'), text('工资发放记录', 'Payroll records')],
      parameters: ['employment-workshop.per-person-year'],
      conditions: [
        organisationIs(
          ['assistance-workshop', 'enterprise'],
          {
            zh: '申请单位须为乡村就业工厂或就业帮扶车间',
            en: 'The applicant must be a rural employment factory or assistance workshop',
          },
          basis,
        ),
        qualifyingPeople(
          'QUALIFYING_WORKERS',
          text('须有符合条件的脱贫劳动力', 'At least one eligible worker'),
          basis,
          (ctx) => ctx.claim.workers,
          rules,
        ),
      ],
      amount: (ctx) =>
        perHead(
          ctx,
          'employment-workshop.per-person-year',
          assessItems(ctx, ctx.claim.workers, rules).qualifying.length,
          basis,
          text('每人每年奖补', 'Per worker per year'),
        ),
    }),
  ],
});
