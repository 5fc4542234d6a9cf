import { condition, fixed, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationDesignationKind, OrganisationFacts } from '../facts/facts.js';
import { DESIGNATION_NAMES } from '../facts/vocabulary.js';
import { CS181, organisationIs, SC2025 } from '../rules/common.js';

/**
 * 高技能人才培养补助 — high-skill training subsidy (财社〔2023〕181号 第十三条): for building
 * 高技能人才培训基地 (on enterprises, colleges or training institutions able to train high-skill
 * workers) and 技能大师工作室 (in the unit of a leading skilled worker). Funds are managed as
 * projects (第二十条): the province reviews the year's projects and grants by class and grade
 * (分类分档补助), so the amount is the region's figure for the designation claimed.
 */
export const HIGH_SKILL_TRAINING = 'high-skill-training';

const DESIGNATIONS: readonly OrganisationDesignationKind[] = [
  'high-skill-training-base-national',
  'high-skill-training-base-provincial',
  'skill-master-studio-national',
  'skill-master-studio-provincial',
];

/** The designation the claim is for, held by the applicant on the day decided. */
function heldDesignation(ctx: EvaluationContext<OrganisationFacts>) {
  const wanted = ctx.claim.designation;
  if (!wanted || !DESIGNATIONS.includes(wanted)) return undefined;
  return (ctx.applicant.designations ?? []).find(
    (d) => d.kind === wanted && d.from <= ctx.date && (d.to === undefined || d.to >= ctx.date),
  );
}

const designated = (citation: Citation): Condition<OrganisationFacts> =>
  condition(
    'DESIGNATED',
    text(
      '须为认定的高技能人才培训基地或技能大师工作室，并申报该项目',
      'Must be a designated high-skill training base or skill-master studio, claiming for it',
    ),
    citation,
    (ctx) => {
      const wanted = ctx.claim.designation;
      if (!wanted || !DESIGNATIONS.includes(wanted))
        return outcome(false, '未申报培训基地或大师工作室项目', 'No training base or master studio claimed');
      return heldDesignation(ctx)
        ? true
        : outcome(
            false,
            `未认定为${DESIGNATION_NAMES[wanted].zh}`,
            `Not designated a ${DESIGNATION_NAMES[wanted].en.toLowerCase()}`,
          );
    },
  );

/** 依托企业、院校、职业培训机构等具备高技能人才培训能力的单位. */
const trainingUnit = (citation: Citation) =>
  organisationIs(
    ['enterprise', 'public-institution', 'training-institution', 'social-organisation'],
    {
      zh: '依托单位须为企业、院校、职业培训机构等',
      en: 'The host must be an enterprise, college, training institution or similar',
    },
    citation,
  );

/** A project is for one year, and a year not yet begun cannot be claimed. */
const projectYear = (citation: Citation) =>
  condition<OrganisationFacts>(
    'PROJECT_YEAR',
    text('须申报已开展的年度项目', 'The claim is for a year’s project already under way'),
    citation,
    (ctx) => {
      const year = ctx.claim.year;
      if (year === undefined) return outcome(false, '未申报项目年度', 'No project year given');
      return year <= Number(ctx.date.slice(0, 4))
        ? true
        : outcome(false, `${year}年度尚未开始`, `${year} has not begun`);
    },
  );

function award(basis: Citation) {
  return (ctx: EvaluationContext<OrganisationFacts>): AmountResult => {
    const kind = ctx.claim.designation;
    if (!kind) return standardNotSet('high-skill.<designation>.award', basis);
    return fixed(
      ctx,
      `high-skill.${kind}.award`,
      basis,
      text(`${DESIGNATION_NAMES[kind].zh}项目补助`, `${DESIGNATION_NAMES[kind].en} project grant`),
    );
  };
}

const who = text(
  '依托企业、院校、职业培训机构等建设的高技能人才培训基地，依托优秀高技能人才所在单位建设的技能大师工作室',
  'High-skill training bases hosted by enterprises, colleges or training institutions; skill-master studios in their masters’ units',
);
const standard = text(
  '按评审结果分类分档补助，标准由省级确定',
  'Graded by the province’s project review, at figures the province sets',
);
const materials = [
  text('认定文件', 'Designation document'),
  text('年度项目申报书及评审（备案）结果', 'The year’s project application and its review result'),
  text('项目支出明细', 'Project spending'),
];
const parameters = DESIGNATIONS.map((d) => `high-skill.${d}.award`);

export const HighSkillTrainingSubsidy = defineSubsidy({
  id: HIGH_SKILL_TRAINING,
  source: import.meta.url,
  name: text('高技能人才培养补助', 'High-skill training subsidy'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'yearly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'high-skill-training/national-2023',
      region: '000000',
      basis: CS181('第十三条'),
      from: '2023-12-20',
      who,
      standard,
      materials,
      parameters,
      conditions: [designated(CS181('第十三条')), trainingUnit(CS181('第十三条')), projectYear(CS181('第二十条'))],
      amount: award(CS181('第二十条')),
    }),
    // 四川: 国家级和省级 bases and studios, used as their project rules say (办法 第七条（二）).
    scheme({
      id: 'high-skill-training/sichuan-2025',
      region: '510000',
      basis: SC2025('第七条（二）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard,
      materials,
      parameters,
      conditions: [
        designated(SC2025('第七条（二）')),
        trainingUnit(SC2025('第七条（二）')),
        projectYear(SC2025('第七条（二）')),
      ],
      amount: award(SC2025('第七条（二）')),
    }),
  ],
});
