import { condition, outcome, standardNotSet } from '../core/build.js';
import { monthOf, within, type IsoMonth } from '../core/dates.js';
import { DOCUMENTS, type Citation } from '../core/documents.js';
import { formatYuan, formatYuanEn } from '../core/money.js';
import { scheme } from '../core/scheme-builder.js';
import { defineSubsidy, type AmountResult, type EvaluationContext } from '../core/subsidy.js';
import { text } from '../core/text.js';
import type { Employment, PersonFacts } from '../facts/facts.js';
import { hasStatus } from '../facts/queries.js';
import { duration } from '../parameters/durations.js';
import { CS181, notCivilServiceStaff, SC2025, SC34 } from '../rules/common.js';
import {
  entitlementWindow,
  grantedMonths,
  monthsIn,
  priorGrants,
  windowDurations,
  type WindowRule,
} from '../rules/entitlement.js';
import { windowText } from '../rules/social-insurance.js';

/**
 * 公益性岗位补贴 — post subsidy for persons hard to employ placed on public-welfare posts, at the
 * local minimum wage, for 3 years (to retirement when under 5 years from it). A person may be
 * placed again after the period ends, at most twice in all; the period restarts (181号 第十一条).
 */
export const PUBLIC_WELFARE_POST = 'public-welfare-post';

function posts(person: PersonFacts): Employment[] {
  return (person.employments ?? []).filter((e) => e.kind === 'public-welfare-post');
}

/** The placement the claim is about: the one covering the claim's first month, else the latest. */
function currentPost(ctx: EvaluationContext<PersonFacts>): Employment | undefined {
  const list = posts(ctx.applicant);
  const at = ctx.claim.fromMonth ? `${ctx.claim.fromMonth}-01` : ctx.date;
  return list.find((e) => within(at, e.from, e.to)) ?? [...list].sort((a, b) => (a.from < b.from ? 1 : -1))[0];
}

interface PostPlan {
  months: IsoMonth[];
  window: ReturnType<typeof entitlementWindow>;
}

function plan(ctx: EvaluationContext<PersonFacts>, rule: WindowRule): PostPlan | undefined {
  const post = currentPost(ctx);
  if (!post) return undefined;
  // Each placement has its own period: only grants for this placement count.
  const prior = priorGrants(ctx.applicant.subsidies, [PUBLIC_WELFARE_POST]).filter(
    (g) => (g.fromMonth ?? '') >= monthOf(post.from),
  );
  const from = ctx.claim.fromMonth ?? monthOf(post.from);
  const to = ctx.claim.toMonth ?? monthOf(post.to && post.to < ctx.date ? post.to : ctx.date);
  const window = entitlementWindow(ctx.applicant, prior, from, ctx.date, rule);
  const paid = grantedMonths(prior);
  const months = monthsIn(from, to).filter(
    (m) =>
      m >= window.firstMonth &&
      m <= window.lastMonth &&
      !paid.has(m) &&
      within(`${m}-01`, monthOf(post.from) + '-01', post.to),
  );
  return { months, window };
}

const hardToEmploy = (basis: Citation) =>
  condition<PersonFacts>(
    'HARD_TO_EMPLOY',
    text('须为就业困难人员', 'Must be certified as hard to employ'),
    basis,
    (ctx) => {
      const post = currentPost(ctx);
      return hasStatus(ctx.applicant, 'hard-to-employ', post?.from ?? ctx.date);
    },
  );

const placedOnPost = (basis: Citation) =>
  condition<PersonFacts>(
    'PLACED_ON_POST',
    text('须通过公益性岗位安置', 'Must be placed on a public-welfare post'),
    basis,
    (ctx) => currentPost(ctx) !== undefined,
  );

const atMostTwoPlacements = (basis: Citation) =>
  condition<PersonFacts>(
    'AT_MOST_TWO_PLACEMENTS',
    text('累计安置次数不超过2次', 'At most two placements in all'),
    basis,
    (ctx) => {
      // The records may hold only the current post: its documented placement number counts as well.
      const list = posts(ctx.applicant);
      const count = Math.max(list.length, ...list.map((e) => e.placement ?? 0));
      return count <= 2 ? true : outcome(false, `已安置${count}次`, `Placed ${count} times`);
    },
  );

/** 岗位补贴期限: 最长3年, 距法定退休年龄不足5年的可延长至退休 — the figures `basis` states. */
const postWindow = (basis: Citation): WindowRule => ({
  months: duration('post-subsidy.period-months', basis),
  toRetirement: { within: duration('post-subsidy.retirement-within-months', basis) },
});

function withinPostPeriod(basis: Citation) {
  const rule = postWindow(basis);
  return condition<PersonFacts>(
    'WITHIN_POST_PERIOD',
    text('补贴月份须在补贴期限内', 'The months claimed must fall within the entitlement period'),
    basis,
    (ctx) => {
      const p = plan(ctx, rule);
      if (!p) return false;
      return p.months.length > 0
        ? true
        : outcome(
            false,
            `${windowText(p.window)}，申请期间无可补贴月份`,
            `Entitled ${p.window.firstMonth}–${p.window.lastMonth}; nothing left to pay`,
          );
    },
    windowDurations(rule),
  );
}

/**
 * 川办发〔2024〕34号 (十八): 鼓励各地适当提高乡村公益性岗位补贴标准 — on a rural post, the higher
 * standard a region sets (`rural-public-welfare-post.monthly`), never below the minimum wage, while
 * 34号 is in force; elsewhere and otherwise the minimum wage.
 */
const RURAL = {
  parameter: 'rural-public-welfare-post.monthly',
  article: SC34('（十八）'),
  until: DOCUMENTS['SC-2024-34'].inForceTo,
} as const;

/** The local minimum wage (or a rural post's higher standard) for each month of the post within its period. */
function minimumWageMonths(basis: Citation, ruralStandard = false) {
  const rule = postWindow(basis);
  return (ctx: EvaluationContext<PersonFacts>): AmountResult => {
    const wage = ctx.param('minimum-wage.monthly');
    const rural =
      ruralStandard && currentPost(ctx)?.rural === true && (RURAL.until === undefined || ctx.date <= RURAL.until)
        ? ctx.param(RURAL.parameter)
        : undefined;
    const months = plan(ctx, rule)?.months.length ?? 0;
    if (rural && (!wage || rural.value > wage.value)) {
      const amountFen = rural.value * months;
      return {
        amountFen,
        perMonthFen: rural.value,
        months,
        explanation: text(
          `乡村公益性岗位补贴标准${formatYuan(rural.value)}/月 × ${months}个月 = ${formatYuan(amountFen)}`,
          `Rural post standard ${formatYuanEn(rural.value)} a month × ${months} = ${formatYuanEn(amountFen)}`,
        ),
        citation: RURAL.article,
      };
    }
    if (!wage) return standardNotSet('minimum-wage.monthly', basis);
    const amountFen = wage.value * months;
    return {
      amountFen,
      perMonthFen: wage.value,
      months,
      explanation: text(
        `当地最低工资标准${formatYuan(wage.value)}/月 × ${months}个月 = ${formatYuan(amountFen)}`,
        `Local minimum wage ${formatYuanEn(wage.value)} a month × ${months} = ${formatYuanEn(amountFen)}`,
      ),
      citation: basis,
    };
  };
}

const who = text('通过公益性岗位安置的就业困难人员', 'Persons hard to employ placed on public-welfare posts');
const standard = text(
  '参照当地最低工资标准按月补贴；最长3年，距法定退休年龄不足5年的可延长至退休；累计安置不超过2次',
  'The local minimum wage monthly; 3 years, or to retirement when under 5 years from it; at most 2 placements',
);
const materials = [
  text('公益性岗位安置协议或劳动合同', 'Placement agreement or contract'),
  text('在岗考勤记录', 'Attendance record'),
];

export const PublicWelfarePostSubsidy = defineSubsidy({
  id: PUBLIC_WELFARE_POST,
  source: import.meta.url,
  name: text('公益性岗位补贴', 'Public-welfare post subsidy'),
  applicant: 'person',
  fund: 'employment-fund',
  periodicity: 'monthly',
  disclosure: 'after-payment',
  schemes: [
    scheme({
      id: 'public-welfare-post/national-2023',
      region: '000000',
      basis: CS181('第十一条'),
      from: '2023-12-20',
      who,
      standard,
      materials,
      parameters: ['minimum-wage.monthly'],
      conditions: [
        hardToEmploy(CS181('第十一条')),
        placedOnPost(CS181('第十一条')),
        atMostTwoPlacements(CS181('第十一条')),
        withinPostPeriod(CS181('第十一条')),
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: minimumWageMonths(CS181('第十一条')),
    }),
    // 川办发〔2024〕34号 (十八): the national rules, and a higher standard a region may set for 乡村公益性岗位.
    scheme({
      id: 'public-welfare-post/sichuan-2024',
      region: '510000',
      basis: SC34('（十八）'),
      from: '2024-07-13',
      to: '2025-12-31',
      who,
      standard: text(
        '参照当地最低工资标准按月补贴，乡村公益性岗位可按当地提高后的标准；最长3年，距法定退休年龄不足5年的可延长至退休；累计安置不超过2次',
        'The local minimum wage monthly, or a rural post’s higher local standard; 3 years, or to retirement when under 5 years from it; at most 2 placements',
      ),
      materials,
      parameters: ['minimum-wage.monthly', RURAL.parameter],
      conditions: [
        hardToEmploy(CS181('第十一条')),
        placedOnPost(CS181('第十一条')),
        atMostTwoPlacements(CS181('第十一条')),
        withinPostPeriod(CS181('第十一条')),
        notCivilServiceStaff(CS181('第十六条')),
      ],
      amount: minimumWageMonths(CS181('第十一条'), true),
    }),
    scheme({
      id: 'public-welfare-post/sichuan-2025',
      region: '510000',
      basis: SC2025('第六条（三）'),
      from: '2025-05-01',
      to: '2028-04-30',
      who,
      standard,
      materials,
      parameters: ['minimum-wage.monthly', RURAL.parameter],
      conditions: [
        hardToEmploy(SC2025('第六条（三）')),
        placedOnPost(SC2025('第六条（三）')),
        atMostTwoPlacements(SC2025('第六条（三）')),
        withinPostPeriod(SC2025('第六条（三）')),
        notCivilServiceStaff(SC2025('第十三条')),
      ],
      amount: minimumWageMonths(SC2025('第六条（三）'), true),
    }),
  ],
});
