import { condition, fixed, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, type Condition } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { isInSixGroups } from '../facts/queries.js';
import {
  certificateNotClaimed,
  certificateOfKind,
  claimedCertificate,
  lifetimeCap,
  sameOccupationOnce,
} from '../rules/certificates.js';
import { CS181, notCivilServiceStaff, QY102, SC2025 } from '../rules/common.js';

/** 职业技能评价补贴 — skill evaluation subsidy, for a first evaluation that yields a certificate. */
export const SKILL_EVALUATION = 'skill-evaluation';

/**
 * 六类人员 — the groups subsidised training is for. 庆阳 第19条 states the rule in its own words
 * ("符合政府补贴性职业技能培训条件的"), so it is cited there from 2023-10-27, before 181号.
 */
const sixGroups = (citation: Citation): Condition<PersonFacts> =>
  condition(
    'SIX_GROUPS',
    text('申请人须为六类人员', 'The applicant must be in one of the six groups'),
    citation,
    (ctx) => {
      const on = claimedCertificate(ctx)?.issuedOn ?? ctx.date;
      return isInSixGroups(ctx.applicant, on)
        ? true
        : outcome(false, `取证时（${on}）不属于六类人员`, `Not in the six groups when certified (${on})`);
    },
  );

/** 通过初次职业技能鉴定或职业技能等级认定 (181号 第六条; 庆阳 第19条 in the same words). */
const firstEvaluation = (citation: Citation): Condition<PersonFacts> =>
  condition(
    'FIRST_EVALUATION',
    text('须为通过初次职业技能评价取得的证书', 'The certificate must come from a first skill evaluation'),
    citation,
    (ctx) => claimedCertificate(ctx)?.firstEvaluation === true,
  );

const nationalCaps = [
  lifetimeCap([SKILL_EVALUATION], 3, CS181('第六条'), 'EVALUATION_LIFETIME_CAP', {
    zh: '每人累计最多享受3次职业技能评价补贴',
    en: 'At most 3 evaluation subsidies per person',
  }),
  sameOccupationOnce([SKILL_EVALUATION], CS181('第六条')),
  certificateNotClaimed([SKILL_EVALUATION], CS181('第六条')),
];

const materials = [text('身份证件', 'ID card'), text('职业技能评价证书', 'The evaluation certificate')];

export const SkillEvaluationSubsidy = defineSubsidy({
  id: SKILL_EVALUATION,
  source: import.meta.url,
  name: text('职业技能评价补贴', 'Skill evaluation subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'skill-evaluation/national-2023',
      region: '000000',
      basis: CS181('第六条'),
      from: '2023-12-20',
      who: text(
        '通过初次职业技能评价并取得证书（不含培训合格证）的六类人员',
        'The six groups who pass a first skill evaluation (training-completion certificates excluded)',
      ),
      standard: text(
        '由省级确定；每人累计最多3次，同一职业（工种）不重复',
        'Set by the province; at most 3 per person, once per occupation',
      ),
      materials,
      parameters: ['skill-evaluation.standard'],
      conditions: [
        certificateOfKind(['vocational-qualification', 'skill-level', 'special-ability'], CS181('第六条')),
        firstEvaluation(CS181('第六条')),
        sixGroups(CS181('第六条')),
        notCivilServiceStaff(CS181('第十六条')),
        ...nationalCaps,
      ],
      amount: (ctx) =>
        fixed(
          ctx,
          'skill-evaluation.standard',
          CS181('第十五条'),
          text('职业技能评价补贴标准', 'Evaluation subsidy standard'),
        ),
    }),
    scheme({
      id: 'skill-evaluation/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（五）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: text(
        '通过初次职业技能评价并取得证书（不含培训合格证）的六类人员',
        'The six groups who pass a first skill evaluation',
      ),
      standard: text('每人累计最多3次，同一职业（工种）不重复', 'At most 3 per person, once per occupation'),
      materials,
      parameters: ['skill-evaluation.standard'],
      conditions: [
        certificateOfKind(['vocational-qualification', 'skill-level', 'special-ability'], SC2025('第六条（五）')),
        firstEvaluation(CS181('第六条')),
        sixGroups(CS181('第六条')),
        notCivilServiceStaff(SC2025('第十三条')),
        ...nationalCaps,
      ],
      amount: (ctx) =>
        fixed(
          ctx,
          'skill-evaluation.standard',
          SC2025('第六条（五）'),
          text('职业技能评价补贴标准', 'Evaluation subsidy standard'),
        ),
    }),
    ...schemesAsTextsArrive(
      {
        id: 'skill-evaluation/qingyang-2023',
        region: '621000',
        basis: QY102('第19条'),
        from: '2023-10-27',
        who: text(
          '符合政府补贴性培训条件，培训后通过初次鉴定或等级认定取得职业资格证书或职业技能等级证书的人员',
          'People eligible for subsidised training who pass a first evaluation with a qualification or skill-level certificate',
        ),
        standard: text('最高不超过300元/人', 'At most ¥300 per person'),
        materials: [...materials, text('评价机构收费票据', 'Receipt for the evaluation fee')],
        parameters: ['skill-evaluation.cap', 'skill-evaluation.standard'],
        conditions: [
          certificateOfKind(['vocational-qualification', 'skill-level'], QY102('第19条')),
          firstEvaluation(QY102('第19条')),
          sixGroups(QY102('第19条')),
          notCivilServiceStaff(CS181('第十六条')),
          ...nationalCaps,
        ],
        amount: (ctx) => {
          const cap = ctx.param('skill-evaluation.cap');
          const fee = ctx.claim.feeFen;
          const local = ctx.param('skill-evaluation.standard');
          const basis = fee ?? local?.value;
          if (!cap || basis === undefined) return standardNotSet('skill-evaluation.standard', QY102('第19条'));
          const amountFen = Math.min(basis, cap.value);
          return {
            amountFen,
            explanation: text(
              `${fee !== undefined ? '实际评价费用' : '本地标准'}${formatYuan(basis)}，最高${formatYuan(cap.value)}：${formatYuan(amountFen)}`,
              `${fee !== undefined ? 'Actual fee' : 'Local standard'} ${formatYuanEn(basis)}, capped at ${formatYuanEn(cap.value)}: ${formatYuanEn(amountFen)}`,
            ),
            citation: QY102('第19条'),
          };
        },
      },
      { '2023-12-20': 'skill-evaluation/qingyang-2023-12' },
    ),
  ],
});
