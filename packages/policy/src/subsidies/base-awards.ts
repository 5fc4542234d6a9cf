import { condition, fixed, notSet, outcome } from '../core/build.js';
import { within } from '../core/dates.js';
import { DOCUMENTS, type Citation } from '../core/documents.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationDesignationKind, OrganisationFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { GZ2022, notReceivedBefore, SC34 } from '../rules/common.js';

/**
 * One-time awards for designated bases: 就业帮扶基地 (四川 5万元 for units employing 10 or more
 * poverty-alleviated people), 贵州 就业援助基地 3万元 / 车间 1万元 / 省级示范基地 10万元, and
 * 就业见习基地 (四川 national 30万元, provincial 20万元, for new designations).
 */
export const ASSISTANCE_BASE_AWARD = 'assistance-base-award';
export const INTERNSHIP_BASE_AWARD = 'internship-base-award';

function designation(ctx: EvaluationContext<OrganisationFacts>, kinds: readonly OrganisationDesignationKind[]) {
  const wanted = ctx.claim.designation;
  return (ctx.applicant.designations ?? []).find(
    (d) => kinds.includes(d.kind) && (wanted === undefined || d.kind === wanted) && d.from <= ctx.date,
  );
}

/** The period a document is in force, for rules about what happened "in the policy period" (政策期内). */
function policyPeriod(article: Citation): { from: string; to: string } {
  const doc = DOCUMENTS[article.document];
  if (doc.inForceTo === undefined) throw new RangeError(`${doc.number} sets no end to its period`);
  return { from: doc.inForceFrom, to: doc.inForceTo };
}

function designated(
  kinds: readonly OrganisationDesignationKind[],
  citation: Citation,
  zh: string,
  en: string,
  newWithin?: { from: string; to: string },
): Condition<OrganisationFacts> {
  return condition('DESIGNATED', text(zh, en), citation, (ctx) => {
    const d = designation(ctx, kinds);
    if (!d) return outcome(false, '未获认定', 'Not designated');
    if (newWithin && !within(d.from, newWithin.from, newWithin.to))
      return outcome(false, `认定日期${d.from}不在政策期内`, `Designated ${d.from}, outside the policy period`);
    return true;
  });
}

export const AssistanceBaseAward = defineSubsidy({
  id: ASSISTANCE_BASE_AWARD,
  source: import.meta.url,
  name: text('就业帮扶（援助）基地一次性奖补', 'One-time award for employment assistance bases'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'assistance-base-award/sichuan-2024',
      region: '510000',
      basis: SC34('（十六）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text(
        '吸纳脱贫人口就业10人以上、认定为就业帮扶基地的企业',
        'Enterprises employing 10 or more poverty-alleviated people, designated assistance bases',
      ),
      standard: text('5万元一次性奖补', '¥50,000, once'),
      materials: [
        text('认定文件', 'Designation document'),
        text('吸纳脱贫人口名册', 'Roster of poverty-alleviated employees'),
      ],
      parameters: ['assistance-base.award', 'assistance-base.min-hires'],
      conditions: [
        designated(
          ['assistance-base'],
          SC34('（十六）'),
          '须认定为就业帮扶基地',
          'Must be designated an employment assistance base',
        ),
        condition(
          'TEN_POVERTY_ALLEVIATED',
          text('吸纳脱贫人口就业10人以上', 'Must employ 10 or more poverty-alleviated people'),
          SC34('（十六）'),
          (ctx) => {
            const need = ctx.param('assistance-base.min-hires');
            if (!need) return notSet('assistance-base.min-hires');
            const n = (ctx.claim.workers ?? []).filter((w) =>
              hasStatus(w.person, 'poverty-alleviated', ctx.date),
            ).length;
            return n >= need.value ? true : outcome(false, `吸纳脱贫人口${n}人`, `${n} poverty-alleviated employees`);
          },
        ),
        notReceivedBefore<OrganisationFacts>(
          [ASSISTANCE_BASE_AWARD],
          SC34('（十六）'),
          '就业帮扶基地奖补',
          'The base award',
        ),
      ],
      amount: (ctx) =>
        fixed(ctx, 'assistance-base.award', SC34('（十六）'), text('就业帮扶基地一次性奖补', 'Assistance base award')),
    }),
    scheme({
      id: 'assistance-base-award/guizhou-2022',
      region: '520000',
      basis: GZ2022('二（三）'),
      from: '2022-01-14',
      who: text(
        '吸纳"三类人员"就业人数多、效果好的重点帮扶县就业援助基地、车间，及省级就业援助示范基地',
        'Assistance bases and workshops in key counties, and provincial model bases',
      ),
      standard: text(
        '基地3万元、车间1万元、省级示范基地10万元',
        'Base ¥30,000; workshop ¥10,000; provincial model base ¥100,000',
      ),
      materials: [text('认定文件', 'Designation document')],
      parameters: ['assistance-base.award', 'assistance-workshop.award', 'assistance-base-provincial-model.award'],
      conditions: [
        designated(
          ['assistance-base', 'assistance-workshop', 'assistance-base-provincial-model'],
          GZ2022('二（三）'),
          '须认定为就业援助基地、车间或省级就业援助示范基地',
          'Must be a designated assistance base, workshop or provincial model base',
        ),
        notReceivedBefore<OrganisationFacts>(
          [ASSISTANCE_BASE_AWARD],
          GZ2022('二（三）'),
          '就业援助基地奖励',
          'The base award',
        ),
      ],
      amount: (ctx) => {
        const kind =
          designation(ctx, ['assistance-base', 'assistance-workshop', 'assistance-base-provincial-model'])?.kind ??
          'assistance-base';
        return fixed(ctx, `${kind}.award`, GZ2022('二（三）'), text('一次性奖励', 'One-time award'));
      },
    }),
  ],
});

export const InternshipBaseAward = defineSubsidy({
  id: INTERNSHIP_BASE_AWARD,
  source: import.meta.url,
  name: text('就业见习基地一次性奖补', 'One-time award for internship bases'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'internship-base-award/sichuan-2024',
      region: '510000',
      basis: SC34('（十三）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: text(
        '新评定为国家级、省级就业见习基地的单位',
        'Units newly designated national or provincial internship bases',
      ),
      standard: text('国家级30万元、省级20万元', 'National ¥300,000; provincial ¥200,000'),
      materials: [text('评定文件', 'Designation document')],
      parameters: ['internship-base-national.award', 'internship-base-provincial.award'],
      conditions: [
        designated(
          ['internship-base-national', 'internship-base-provincial'],
          SC34('（十三）'),
          '须在政策期内新评定为国家级或省级就业见习基地',
          'Must be newly designated a national or provincial internship base in the policy period',
          policyPeriod(SC34('（十三）')),
        ),
        notReceivedBefore<OrganisationFacts>(
          [INTERNSHIP_BASE_AWARD],
          SC34('（十三）'),
          '见习基地奖补',
          'The internship base award',
        ),
      ],
      amount: (ctx) => {
        const kind =
          designation(ctx, ['internship-base-national', 'internship-base-provincial'])?.kind ??
          'internship-base-provincial';
        return fixed(
          ctx,
          `${kind}.award`,
          SC34('（十三）'),
          text(
            kind === 'internship-base-national' ? '国家级见习基地奖补' : '省级见习基地奖补',
            'Internship base award',
          ),
        );
      },
    }),
  ],
});
