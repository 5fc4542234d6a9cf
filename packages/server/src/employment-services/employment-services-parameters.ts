import { cite, formatCitation, regionChain, within, type DocumentId, type IsoDate } from '@huimin/policy';

/**
 * The rules of employment services each region sets, as dated values with where they come from
 * (the policy package's parameter style: region, from, to, value, reference), resolved the way the
 * engine resolves its parameters: the most local region with a value in force on the day.
 */
export interface DatedValue<T> {
  readonly region: string;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly value: T;
  /** The article, or, for a rule the texts here do not state, the regulation it comes from. */
  readonly reference: string;
}

export function resolveDated<T>(
  values: readonly DatedValue<T>[],
  region: string,
  on: IsoDate,
): DatedValue<T> | undefined {
  for (const r of regionChain(region)) {
    const found = values
      .filter((v) => v.region === r && within(on, v.from, v.to))
      .sort((a, b) => (a.from < b.from ? 1 : -1))[0];
    if (found) return found;
  }
  return undefined;
}

const cites = (document: DocumentId, article: string) => formatCitation(cite(document, article));

/**
 * 就业困难人员认定 categories (川办发〔2024〕34号 (十八): 零就业家庭、低保家庭、防止返贫监测对象、大龄、
 * 残疾、长期失业; 庆政办发〔2023〕102号 第22条: 零就业家庭、低保家庭、脱贫户、大龄、残疾、长期失业).
 * The texts name the groups and leave the standard to each region ("合理确定并动态调整"), so a
 * region's list is a dated value of its own.
 */
export const HARDSHIP_CATEGORIES = [
  'zero-employment-household', // 零就业家庭成员
  'dibao-household', // 低保家庭成员
  'poverty-monitoring', // 防止返贫监测对象
  'poverty-alleviated', // 脱贫户
  'older-worker', // 大龄失业人员
  'disabled', // 残疾人
  'long-term-unemployed', // 长期失业人员
] as const;
export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

export const CATEGORY_LISTS: readonly DatedValue<readonly HardshipCategory[]>[] = [
  // 川办发〔2024〕34号 runs to 2025-12-31, but a certification standard stands until the province
  // adjusts it ("动态调整"), so the list has no end date of its own.
  {
    region: '510000',
    from: '2024-07-13',
    value: [
      'zero-employment-household',
      'dibao-household',
      'poverty-monitoring',
      'older-worker',
      'disabled',
      'long-term-unemployed',
    ],
    reference: cites('SC-2024-34', '（十八）'),
  },
  {
    region: '621000',
    from: '2023-10-27',
    value: [
      'zero-employment-household',
      'dibao-household',
      'poverty-alleviated',
      'older-worker',
      'disabled',
      'long-term-unemployed',
    ],
    reference: cites('QY-2023-102', '第22条'),
  },
];

/**
 * An unemployment registration ends when the person has not been in touch with the public
 * employment service for this many months (连续6个月未与公共就业服务机构联系). The texts here do not
 * state it; it is the national regulation, 就业服务与就业管理规定 (劳动和社会保障部令第28号) 第六十三条.
 */
export const NO_CONTACT_MONTHS: readonly DatedValue<number>[] = [
  { region: '000000', from: '2008-01-01', value: 6, reference: '就业服务与就业管理规定 第六十三条' },
];

/**
 * 1+3+1 for each unemployed graduate (离校未就业高校毕业生): at least 1 career guidance, 3 job
 * referrals and 1 training or internship offer, followed by a named case worker
 * (川办发〔2024〕34号 (十四) "专人跟踪服务"). The months allowed are the region's own working rule.
 */
export interface Promise131 {
  readonly guidance: number;
  readonly referrals: number;
  readonly offers: number;
  readonly months: number;
}
export const GRADUATE_PROMISE: readonly DatedValue<Promise131>[] = [
  {
    region: '510000',
    from: '2024-07-13',
    value: { guidance: 1, referrals: 3, offers: 1, months: 3 },
    reference: cites('SC-2024-34', '（十四）'),
  },
];

/**
 * How long a certification stands before it is reviewed (periodic review, 动态调整). The texts leave it
 * to the region; 12 months is this platform's default until a region sets its own.
 */
export const CERTIFICATION_REVIEW_MONTHS: readonly DatedValue<number>[] = [
  { region: '000000', from: '2023-01-01', value: 12, reference: '地方规定（未设时按12个月复核）' },
];
