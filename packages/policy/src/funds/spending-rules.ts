import { formatCitation, type Citation } from '../core/documents.js';
import type { RegionCode } from '../core/regions.js';
import { text, type Text } from '../core/text.js';
import type { SubsidyDefinition } from '../core/subsidy.js';
import { CS181, SC2025 } from '../rules/common.js';

/**
 * Which fund may pay which subsidy. A subsidy names the fund family that pays it; within the family
 * the texts forbid some uses: 四川 provincial money pays no social-insurance or post subsidy (四川 办法
 * 第十一条), and employment subsidy funds pay no 创业担保贷款贴息 under 普惠金融 (181号 第十六条（四）).
 */
export type FundSource =
  | 'central-employment' // 中央财政就业补助资金
  | 'provincial-employment' // 省级财政就业补助资金
  | 'city-employment' // 市级就业资金
  | 'county-employment' // 县级就业资金
  | 'unemployment-insurance' // 失业保险基金
  | 'rural-revitalisation' // 衔接推进乡村振兴补助资金
  | 'east-west-cooperation' // 东西部协作资金
  | 'inclusive-finance'; // 普惠金融发展专项资金: pays 创业担保贷款贴息 (181号 第十六条（四）)

export const FUND_SOURCE_NAMES: Readonly<Record<FundSource, Text>> = {
  'central-employment': text('中央财政就业补助资金', 'Central employment subsidy funds'),
  'provincial-employment': text('省级财政就业补助资金', 'Provincial employment subsidy funds'),
  'city-employment': text('市级就业补助资金', 'City employment funds'),
  'county-employment': text('县级就业补助资金', 'County employment funds'),
  'unemployment-insurance': text('失业保险基金', 'Unemployment insurance fund'),
  'rural-revitalisation': text('衔接推进乡村振兴补助资金', 'Rural revitalisation link funds'),
  'east-west-cooperation': text('东西部协作资金', 'East–west cooperation funds'),
  'inclusive-finance': text('普惠金融发展专项资金', 'Inclusive finance development fund'),
};

/** The sources of each fund family, in the order a payment draws on them: the most local first. */
const FAMILY: Record<SubsidyDefinition['fund'], readonly FundSource[]> = {
  'employment-fund': ['county-employment', 'city-employment', 'provincial-employment', 'central-employment'],
  'unemployment-insurance-fund': ['unemployment-insurance'],
  'rural-revitalisation-fund': ['rural-revitalisation', 'east-west-cooperation'],
  'inclusive-finance': ['inclusive-finance'],
};

const SOCIAL_INSURANCE_AND_POSTS = new Set([
  'social-insurance-employer-hard-to-employ',
  'social-insurance-employer-graduate',
  'social-insurance-flexible-hard-to-employ',
  'social-insurance-flexible-graduate',
  'public-welfare-post',
  'employer-post-subsidy',
]);

export type SpendingVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: Text; readonly citation: Citation; readonly cites: string };

const refuse = (reason: Text, citation: Citation): SpendingVerdict => ({
  allowed: false,
  reason,
  citation,
  cites: formatCitation(citation),
});

/** May a fund of this source, issued by this region, pay this subsidy? */
export function fundMayPay(source: FundSource, fundRegion: RegionCode, subsidy: SubsidyDefinition): SpendingVerdict {
  if (subsidy.fund === 'inclusive-finance' && source !== 'inclusive-finance') {
    return refuse(
      text(
        '创业担保贷款贴息属普惠金融项下支出，不由就业补助资金列支',
        'Start-up loan interest is paid under inclusive finance, not from employment subsidy funds',
      ),
      CS181('第十六条（四）'),
    );
  }
  if (!FAMILY[subsidy.fund].includes(source)) {
    return refuse(
      text(
        `该补贴由${FAMILY_NAMES[subsidy.fund].zh}列支`,
        `This subsidy is paid from ${FAMILY_NAMES[subsidy.fund].en}`,
      ),
      CS181('第十六条（七）'),
    );
  }
  if (source === 'provincial-employment' && fundRegion === '510000' && SOCIAL_INSURANCE_AND_POSTS.has(subsidy.id)) {
    return refuse(
      text(
        '四川省级财政补助资金不得用于社会保险补贴和岗位补贴',
        'Sichuan provincial funds may not pay social-insurance or post subsidies',
      ),
      SC2025('第十一条'),
    );
  }
  return { allowed: true };
}

const FAMILY_NAMES: Record<SubsidyDefinition['fund'], Text> = {
  'employment-fund': text('就业补助资金', 'employment subsidy funds'),
  'unemployment-insurance-fund': text('失业保险基金', 'the unemployment insurance fund'),
  'rural-revitalisation-fund': text('乡村振兴衔接资金', 'rural revitalisation funds'),
  'inclusive-finance': text('普惠金融资金', 'inclusive finance'),
};

/** The order in which a payment draws on the sources of its family (most local first). */
export function drawOrder(subsidy: SubsidyDefinition): readonly FundSource[] {
  return FAMILY[subsidy.fund];
}

/**
 * 四川 办法 第十二条: central and provincial money spent on employment and entrepreneurship *service*
 * subsidies (就业创业服务补助) may not pass 15% of the year's funds. Of the subsidies here, the rewards
 * paid to service providers and bases count as service subsidies (our reading; docs/decisions/008).
 */
export const SERVICE_SUBSIDIES: ReadonlySet<string> = new Set([
  'labour-export-service-reward',
  'assistance-base-award',
  'internship-base-award',
  'employment-service',
]);
export const SERVICE_CEILING_PERMILLE = 150;
export const SERVICE_CEILING_CITATION: Citation = SC2025('第十二条');

/** Whether a fund's service-subsidy spending is capped at 15% of what it received. */
export function serviceCeilingApplies(source: FundSource, fundRegion: RegionCode, subsidyId: string): boolean {
  return (
    SERVICE_SUBSIDIES.has(subsidyId) &&
    (source === 'central-employment' || source === 'provincial-employment') &&
    fundRegion.startsWith('51')
  );
}
