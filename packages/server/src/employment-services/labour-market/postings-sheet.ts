import { isIsoDate } from '@huimin/policy';
import { toXlsx } from '../../registry/import/tabular.js';
import { integer, RowError, RowReader, yuanToFen, type Column, type Row } from '../../registry/import/templates.js';
import type { PostingInput } from './labour-market.schemas.js';
import { OCCUPATIONS } from './occupations.js';

/**
 * An employer's job postings as a spreadsheet a clerk imports on its behalf: the columns, one row
 * read as a posting (what the row alone can tell; the posting rules are checked by the importer),
 * and the template. Pay is in 元 a month, the occupation by its code or its name in the 2022
 * classification.
 */
export const POSTING_COLUMNS: readonly Column[] = [
  { key: 'title', zh: '岗位名称', en: 'Title', required: true, example: '数控车床操作工' },
  {
    key: 'occupation',
    zh: '职业',
    en: 'Occupation',
    required: true,
    example: '车工',
    help: '《职业分类大典（2022年版）》的职业名称或编码，如 车工 或 6-18-01-01',
  },
  { key: 'headcount', zh: '招聘人数', en: 'Headcount', required: true, example: '3' },
  { key: 'payMin', zh: '月薪下限（元）', en: 'Pay from (yuan a month)', required: true, example: '4500' },
  { key: 'payMax', zh: '月薪上限（元）', en: 'Pay to (yuan a month)', required: true, example: '6500' },
  { key: 'regionCode', zh: '工作地区代码', en: 'Region code', required: true, example: '510104' },
  { key: 'place', zh: '工作地点', en: 'Place', required: true, example: '锦江区工业园1号' },
  { key: 'requirements', zh: '任职要求', en: 'Requirements', required: false, example: '持车工证书优先' },
  { key: 'description', zh: '岗位描述', en: 'Description', required: false, example: '操作数控车床加工零件' },
  {
    key: 'minLevel',
    zh: '最低技能等级',
    en: 'Lowest skill level',
    required: false,
    example: '',
    help: '1 高级技师 … 5 初级工，不要求的留空',
  },
  { key: 'contact', zh: '联系方式', en: 'Contact', required: true, example: '人事部 028-80000000' },
  { key: 'validFrom', zh: '有效期起', en: 'Valid from', required: true, example: '2026-12-01', help: 'YYYY-MM-DD' },
  { key: 'validTo', zh: '有效期至', en: 'Valid to', required: true, example: '2027-01-31', help: 'YYYY-MM-DD' },
];

/** The fields' keys in the posting, as the posting rules name them, to the sheet's columns. */
export const POSTING_FIELD_COLUMN: Readonly<Record<string, string>> = {
  occupationCode: 'occupation',
  payMinFen: 'payMin',
  payMaxFen: 'payMax',
};

function text(row: Row, key: string, max: number): string {
  const v = (row[key] ?? '').trim();
  if (v.length > max) throw new RowError(key, `最多 ${max} 个字`, `has at most ${max} characters`);
  return v;
}

function date(row: Row, key: string): string {
  const v = (row[key] ?? '').trim();
  if (!isIsoDate(v)) throw new RowError(key, '日期应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD');
  return v;
}

function occupationOf(row: Row): string {
  const v = (row.occupation ?? '').trim();
  const found = OCCUPATIONS.find((o) => o.code === v || o.zh === v);
  if (!found) throw new RowError('occupation', `不认识的职业“${v}”`, `unknown occupation “${v}”`);
  return found.code;
}

function level(row: Row): number | undefined {
  const n = integer(row, 'minLevel');
  if (n !== undefined && (n < 1 || n > 5)) throw new RowError('minLevel', '应为 1 至 5', 'must be 1 to 5');
  return n;
}

/** One row as a posting, every cell's problem at once (a RowErrors). */
export function readPostingRow(row: Row): PostingInput {
  const r = new RowReader();
  const headcount = r.take(() => {
    const n = integer(row, 'headcount');
    if (n === undefined || n < 1 || n > 10_000)
      throw new RowError('headcount', '应为 1 至 10000', 'must be 1 to 10,000');
    return n;
  });
  const posting = {
    title: r.take(() => text(row, 'title', 60)),
    occupationCode: r.take(() => occupationOf(row)),
    headcount,
    payMinFen: r.take(() => yuanToFen(row, 'payMin')),
    payMaxFen: r.take(() => yuanToFen(row, 'payMax')),
    regionCode: r.take(() => {
      const v = (row.regionCode ?? '').trim();
      if (!/^\d{6}$/.test(v)) throw new RowError('regionCode', '应为6位行政区划代码', 'must be a 6-digit region code');
      return v;
    }),
    place: r.take(() => text(row, 'place', 200)),
    requirements: r.take(() => text(row, 'requirements', 1000)),
    description: r.take(() => text(row, 'description', 2000)),
    minLevel: r.take(() => level(row)),
    contact: r.take(() => text(row, 'contact', 100)),
    validFrom: r.take(() => date(row, 'validFrom')),
    validTo: r.take(() => date(row, 'validTo')),
  };
  r.done();
  const { minLevel, ...rest } = posting;
  return { ...(rest as Required<typeof rest>), ...(minLevel !== undefined ? { minLevel } : {}) } as PostingInput;
}

export function postingsTemplate(): Promise<Buffer> {
  return toXlsx(
    '岗位',
    POSTING_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [POSTING_COLUMNS.map((c) => c.example)],
    [
      '用人单位岗位导入模板 / An employer’s job postings',
      '任一行有错误时整份文件不导入，并返回每一行的每个错误。/ If any row is wrong, nothing is imported and every problem of every row is listed.',
      '导入的岗位待审核，由导入人以外的经办人审核后发布。/ Imported postings wait for review by a clerk other than the importer.',
      ...POSTING_COLUMNS.map(
        (c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`,
      ),
    ],
  );
}
