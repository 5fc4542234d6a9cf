import { toXlsx } from '../../registry/import/tabular.js';
import type { CaseView } from './assistance-service.js';

type Language = 'zh-CN' | 'en-US';

const KINDS = {
  'hard-to-employ': { 'zh-CN': '就业困难人员', 'en-US': 'Hard to employ' },
  'zero-employment-household': { 'zh-CN': '零就业家庭', 'en-US': 'Zero-employment household' },
  graduate: { 'zh-CN': '离校未就业高校毕业生', 'en-US': 'Unemployed graduate' },
} as const;

const CLOSED = {
  employed: { 'zh-CN': '已就业', 'en-US': 'Employed' },
  'promise-kept': { 'zh-CN': '“1+3+1”服务已完成', 'en-US': '1+3+1 kept' },
  'certification-ended': { 'zh-CN': '认定终止', 'en-US': 'Certification ended' },
  'moved-away': { 'zh-CN': '迁出', 'en-US': 'Moved away' },
} as const;

const HEADER = {
  'zh-CN': [
    '姓名',
    '身份证号',
    '援助类别',
    '街道/社区',
    '就业服务专员',
    '立案日期',
    '应完成日期',
    '是否逾期',
    '“1+3+1”进度',
    '结案日期',
    '结案原因',
  ],
  'en-US': [
    'Name',
    'ID number',
    'Group',
    'Sub-district / community',
    'Case worker',
    'Opened',
    'Due',
    'Overdue',
    '1+3+1 progress',
    'Closed',
    'Closed because',
  ],
} as const;

/** The case list as a workbook, in the caller's language: names and words, never codes. */
export async function casesWorkbook(cases: readonly CaseView[], language: Language): Promise<Buffer> {
  const yes = language === 'zh-CN' ? '是' : 'Yes';
  const no = language === 'zh-CN' ? '否' : 'No';
  const rows = cases.map((c) => [
    c.name,
    c.idNumberMasked,
    KINDS[c.kind][language],
    c.community ?? '',
    c.caseWorkerName ?? '',
    c.openedOn,
    c.dueOn,
    c.overdue ? yes : no,
    c.promise
      ? `${c.promise.guidanceDone}/${c.promise.guidance} + ${c.promise.referralsDone}/${c.promise.referrals} + ${c.promise.offersDone}/${c.promise.offers}`
      : '',
    c.closedOn ?? '',
    c.closeReason ? (CLOSED[c.closeReason as keyof typeof CLOSED]?.[language] ?? '') : '',
  ]);
  const title = language === 'zh-CN' ? '就业援助对象' : 'Assistance cases';
  return toXlsx(title, HEADER[language], rows);
}
