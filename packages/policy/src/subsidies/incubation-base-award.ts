import { condition, fixed, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationDesignationKind, OrganisationFacts } from '../facts/facts.js';
import { DESIGNATION_NAMES } from '../facts/vocabulary.js';
import { GZ2022, QY102 } from '../rules/common.js';

/**
 * 创业孵化基地奖补 — awards to start-up parks and incubation bases as the regions grant them, apart
 * from the yearly service subsidy for incubation (就业创业服务补助):
 * - 庆阳 第15条: 认定为市、县级创业园区（孵化基地）的，按规定给予创业资金扶持; 对评定为优秀等次
 *   创业就业孵化基地的，按规定给予一次性补助 — a figure per designation, set locally.
 * - 贵州 二（六）: 根据入驻实体数量、孵化效果、促进就业效果对创业孵化基地进行奖励 — rates per
 *   entity hosted and per job created, set locally.
 */
export const INCUBATION_BASE_AWARD = 'incubation-base-award';

const QINGYANG_GRADES: readonly OrganisationDesignationKind[] = [
  'incubation-base-city',
  'incubation-base-county',
  'incubation-base-excellent',
];

function held(ctx: EvaluationContext<OrganisationFacts>, kinds: readonly OrganisationDesignationKind[]) {
  const wanted = ctx.claim.designation;
  return (ctx.applicant.designations ?? []).find(
    (d) =>
      kinds.includes(d.kind) &&
      (wanted === undefined || d.kind === wanted) &&
      d.from <= ctx.date &&
      (d.to === undefined || d.to >= ctx.date),
  );
}

const gradedQingyang: Condition<OrganisationFacts> = condition(
  'DESIGNATED',
  text(
    '须认定为市、县级创业园区（孵化基地）或评定为优秀等次创业就业孵化基地',
    'Must be designated a city or county start-up park, or an incubation base rated excellent',
  ),
  QY102('第15条'),
  (ctx) => (held(ctx, QINGYANG_GRADES) ? true : outcome(false, '未获认定或评定', 'Not designated or rated')),
);

const designatedBase = (citation: Citation): Condition<OrganisationFacts> =>
  condition('DESIGNATED', text('须为认定的创业孵化基地', 'Must be a designated incubation base'), citation, (ctx) =>
    held(ctx, ['incubation-base']) ? true : outcome(false, '未认定为创业孵化基地', 'Not a designated incubation base'),
  );

/** 入驻实体数量、孵化效果、促进就业效果: the figures the award is weighed by. */
const hostsAndJobs = (citation: Citation): Condition<OrganisationFacts> =>
  condition<OrganisationFacts>(
    'INCUBATION_FIGURES',
    text('须申报入驻实体数量及带动就业人数', 'The number of entities hosted and jobs created must be given'),
    citation,
    (ctx) => {
      const s = ctx.claim.service;
      if (!s || s.kind !== 'incubation' || s.served === 0)
        return outcome(false, '未申报入驻实体', 'No hosted entities given');
      return true;
    },
  );

function qingyangAward(ctx: EvaluationContext<OrganisationFacts>): AmountResult {
  const d = held(ctx, QINGYANG_GRADES);
  if (!d) return standardNotSet('incubation-award.<designation>', QY102('第15条'));
  return fixed(
    ctx,
    `incubation-award.${d.kind}`,
    QY102('第15条'),
    text(DESIGNATION_NAMES[d.kind].zh, DESIGNATION_NAMES[d.kind].en),
  );
}

function guizhouAward(ctx: EvaluationContext<OrganisationFacts>): AmountResult {
  const s = ctx.claim.service;
  const perEntity = ctx.param('incubation-award.per-entity');
  const perJob = ctx.param('incubation-award.per-job');
  if (!s || (!perEntity && !perJob)) return standardNotSet('incubation-award.per-entity', GZ2022('二（六）'));
  const entities = (perEntity?.value ?? 0) * s.served;
  const jobs = (perJob?.value ?? 0) * s.outcomes;
  const amountFen = entities + jobs;
  return {
    amountFen,
    explanation: text(
      `入驻实体${s.served}户 × ${formatYuan(perEntity?.value ?? 0)} + 带动就业${s.outcomes}人 × ${formatYuan(perJob?.value ?? 0)} = ${formatYuan(amountFen)}`,
      `${s.served} entities × ${formatYuanEn(perEntity?.value ?? 0)} + ${s.outcomes} jobs × ${formatYuanEn(perJob?.value ?? 0)} = ${formatYuanEn(amountFen)}`,
    ),
    citation: perEntity?.citation ?? perJob?.citation ?? GZ2022('二（六）'),
  };
}

export const IncubationBaseAward = defineSubsidy({
  id: INCUBATION_BASE_AWARD,
  source: import.meta.url,
  name: text('创业孵化基地奖补', 'Award for start-up parks and incubation bases'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'incubation-base-award/qingyang-2023',
      region: '621000',
      basis: QY102('第15条'),
      from: '2023-10-27',
      who: text(
        '认定为市、县级创业园区（孵化基地）的，评定为优秀等次的创业就业孵化基地',
        'City or county start-up parks; incubation bases rated excellent',
      ),
      standard: text(
        '按规定给予创业资金扶持；优秀等次给予一次性补助',
        'Start-up funding as set; a one-time grant for those rated excellent',
      ),
      materials: [
        text('认定或评定文件', 'Designation or rating document'),
        text('园区（基地）运营情况', 'Report on the park’s operation'),
      ],
      parameters: QINGYANG_GRADES.map((d) => `incubation-award.${d}`),
      conditions: [gradedQingyang],
      amount: qingyangAward,
    }),
    scheme({
      id: 'incubation-base-award/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（六）'),
      from: '2022-01-14',
      who: text(
        '利用现有园区、大型搬迁场地等资源建设的返乡创业孵化基地',
        'Incubation bases for returning entrepreneurs, in parks and relocation sites',
      ),
      standard: text(
        '根据入驻实体数量、孵化效果、促进就业效果给予奖励',
        'By entities hosted, incubation results and jobs created',
      ),
      materials: [
        text('入驻实体名册', 'Roster of hosted entities'),
        text('带动就业人员名册', 'Roster of jobs created'),
      ],
      parameters: ['incubation-award.per-entity', 'incubation-award.per-job'],
      conditions: [designatedBase(GZ2022('二（六）')), hostsAndJobs(GZ2022('二（六）'))],
      amount: guizhouAward,
    }),
  ],
});
