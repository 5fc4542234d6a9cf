import { condition, fixed, outcome } from '../core/build.js';
import { addDays, addMonths } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import { monthsOf, spanText } from '../core/durations.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { PersonFacts } from '../facts/facts.js';
import { isEmployedOn, isInSixGroups } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import {
  certificateNotClaimed,
  certificateOfKind,
  claimedCertificate,
  lifetimeCap,
  noLowerLevelAfterHigher,
  sameOccupationAndLevelOnce,
} from '../rules/certificates.js';
import { CS181, notCivilServiceStaff, RSB5, SC2025 } from '../rules/common.js';

/**
 * 职业培训补贴 — vocational training subsidy. Six groups of people (and new hires from them) who
 * finish employment-skills or entrepreneurship training, and enterprise staff in 企业新型学徒制 or
 * 技师培训, who obtain a certificate. Paid to the person; the enterprise's claim for its staff is
 * 企业职工职业培训补贴 (enterprise-staff-training), and a certificate is paid once, to one of them.
 */
export const VOCATIONAL_TRAINING = 'vocational-training';
/** Claims that count toward "same occupation, same level once" (人社部发〔2024〕5号 (十二) includes 技能提升补贴). */
const SAME_LEVEL_FAMILY = [VOCATIONAL_TRAINING, 'skill-upgrading'];

/**
 * 第五条: the six groups, or 企业新录用的六类人员 with a contract of 1 year or more trained within a
 * year of signing it — the two figures as `article` states them.
 */
function trainee(article: Citation): Condition<PersonFacts> {
  const contract = duration('vocational-training.new-hire-contract-months', article);
  const within = duration('vocational-training.new-hire-trained-within-months', article);
  return condition(
    'TRAINING_TARGET_GROUP',
    text(
      `培训对象须为六类人员（防止返贫监测对象、毕业年度高校毕业生、城乡未继续升学的应届初高中毕业生、农村转移就业劳动者、城镇登记失业人员、就业困难人员），或签订${spanText(contract).zh}以上劳动合同且${spanText(within).zh}内参加岗位技能培训的新录用职工，或参加企业新型学徒制培训、技师培训的企业在职职工`,
      `The trainee must be in one of the six groups, a new hire with a contract of at least ${contract.value === 12 ? 'one year' : spanText(contract).en} trained within ${spanText(within).en} of signing, or staff in an enterprise apprenticeship or technician training`,
    ),
    CS181('第五条'),
    (ctx) => {
      const c = claimedCertificate(ctx);
      const trainingStart = c?.training?.from ?? c?.issuedOn ?? ctx.date;
      if (isInSixGroups(ctx.applicant, trainingStart)) return true;
      // 企业在职职工 in 企业新型学徒制 or 技师培训: on a labour contract when the training began.
      if (
        (c?.training?.kind === 'apprenticeship' || c?.training?.kind === 'technician') &&
        onContract(ctx.applicant, trainingStart)
      )
        return true;
      for (const e of ctx.applicant.employments ?? []) {
        if (e.kind !== 'labour-contract' || (e.contractMonths !== undefined && e.contractMonths < monthsOf(contract)))
          continue;
        const withinReach = trainingStart >= e.from && trainingStart <= addMonths(e.from, monthsOf(within));
        // Hired from the six groups: in them on the day before the contract began.
        if (
          withinReach &&
          isInSixGroups(ctx.applicant, addDays(e.from, -1)) &&
          isEmployedOn(ctx.applicant, trainingStart)
        )
          return true;
      }
      return outcome(
        false,
        `培训开始时（${trainingStart}）不属于六类人员`,
        `Not in the six groups when training began (${trainingStart})`,
      );
    },
    [contract, within],
  );
}

function onContract(person: PersonFacts, on: string): boolean {
  return (person.employments ?? []).some(
    (e) => e.kind === 'labour-contract' && e.from <= on && (e.to === undefined || e.to >= on),
  );
}

const trainingCompleted: Condition<PersonFacts> = condition(
  'TRAINING_COMPLETED',
  text(
    '须参加就业技能培训或创业培训并结业',
    'The applicant must have completed employment-skills or entrepreneurship training',
  ),
  CS181('第五条（一）'),
  (ctx) => claimedCertificate(ctx)?.training !== undefined,
);

function trainingAmount(ctx: EvaluationContext<PersonFacts>): AmountResult {
  // The training-demand catalogue sets the standard per item, higher for urgently needed trades.
  const fromCatalogue = ctx.claim.catalogueStandardFen;
  if (fromCatalogue !== undefined) {
    return {
      amountFen: fromCatalogue,
      explanation: text(
        `按职业技能培训需求指导目录标准：${formatYuan(fromCatalogue)}`,
        `At the training-demand catalogue standard: ${formatYuanEn(fromCatalogue)}`,
      ),
      citation: RSB5('（一）'),
    };
  }
  return fixed(
    ctx,
    'vocational-training.standard',
    CS181('第十五条'),
    text('职业培训补贴标准', 'Training subsidy standard'),
  );
}

/** The rules both texts share; who may be a trainee takes its figures from `article`. */
const common = (article: Citation) => [
  trainingCompleted,
  certificateOfKind(
    ['vocational-qualification', 'skill-level', 'special-ability', 'training-completion'],
    CS181('第五条（一）'),
  ),
  trainee(article),
  notCivilServiceStaff(CS181('第十六条')),
  // 给予职工个人或企业: a certificate the enterprise was paid for is not paid to the person.
  certificateNotClaimed([VOCATIONAL_TRAINING, 'enterprise-staff-training'], CS181('第五条')),
  sameOccupationAndLevelOnce(SAME_LEVEL_FAMILY, RSB5('（十二）')),
  noLowerLevelAfterHigher(SAME_LEVEL_FAMILY, RSB5('（十二）')),
];

const materials = [
  text('身份证件或社会保障卡', 'ID card or social security card'),
  text('培训后取得的证书', 'The certificate obtained after training'),
  text(
    '培训机构出具的培训结业记录（实名制系统可查的免交）',
    'Training completion record (not needed where the real-name system holds it)',
  ),
];

export const VocationalTrainingSubsidy = defineSubsidy({
  id: VOCATIONAL_TRAINING,
  source: import.meta.url,
  name: text('职业培训补贴', 'Vocational training subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'per-claim',
  disclosure: 'after-payment',
  schemes: [
    ...schemesAsTextsArrive(
      {
        id: 'vocational-training/national-2023',
        region: '000000',
        basis: CS181('第五条'),
        from: '2023-12-20',
        who: text(
          '六类人员及符合条件的企业职工，培训后取得符合规定证书',
          'The six groups and eligible employees who obtain a certificate after training',
        ),
        standard: text(
          '由省级人社、财政部门确定；急需紧缺目录内可提高；每人累计最多3次',
          'Set by the province; higher for the urgently-needed catalogue; at most 3 per person',
        ),
        materials,
        parameters: ['vocational-training.standard'],
        conditions: [
          ...common(CS181('第五条（二）')),
          lifetimeCap([VOCATIONAL_TRAINING], 3, CS181('第五条'), 'TRAINING_LIFETIME_CAP', {
            zh: '每人累计最多享受3次职业培训补贴',
            en: 'At most 3 training subsidies per person',
          }),
        ],
        amount: trainingAmount,
      },
      { '2024-01-03': 'vocational-training/national-2024' },
    ),
    scheme({
      id: 'vocational-training/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（一）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: text(
        '六类人员及符合条件的企业职工，培训后取得符合规定证书',
        'The six groups and eligible employees who obtain a certificate after training',
      ),
      standard: text(
        '就业技能培训、创业培训各累计最多3次；就业技能培训同一职业（工种）相同等级不重复',
        'At most 3 each for employment-skills and entrepreneurship training',
      ),
      materials,
      parameters: ['vocational-training.standard'],
      conditions: [
        ...common(SC2025('第六条（一）')),
        lifetimeCap(
          [VOCATIONAL_TRAINING],
          3,
          SC2025('第六条（一）'),
          'TRAINING_LIFETIME_CAP',
          {
            zh: '每人累计最多享受3次职业培训补贴（就业技能培训、创业培训分别计算）',
            en: 'At most 3 training subsidies per person, counted separately for employment-skills and entrepreneurship training',
          },
          true,
        ),
      ],
      amount: trainingAmount,
    }),
  ],
});
