import { formatYuan, formatYuanEn } from '@huimin/policy';
import { toXlsx } from '../../registry/import/tabular.js';
import type { PostingView } from './labour-market.schemas.js';

type Language = 'zh-CN' | 'en-US';

const STATES = {
  submitted: { 'zh-CN': '待审核', 'en-US': 'Waiting for review' },
  refused: { 'zh-CN': '已退回', 'en-US': 'Returned' },
  published: { 'zh-CN': '已发布', 'en-US': 'Published' },
  withdrawn: { 'zh-CN': '已撤回', 'en-US': 'Withdrawn' },
} as const;

const HEADER = {
  'zh-CN': [
    '岗位名称',
    '招聘单位',
    '职业',
    '招聘人数',
    '月薪下限',
    '月薪上限',
    '工作地区',
    '工作地点',
    '有效期起',
    '有效期至',
    '状态',
    '退回理由',
  ],
  'en-US': [
    'Title',
    'Unit',
    'Occupation',
    'Headcount',
    'Pay from',
    'Pay to',
    'Region',
    'Place',
    'Valid from',
    'Valid to',
    'State',
    'Reason returned',
  ],
} as const;

/** The desk's posting list as a workbook in the reader's language: names and 元, never codes or fen. */
export function postingsWorkbook(postings: readonly PostingView[], language: Language): Promise<Buffer> {
  const zh = language === 'zh-CN';
  const money = (fen: number) => (zh ? formatYuan(fen) : formatYuanEn(fen));
  return toXlsx(
    zh ? '岗位' : 'Postings',
    HEADER[language],
    postings.map((p) => [
      p.title,
      p.organisationName,
      zh ? p.occupation.zh : p.occupation.en,
      String(p.headcount),
      money(p.payMinFen),
      money(p.payMaxFen),
      zh ? p.regionName.zh : p.regionName.en,
      p.place,
      p.validFrom,
      p.validTo,
      STATES[p.state][language],
      p.refusal ?? '',
    ]),
  );
}
