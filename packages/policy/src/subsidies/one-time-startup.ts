import { condition, fixed, outcome } from '../core/build.js';
import { wholeMonthsBetween } from '../core/dates.js';
import type { Citation } from '../core/documents.js';
import type { Duration } from '../core/durations.js';
import { scheme, schemesAsTextsArrive } from '../core/scheme-builder.js';
import { defineSubsidy, material, type Condition, type EvaluationContext } from '../core/subsidy.js';
import { text, type Text } from '../core/text.js';
import type { Business, PersonFacts } from '../facts/facts.js';
import { hasAnyStatus, leftSchoolWithinYears } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, notCivilServiceStaff, notReceivedBefore, QY102, SC2025, SC34 } from '../rules/common.js';

/**
 * 一次性创业补贴 — one-time start-up subsidy for a first small/micro enterprise or individual
 * business that has operated normally for a set time, founded by a recent graduate, a person hard
 * to employ, a returning migrant worker (and, in some regions, a veteran).
 */
export const ONE_TIME_STARTUP = 'one-time-startup';
export const STARTUP_FOLLOW_ON = 'startup-follow-on';

/** The business claimed for: `claim.businessCreditCode`, or the person's earliest business. */
export function claimedBusiness(ctx: EvaluationContext<PersonFacts>): Business | undefined {
  return ctx.memo(claimedBusiness, () => {
    const all = ctx.applicant.businesses ?? [];
    if (ctx.claim.businessCreditCode !== undefined)
      return all.find((b) => b.creditCode === ctx.claim.businessCreditCode);
    let earliest: Business | undefined;
    for (const b of all) if (!earliest || b.registeredOn < earliest.registeredOn) earliest = b;
    return earliest;
  });
}

export function firstBusiness(citation: Citation): Condition<PersonFacts> {
  return condition(
    'FIRST_BUSINESS',
    text(
      '须为首次创办小微企业或从事个体经营',
      'Must be the first small/micro enterprise or individual business the person founded',
    ),
    citation,
    (ctx) => {
      const b = claimedBusiness(ctx);
      if (!b) return outcome(false, '未找到创办的企业或个体工商户', 'No business on record');
      const earlier = (ctx.applicant.businesses ?? []).some(
        (o) => o.creditCode !== b.creditCode && o.registeredOn < b.registeredOn,
      );
      if (earlier) return outcome(false, '此前已创办过经营主体', 'An earlier business is on record');
      if (b.form === 'enterprise' && b.sizeClass !== 'small' && b.sizeClass !== 'micro') {
        return outcome(false, '所创办企业不属于小微企业', 'The enterprise is not small or micro');
      }
      return true;
    },
  );
}

/** 自登记注册之日起正常运营N个月以上; N is the article's figure unless another is given. */
export function operatedFor(
  citation: Citation,
  months: Duration = duration('startup.operated-months', citation),
): Condition<PersonFacts> {
  return condition(
    'OPERATED_NORMALLY',
    text(
      `须自登记注册之日起正常运营${months.value}个月以上`,
      `Must have operated normally for ${months.value} months since registration`,
    ),
    citation,
    (ctx) => {
      const b = claimedBusiness(ctx);
      if (!b) return false;
      if (b.deregisteredOn !== undefined && b.deregisteredOn <= ctx.date)
        return outcome(false, `已于${b.deregisteredOn}注销`, `Deregistered on ${b.deregisteredOn}`);
      if (!b.operatingNormally) return outcome(false, '经营状态异常', 'Not operating normally');
      const operated = wholeMonthsBetween(b.registeredOn, ctx.date);
      return operated >= months.value
        ? true
        : outcome(false, `已正常运营${operated}个月`, `Operated ${operated} months`);
    },
    [months],
  );
}

type Founder = 'graduate' | 'hard-to-employ' | 'returning-migrant' | 'veteran';
const FOUNDER_NAMES: Record<Exclude<Founder, 'graduate'>, [string, string]> = {
  'hard-to-employ': ['就业困难人员', 'person hard to employ'],
  'returning-migrant': ['返乡入乡农民工', 'returning migrant worker'],
  veteran: ['自主就业退役士兵', 'self-employed veteran'],
};

/** The founder groups an article names; 离校N年内高校毕业生 takes N from the article. */
function founderGroups(
  kinds: readonly Founder[],
  citation: Citation,
): { names: [string, string][]; leftSchool?: Duration } {
  const leftSchool = kinds.includes('graduate') ? duration('startup.graduate-left-school-years', citation) : undefined;
  const names = kinds.map((k): [string, string] =>
    k === 'graduate'
      ? [`离校${leftSchool?.value}年内高校毕业生`, `graduate within ${leftSchool?.value} years of leaving school`]
      : FOUNDER_NAMES[k],
  );
  return leftSchool ? { names, leftSchool } : { names };
}

export function founderIs(kinds: readonly Founder[], citation: Citation): Condition<PersonFacts> {
  const { names, leftSchool } = founderGroups(kinds, citation);
  return condition(
    'FOUNDER_GROUP',
    text(
      `创业者须为${names.map((n) => n[0]).join('、')}`,
      `The founder must be a ${names.map((n) => n[1]).join(', ')}`,
    ),
    citation,
    (ctx) => {
      const registered = claimedBusiness(ctx)?.registeredOn ?? ctx.date;
      const p = ctx.applicant;
      // Group membership is judged on the day the business was registered.
      return kinds.some((k) => {
        switch (k) {
          case 'graduate':
            return leftSchool !== undefined && leftSchoolWithinYears(p, registered, leftSchool.value);
          case 'hard-to-employ':
            return hasAnyStatus(p, ['hard-to-employ'], registered);
          case 'returning-migrant':
            return hasAnyStatus(p, ['returning-migrant-worker'], registered);
          case 'veteran':
            return hasAnyStatus(p, ['veteran'], registered);
        }
      });
    },
    leftSchool ? [leftSchool] : [],
  );
}

const materials = [
  text('身份证件', 'ID card'),
  material('营业执照（可共享核验的免交）', 'Business licence (not needed where shared data confirms it)', 'businesses'),
  text('正常经营证明（纳税或社保缴费记录）', 'Proof of normal operation (tax or insurance records)'),
  // The founder's group is declared where no shared data holds it, and confirmed from this at acceptance.
  material(
    '创业者身份证明（高校毕业生的毕业证书等，可共享核验的免交）',
    'Proof of the founder’s group (a graduate’s diploma …; not needed where shared data confirms it)',
    'graduation',
  ),
];

/** 首次创办…正常运营N个月以上的…: who a start-up scheme is for, in the article's order and figures. */
function founders(kinds: readonly Founder[], citation: Citation): Text {
  const months = duration('startup.operated-months', citation).value;
  const { names } = founderGroups(kinds, citation);
  return text(
    `首次创办小微企业或从事个体经营、正常运营${months}个月以上的${names.map((n) => n[0]).join('、')}`,
    `First-time founders (${names.map((n) => n[1]).join(', ')}) whose business has operated ${months} months`,
  );
}

const notGrantedBefore = (basis: Citation) =>
  notReceivedBefore<PersonFacts>([ONE_TIME_STARTUP], basis, '一次性创业补贴', 'The start-up subsidy');
const amount = (basis: Citation) => (ctx: EvaluationContext<PersonFacts>) =>
  fixed(ctx, 'startup.amount', basis, text('一次性创业补贴', 'Start-up subsidy'));

export const OneTimeStartupSubsidy = defineSubsidy({
  id: ONE_TIME_STARTUP,
  source: import.meta.url,
  name: text('一次性创业补贴', 'One-time start-up subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'one-time-startup/national-2023',
      region: '000000',
      basis: CS181('第九条'),
      from: '2023-12-20',
      who: founders(['graduate', 'hard-to-employ', 'returning-migrant'], CS181('第九条')),
      standard: text('标准由省级确定', 'Set by the province'),
      materials,
      parameters: ['startup.amount'],
      conditions: [
        firstBusiness(CS181('第九条')),
        operatedFor(CS181('第九条')),
        founderIs(['graduate', 'hard-to-employ', 'returning-migrant'], CS181('第九条')),
        notCivilServiceStaff(CS181('第十六条')),
        notGrantedBefore(CS181('第九条')),
      ],
      amount: amount(CS181('第九条')),
    }),
    ...schemesAsTextsArrive(
      {
        id: 'one-time-startup/qingyang-2023',
        region: '621000',
        basis: QY102('第14条'),
        from: '2023-10-27',
        who: founders(['graduate', 'hard-to-employ', 'veteran', 'returning-migrant'], QY102('第14条')),
        standard: text('每人5000元', '¥5,000'),
        materials,
        parameters: ['startup.amount'],
        conditions: [
          firstBusiness(QY102('第14条')),
          operatedFor(QY102('第14条')),
          founderIs(['graduate', 'hard-to-employ', 'veteran', 'returning-migrant'], QY102('第14条')),
          notCivilServiceStaff(CS181('第十六条')),
          notGrantedBefore(QY102('第14条')),
        ],
        amount: amount(QY102('第14条')),
      },
      { '2023-12-20': 'one-time-startup/qingyang-2023-12' },
    ),
    scheme({
      id: 'one-time-startup/sichuan-2024',
      region: '510000',
      basis: SC34('（五）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who: founders(['graduate', 'hard-to-employ', 'returning-migrant'], SC34('（五）')),
      standard: text('1万元', '¥10,000'),
      materials,
      parameters: ['startup.amount'],
      conditions: [
        firstBusiness(SC34('（五）')),
        operatedFor(SC34('（五）')),
        founderIs(['graduate', 'hard-to-employ', 'returning-migrant'], SC34('（五）')),
        notCivilServiceStaff(CS181('第十六条')),
        notGrantedBefore(SC34('（五）')),
      ],
      amount: amount(SC34('（五）')),
    }),
    scheme({
      id: 'one-time-startup/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（四）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: founders(['graduate', 'hard-to-employ', 'returning-migrant', 'veteran'], SC2025('第六条（四）')),
      standard: text(
        '按规定（2025年底前为1万元，此后以现行参数为准）',
        'As prescribed (¥10,000 to the end of 2025; after that, the parameter in force)',
      ),
      materials,
      parameters: ['startup.amount'],
      conditions: [
        firstBusiness(SC2025('第六条（四）')),
        operatedFor(SC2025('第六条（四）')),
        founderIs(['graduate', 'hard-to-employ', 'returning-migrant', 'veteran'], SC2025('第六条（四）')),
        notCivilServiceStaff(SC2025('第十三条')),
        notGrantedBefore(SC2025('第六条（四）')),
      ],
      amount: amount(SC2025('第六条（四）')),
    }),
  ],
});

/** 四川 办法 第六条（四）: after 18 months of normal operation, a further, locally set amount. */
export const StartupFollowOnSubsidy = defineSubsidy({
  id: STARTUP_FOLLOW_ON,
  source: import.meta.url,
  name: text('创业补贴（运营18个月以上再次补贴）', 'Start-up subsidy, second stage (18 months)'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'once',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'startup-follow-on/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（四）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who: text(
        '已享受创业补贴、正常运营18个月以上的创业者',
        'Founders already granted the start-up subsidy whose business has operated 18 months',
      ),
      standard: text('由各地根据创业规模、所处阶段、吸纳就业人数等确定', 'Set locally by size, stage and jobs created'),
      materials,
      parameters: ['startup-follow-on.amount'],
      conditions: [
        condition(
          'INITIAL_STARTUP_GRANTED',
          text('须已享受首期创业补贴', 'The first-stage start-up subsidy must have been granted'),
          SC2025('第六条（四）'),
          (ctx) => (ctx.applicant.subsidies ?? []).some((s) => s.subsidy === ONE_TIME_STARTUP),
        ),
        operatedFor(SC2025('第六条（四）'), duration('startup-follow-on.operated-months', SC2025('第六条（四）'))),
        founderIs(['graduate', 'hard-to-employ', 'returning-migrant', 'veteran'], SC2025('第六条（四）')),
        notCivilServiceStaff(SC2025('第十三条')),
        notReceivedBefore([STARTUP_FOLLOW_ON], SC2025('第六条（四）'), '再次创业补贴', 'The second-stage subsidy'),
      ],
      amount: (ctx) =>
        fixed(
          ctx,
          'startup-follow-on.amount',
          SC2025('第六条（四）'),
          text('再次创业补贴', 'Second-stage start-up subsidy'),
        ),
    }),
  ],
});
