import type { IsoDate } from './dates.js';
import type { RegionCode } from './regions.js';

/**
 * The policy documents the engine implements (../shared/policies, listed in INDEX.md). Every
 * rule, parameter and reason cites one of these by id and article.
 */
export type DocumentId =
  | 'CS-2023-181'
  | 'RSB-2024-5'
  | 'SC-2025-FUND'
  | 'SC-2024-34'
  | 'QY-2023-102'
  | 'GZ-2022-RURAL'
  | 'GWR-2023'
  | 'GWR-2024'
  | 'GWR-2025';

export interface PolicyDocument {
  readonly id: DocumentId;
  /** 文号 as printed, or a short title where the copy carries no number. */
  readonly number: string;
  readonly title: string;
  readonly issuer: string;
  readonly region: RegionCode;
  readonly issuedOn?: IsoDate;
  readonly inForceFrom: IsoDate;
  /** Last day in force, inclusive; absent when the text sets no end. */
  readonly inForceTo?: IsoDate;
  /** The clause that sets the period, for "this policy has expired" reasons. */
  readonly periodClause?: string;
  readonly note?: string;
}

const NATIONAL_TARGET_NOTE =
  "Not in ../shared/policies: cited only for the year's 城镇调查失业率 target (5.5%左右), which 川办发〔2024〕34号 (三) " +
  'reads as "上年度全国城镇调查失业率控制目标" (../shared/reference/FACTS.md).';

export const DOCUMENTS: Readonly<Record<DocumentId, PolicyDocument>> = {
  'CS-2023-181': {
    id: 'CS-2023-181',
    number: '财社〔2023〕181号',
    title: '就业补助资金管理办法',
    issuer: '财政部 人力资源社会保障部',
    region: '000000',
    issuedOn: '2023-12-20',
    inForceFrom: '2023-12-20',
    periodClause: '第三十二条',
    note:
      '第三十一条 limits central funding of these expenses to 2025 pending evaluation; the rules themselves ' +
      'have no end date and remain the national baseline (docs/decisions/002-national-baseline-period.md).',
  },
  'RSB-2024-5': {
    id: 'RSB-2024-5',
    number: '人社部发〔2024〕5号',
    title: '关于进一步规范职业技能培训管理工作的通知',
    issuer: '人力资源社会保障部',
    region: '000000',
    issuedOn: '2024-01-03',
    inForceFrom: '2024-01-03',
  },
  'SC-2025-FUND': {
    id: 'SC-2025-FUND',
    number: '四川省中央和省级财政就业创业补助资金管理办法',
    title: '中央和省级财政就业创业补助资金管理办法',
    issuer: '四川省财政厅 四川省人力资源和社会保障厅',
    region: '510000',
    inForceFrom: '2025-05-01',
    inForceTo: '2028-04-30',
    periodClause: '第三十条',
  },
  'SC-2024-34': {
    id: 'SC-2024-34',
    number: '川办发〔2024〕34号',
    title: '关于进一步稳定和扩大就业若干政策措施',
    issuer: '四川省人民政府办公厅',
    region: '510000',
    issuedOn: '2024-07-13',
    inForceFrom: '2024-07-13',
    inForceTo: '2025-12-31',
    periodClause: '末段（施行期限）',
  },
  'QY-2023-102': {
    id: 'QY-2023-102',
    number: '庆政办发〔2023〕102号',
    title: '庆阳市贯彻落实稳就业政策措施全力促发展惠民生工作实施方案',
    issuer: '庆阳市人民政府办公室',
    region: '621000',
    issuedOn: '2023-10-27',
    inForceFrom: '2023-10-27',
    note: 'Most cash measures carry their own end date, 2023-12-31; the measures without one stay in force.',
  },
  'GZ-2022-RURAL': {
    id: 'GZ-2022-RURAL',
    number: '贵州省乡村振兴重点帮扶县人社帮扶实施意见',
    title: '关于加强国家乡村振兴重点帮扶县人力资源社会保障帮扶的实施意见',
    issuer: '贵州省人力资源和社会保障厅 贵州省乡村振兴局',
    region: '520000',
    issuedOn: '2022-01-14',
    inForceFrom: '2022-01-14',
  },
  'GWR-2023': {
    id: 'GWR-2023',
    number: '2023年政府工作报告',
    title: '政府工作报告（2023年）',
    issuer: '国务院',
    region: '000000',
    issuedOn: '2023-03-05',
    inForceFrom: '2023-03-05',
    note: NATIONAL_TARGET_NOTE,
  },
  'GWR-2024': {
    id: 'GWR-2024',
    number: '2024年政府工作报告',
    title: '政府工作报告（2024年）',
    issuer: '国务院',
    region: '000000',
    issuedOn: '2024-03-05',
    inForceFrom: '2024-03-05',
    note: NATIONAL_TARGET_NOTE,
  },
  'GWR-2025': {
    id: 'GWR-2025',
    number: '2025年政府工作报告',
    title: '政府工作报告（2025年）',
    issuer: '国务院',
    region: '000000',
    issuedOn: '2025-03-05',
    inForceFrom: '2025-03-05',
    note: NATIONAL_TARGET_NOTE,
  },
};

/** Where a rule comes from: a document and the article, paragraph or item within it. */
export interface Citation {
  readonly document: DocumentId;
  readonly article: string;
}

export function cite(document: DocumentId, article: string): Citation {
  return Object.freeze({ document, article });
}

/** `财社〔2023〕181号`; a document without a 文号 is named in 《》. */
export function documentName(id: DocumentId): string {
  const doc = DOCUMENTS[id];
  return doc.number.includes('〔') ? doc.number : `《${doc.number}》`;
}

/** `财社〔2023〕181号 第九条`, as decisions cite it. */
const formatted = new WeakMap<Citation, string>();

export function formatCitation(citation: Citation): string {
  let out = formatted.get(citation);
  if (out === undefined) {
    out = `${documentName(citation.document)} ${citation.article}`;
    formatted.set(citation, out);
  }
  return out;
}
