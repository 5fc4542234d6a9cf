import { perHead } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { ClaimFacts, OrganisationFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { organisationIs, QY102, SC34 } from '../rules/common.js';
import { assessItems, itemRule, qualifyingPeople, type ItemRule } from '../rules/items.js';

/**
 * 有组织劳务输转奖补 / 就业创业服务补助 — per-head payments to human-resources agencies, labour
 * cooperatives and brokers who place poverty-alleviated workers in jobs: 庆阳 200元 (contract of
 * 6 months actually served), 四川 300元 (contract of a year with insurance, key counties only).
 */
export const LABOUR_EXPORT_SERVICE_REWARD = 'labour-export-service-reward';
type Worker = NonNullable<ClaimFacts['workers']>[number];

const agencies = organisationIs(
  ['hr-service-agency', 'labour-broker'],
  {
    zh: '申请单位须为经营性人力资源服务机构、劳务中介机构、劳务专业合作社或劳务经纪人',
    en: 'The applicant must be a human-resources agency, labour cooperative or broker',
  },
  QY102('第21条'),
);

const qingyangContract = duration('labour-export.service-reward.contract-months', QY102('第21条'));
const qingyang: ItemRule<Worker>[] = [
  itemRule<Worker>('WORKER_POVERTY_ALLEVIATED', '须为脱贫劳动力', 'Must be a poverty-alleviated worker', (w, ctx) =>
    hasStatus(w.person, 'poverty-alleviated', ctx.date),
  ),
  itemRule<Worker>(
    'WORKER_SIX_MONTHS',
    `须签订并实际履行${spanText(qingyangContract).zh}以上劳动合同`,
    `A contract of ${spanText(qingyangContract).en} or more, actually served`,
    (w) => w.contractMonths >= monthsOf(qingyangContract) && w.workedMonths >= monthsOf(qingyangContract),
    [qingyangContract],
  ),
];
const sichuanContract = duration('labour-export.service-reward.contract-months', SC34('（十六）'));
const sichuan: ItemRule<Worker>[] = [
  itemRule<Worker>(
    'WORKER_POVERTY_ALLEVIATED',
    '须为乡村振兴重点帮扶县、欠发达县域或易地搬迁集中安置区的脱贫人口',
    'Must be poverty-alleviated from a key county, less-developed county or relocation site',
    (w, ctx) =>
      hasStatus(w.person, 'poverty-alleviated', ctx.date) && hasStatus(w.person, 'priority-county-resident', ctx.date),
  ),
  itemRule<Worker>(
    'WORKER_CONTRACT_YEAR_INSURED',
    `须协助签订${spanText(sichuanContract).zh}以上劳动合同并参加社会保险`,
    `A contract of ${spanText(sichuanContract).en} or more with insurance`,
    (w) => w.contractMonths >= monthsOf(sichuanContract) && w.insuredMonths >= 1,
    [sichuanContract],
  ),
];

const who = text(
  '组织脱贫劳动力到企业稳定就业的人力资源服务机构、劳务中介、劳务经纪人',
  'Agencies and brokers that place poverty-alleviated workers in stable jobs',
);
const materials = [
  text('输转人员名册', 'Roster of placed workers'),
  text('劳动合同及履约证明', 'Contracts and proof they were served'),
];

const qualifyingWorkers = (basis: Citation, rules: readonly ItemRule<Worker>[]) =>
  qualifyingPeople(
    'QUALIFYING_WORKERS',
    text('须有符合条件的输转人员', 'At least one eligible placed worker'),
    basis,
    (ctx) => ctx.claim.workers,
    rules,
  );
const perWorker =
  (basis: Citation, rules: readonly ItemRule<Worker>[]) => (ctx: EvaluationContext<OrganisationFacts>) =>
    perHead(
      ctx,
      'labour-export.service-reward',
      assessItems(ctx, ctx.claim.workers, rules).qualifying.length,
      basis,
      text('每人奖补', 'Per worker'),
    );

export const LabourExportServiceReward = defineSubsidy({
  id: LABOUR_EXPORT_SERVICE_REWARD,
  source: import.meta.url,
  name: text('有组织劳务输转奖补', 'Reward for organised labour placement'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'labour-export-service-reward/qingyang-2023',
      region: '621000',
      basis: QY102('第21条'),
      from: '2023-10-27',
      who,
      standard: text('每人200元', '¥200 per worker'),
      materials,
      parameters: ['labour-export.service-reward'],
      conditions: [agencies, qualifyingWorkers(QY102('第21条'), qingyang)],
      amount: perWorker(QY102('第21条'), qingyang),
    }),
    scheme({
      id: 'labour-export-service-reward/sichuan-2024',
      region: '510000',
      basis: SC34('（十六）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who,
      standard: text('每人300元', '¥300 per worker'),
      materials,
      parameters: ['labour-export.service-reward'],
      conditions: [agencies, qualifyingWorkers(SC34('（十六）'), sichuan)],
      amount: perWorker(SC34('（十六）'), sichuan),
    }),
  ],
});
