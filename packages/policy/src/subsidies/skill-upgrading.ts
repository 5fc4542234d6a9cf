import { condition, fixed, outcome, standardNotSet } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import {
  certificateNotClaimed,
  certificateOfKind,
  claimedCertificate,
  noLowerLevelAfterHigher,
  sameOccupationAndLevelOnce,
} from '../rules/certificates.js';
import { QY102, RSB5, SC34 } from '../rules/common.js';

/**
 * 技能提升补贴 — skill-upgrading subsidy, paid from the unemployment insurance fund to insured
 * employees of a year or more, or people drawing unemployment benefit, who obtain a qualification
 * or skill-level certificate. At most 3 a year.
 */
export const SKILL_UPGRADING = 'skill-upgrading';
const SAME_LEVEL_FAMILY = [SKILL_UPGRADING, 'vocational-training'];

/** 参加失业保险1年以上…或领取失业保险金, the insured period as `citation` states it. */
function insuredOrOnBenefit(citation: Citation): Condition<PersonFacts> {
  const insured = duration('skill-upgrading.insured-months', citation);
  return condition(
    'INSURED_ONE_YEAR_OR_ON_BENEFIT',
    text(
      `须为参加失业保险${spanText(insured).zh}以上的企业职工或领取失业保险金人员`,
      `Must be an employee insured against unemployment for ${spanText(insured).en} or more, or drawing unemployment benefit`,
    ),
    citation,
    (ctx) => {
      const certified = claimedCertificate(ctx)?.issuedOn ?? ctx.date;
      if (hasStatus(ctx.applicant, 'unemployment-benefit', certified)) return true;
      const months = new Set<string>();
      for (const m of ctx.applicant.insurance ?? [])
        if (m.unemploymentFen > 0 && m.month <= certified.slice(0, 7)) months.add(m.month);
      return months.size >= monthsOf(insured)
        ? true
        : outcome(false, `失业保险参保${months.size}个月`, `Insured against unemployment for ${months.size} months`);
    },
    [insured],
  );
}

function perYearCap(citation: Citation): Condition<PersonFacts> {
  return condition(
    'SKILL_UPGRADING_YEARLY_CAP',
    text('每人每年享受补贴次数最多不超过3次', 'At most 3 skill-upgrading subsidies a year'),
    citation,
    (ctx) => {
      const year = ctx.date.slice(0, 4);
      const count = (ctx.applicant.subsidies ?? []).filter(
        (s) => s.subsidy === SKILL_UPGRADING && s.grantedOn.startsWith(year),
      ).length;
      return count < 3 ? true : outcome(false, `${year}年已享受${count}次`, `Granted ${count} times in ${year}`);
    },
  );
}

function byLevel(ctx: EvaluationContext<PersonFacts>, citation: Citation): AmountResult {
  const level = claimedCertificate(ctx)?.level;
  if (level === undefined) return standardNotSet('skill-upgrading.level-N', citation);
  const names = {
    5: '初级（五级）',
    4: '中级（四级）',
    3: '高级（三级）',
    2: '技师（二级）',
    1: '高级技师（一级）',
  } as const;
  return fixed(
    ctx,
    `skill-upgrading.level-${level}`,
    citation,
    text(`${names[level]}证书补贴标准`, `Standard for a level-${level} certificate`),
  );
}

const who = text(
  '参加失业保险1年以上的企业职工或领取失业保险金人员，取得职业资格证书或职业技能等级证书',
  'Insured employees of a year or more, or people on unemployment benefit, who obtain a certificate',
);
const materials = [
  text('身份证件', 'ID card'),
  text('职业资格证书或职业技能等级证书', 'Qualification or skill-level certificate'),
];
const parameters = ['skill-upgrading.level-5', 'skill-upgrading.level-4', 'skill-upgrading.level-3'];
/** 人社部发〔2024〕5号 (十二) counts training and skill-upgrading claims together, whatever the scheme. */
const levelRules = [
  sameOccupationAndLevelOnce(SAME_LEVEL_FAMILY, RSB5('（十二）')),
  noLowerLevelAfterHigher(SAME_LEVEL_FAMILY, RSB5('（十二）')),
];

export const SkillUpgradingSubsidy = defineSubsidy({
  id: SKILL_UPGRADING,
  source: import.meta.url,
  name: text('技能提升补贴', 'Skill-upgrading subsidy'),
  applicant: 'person',
  fund: 'unemployment-insurance-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'skill-upgrading/qingyang-2023',
      region: '621000',
      basis: QY102('第18条'),
      from: '2023-10-27',
      to: '2023-12-31',
      who,
      standard: text(
        '初级1000元、中级1500元、高级2000元；每年最多3次',
        'Level 5: ¥1,000; level 4: ¥1,500; level 3: ¥2,000; at most 3 a year',
      ),
      materials,
      parameters,
      conditions: [
        certificateOfKind(['vocational-qualification', 'skill-level'], QY102('第18条')),
        insuredOrOnBenefit(QY102('第18条')),
        perYearCap(QY102('第18条')),
        certificateNotClaimed([SKILL_UPGRADING], QY102('第18条')),
        // 人社部发〔2024〕5号 (十二) is issued 2024-01-03, after this measure ends: its level rules do not apply.
      ],
      amount: (ctx) => byLevel(ctx, QY102('第18条')),
    }),
    // 川办发〔2024〕34号 (十九) restates who qualifies and leaves standard and frequency "按规定".
    scheme({
      id: 'skill-upgrading/sichuan-2024',
      region: '510000',
      basis: SC34('（十九）'),
      from: '2024-07-13',
      to: '2024-12-31',
      who,
      standard: text('按规定标准；每年最多3次', 'At the prescribed standard; at most 3 a year'),
      materials,
      parameters,
      conditions: [
        certificateOfKind(['vocational-qualification', 'skill-level'], SC34('（十九）')),
        insuredOrOnBenefit(SC34('（十九）')),
        certificateNotClaimed([SKILL_UPGRADING], SC34('（十九）')),
        ...levelRules,
      ],
      amount: (ctx) => byLevel(ctx, SC34('（十九）')),
    }),
  ],
});
