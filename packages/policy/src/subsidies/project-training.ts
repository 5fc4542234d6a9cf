import { condition, outcome, perHead, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { OrganisationFacts } from '../facts/facts.js';
import { CS181, organisationIs, SC2025 } from '../rules/common.js';

/**
 * 项目制培训补贴 — training subsidy paid to institutions for project-based training (财社〔2023〕181号
 * 第五条（三）): a region buys whole classes of 就业技能培训 or 创业培训 from a training institution,
 * and pays the institution for the project. 四川 (办法 第六条（一） 培训方式) buys them for 国家和省重大
 * 改革中的失业人员. As with every 职业培训补贴, it is paid for trainees who obtain a certificate, at
 * the standard the region sets for the kind of training.
 */
export const PROJECT_TRAINING = 'project-training';

const contracted = (citation: Citation): Condition<OrganisationFacts> =>
  condition(
    'PROJECT_CONTRACTED',
    text('须为承担政府购买项目制培训任务的培训机构', 'Must be an institution contracted for project-based training'),
    citation,
    (ctx) => {
      const held = (ctx.applicant.designations ?? []).find(
        (d) => d.kind === 'project-training-provider' && d.from <= ctx.date && (d.to === undefined || d.to >= ctx.date),
      );
      return held ? true : outcome(false, '无在期的项目制培训任务', 'No project-based training contract in force');
    },
  );

const deliveredFigures = (citation: Citation): Condition<OrganisationFacts> =>
  condition(
    'PROJECT_FIGURES',
    text('须申报结业人数及取得证书人数', 'The numbers trained and certified must be given'),
    citation,
    (ctx) => {
      const p = ctx.claim.project;
      if (!p || p.trainees === 0) return outcome(false, '未申报培训人数', 'No trainees given');
      if (p.certified > p.trainees)
        return outcome(
          false,
          `取证${p.certified}人多于结业${p.trainees}人`,
          `${p.certified} certified of ${p.trainees} trained`,
        );
      return true;
    },
  );

/** 四川: the classes bought are for 国家和省重大改革中的失业人员. */
const reformUnemployed = (citation: Citation): Condition<OrganisationFacts> =>
  condition(
    'REFORM_UNEMPLOYED',
    text(
      '培训对象须为国家和省重大改革中的失业人员',
      'The trainees must be people unemployed in a major national or provincial reform',
    ),
    citation,
    (ctx) => {
      const p = ctx.claim.project;
      const among = p?.reformUnemployed ?? 0;
      return p && among === p.trainees
        ? true
        : outcome(
            false,
            `${p?.trainees ?? 0}人中${among}人为重大改革中的失业人员`,
            `${among} of ${p?.trainees ?? 0} unemployed in a reform`,
          );
    },
  );

function perCertified(basis: Citation) {
  return (ctx: EvaluationContext<OrganisationFacts>): AmountResult => {
    const p = ctx.claim.project;
    if (!p) return standardNotSet('project-training.<kind>.per-person', basis);
    const kind =
      p.kind === 'entrepreneurship'
        ? text('创业培训', 'Entrepreneurship training')
        : text('就业技能培训', 'Employment-skills training');
    return perHead(
      ctx,
      `project-training.${p.kind}.per-person`,
      p.certified,
      basis,
      text(`${kind.zh}取证人数 × 标准`, `${kind.en}: certified × standard`),
    );
  };
}

const institution = (citation: Citation) =>
  organisationIs(
    ['training-institution'],
    { zh: '申请单位须为培训机构', en: 'The applicant must be a training institution' },
    citation,
  );
const standard = text(
  '按取得证书人数和当地培训补贴标准，拨付承训机构',
  'The regional standard for each trainee certified, paid to the institution',
);
const materials = [
  text('项目制培训任务书或购买服务合同', 'The project assignment or service contract'),
  text(
    '学员花名册、考勤及结业考核记录（实名制系统可查的免交）',
    'Roster, attendance and completion records (not needed where the real-name system holds them)',
  ),
  text('学员取得的证书', 'The certificates obtained'),
];
const parameters = ['project-training.employment-skills.per-person', 'project-training.entrepreneurship.per-person'];

export const ProjectTrainingSubsidy = defineSubsidy({
  id: PROJECT_TRAINING,
  source: import.meta.url,
  name: text('项目制培训补贴', 'Project-based training subsidy'),
  applicant: 'organisation',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'project-training/national-2023',
      region: '000000',
      basis: CS181('第五条（三）'),
      from: '2023-12-20',
      who: text(
        '承担政府整建制购买的就业技能培训或创业培训项目的培训机构',
        'Training institutions delivering whole classes bought by the region',
      ),
      standard,
      materials,
      parameters,
      conditions: [
        institution(CS181('第五条（三）')),
        contracted(CS181('第五条（三）')),
        deliveredFigures(CS181('第五条（三）')),
      ],
      amount: perCertified(CS181('第五条（三）')),
    }),
    scheme({
      id: 'project-training/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（一）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: text(
        '为国家和省重大改革中的失业人员承担项目制培训的培训机构',
        'Institutions training people unemployed in major reforms, as projects',
      ),
      standard,
      materials,
      parameters,
      conditions: [
        institution(SC2025('第六条（一）')),
        contracted(SC2025('第六条（一）')),
        deliveredFigures(SC2025('第六条（一）')),
        reformUnemployed(SC2025('第六条（一）')),
      ],
      amount: perCertified(SC2025('第六条（一）')),
    }),
  ],
});
