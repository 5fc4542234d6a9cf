import { isIsoDate, yuanText } from '@huimin/policy';
import { coded, integer, RowError, yesNo, yuanToFen, type Column, type Row } from '../../registry/import/templates.js';
import { toXlsx } from '../../registry/import/tabular.js';
import { header } from '../workbook-header.js';
import type { DemandItemInput, DemandItemView } from './demand-item.js';

/**
 * The training-demand catalogue as a spreadsheet: the columns a bureau fills in to publish items,
 * and the catalogue as it is exported.
 */

export const TRAINING_KIND_NAMES = {
  'employment-skills': { zh: '就业技能培训', en: 'Employment skills' },
  entrepreneurship: { zh: '创业培训', en: 'Entrepreneurship' },
} as const;
export const PAYEE_NAMES = {
  trainee: { zh: '学员', en: 'Trainee' },
  institution: { zh: '培训机构', en: 'Institution' },
} as const;

export const CATALOGUE_COLUMNS: readonly Column[] = [
  { key: 'regionCode', zh: '行政区划代码', en: 'Region code', required: true, example: '510100' },
  { key: 'occupation', zh: '职业（工种）', en: 'Occupation', required: true, example: '电工' },
  {
    key: 'level',
    zh: '等级',
    en: 'Level',
    required: false,
    example: '4',
    help: '1（一级/高级技师）至 5（五级/初级工），可空 / 1 to 5, may be empty',
  },
  {
    key: 'trainingKind',
    zh: '培训类型',
    en: 'Training kind',
    required: true,
    example: '就业技能培训',
    help: '就业技能培训 或 创业培训',
  },
  { key: 'standard', zh: '补贴标准（元）', en: 'Standard (yuan)', required: true, example: '1800' },
  { key: 'hours', zh: '课时', en: 'Hours', required: true, example: '80' },
  { key: 'urgent', zh: '急需紧缺', en: 'Urgently needed', required: true, example: '是', help: '是 / 否' },
  {
    key: 'payee',
    zh: '补贴发放对象',
    en: 'Paid to',
    required: false,
    example: '学员',
    help: '学员（直补个人，默认）或 培训机构（项目制、先垫后补）',
  },
  { key: 'validFrom', zh: '生效日期', en: 'Valid from', required: true, example: '2026-01-01', help: 'YYYY-MM-DD' },
  {
    key: 'validTo',
    zh: '截止日期',
    en: 'Valid to',
    required: false,
    example: '',
    help: 'YYYY-MM-DD，可空 / may be empty',
  },
];

function date(row: Row, key: string): string | undefined {
  const v = row[key];
  if (!v) return undefined;
  if (!isIsoDate(v)) throw new RowError(key, '日期应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD');
  return v;
}

/** One catalogue row as the input `addDemandItem` takes; what a column alone can tell is checked here. */
export function readCatalogueRow(row: Row): DemandItemInput {
  const level = integer(row, 'level');
  if (level !== undefined && (level < 1 || level > 5)) throw new RowError('level', '等级应为 1 至 5', 'must be 1 to 5');
  const hours = integer(row, 'hours') ?? 0;
  if (hours < 1 || hours > 2000) throw new RowError('hours', '课时应为 1 至 2000', 'must be 1 to 2000');
  const validFrom = date(row, 'validFrom') ?? '';
  const validTo = date(row, 'validTo');
  return {
    regionCode: row.regionCode ?? '',
    occupation: row.occupation ?? '',
    ...(level !== undefined ? { level } : {}),
    trainingKind: coded(row, 'trainingKind', TRAINING_KIND_NAMES) as DemandItemInput['trainingKind'],
    standardFen: yuanToFen(row, 'standard') ?? 0,
    hours,
    urgent: yesNo(row, 'urgent') ?? false,
    payee: (coded(row, 'payee', PAYEE_NAMES) ?? 'trainee') as DemandItemInput['payee'],
    validFrom,
    ...(validTo ? { validTo } : {}),
  };
}

export function catalogueTemplate(): Promise<Buffer> {
  return toXlsx(
    '培训需求目录',
    CATALOGUE_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [CATALOGUE_COLUMNS.map((c) => c.example)],
    [
      '职业技能培训需求指导目录导入模板 / Training-demand catalogue import template（人社部发〔2024〕5号 (一)）',
      '任一行有错误时整份文件不导入，并返回逐行错误清单。/ If any row is wrong, nothing is imported and every problem is listed.',
      ...CATALOGUE_COLUMNS.map(
        (c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`,
      ),
    ],
  );
}

export function catalogueWorkbook(items: readonly DemandItemView[]): Promise<Buffer> {
  const columns = [
    ...CATALOGUE_COLUMNS,
    { zh: '状态', en: 'Status' },
    { zh: '移出日期', en: 'Moved out on' },
    { zh: '移出原因', en: 'Reason' },
  ];
  return toXlsx(
    '培训需求目录',
    header(columns),
    items.map((i) => [
      i.regionCode,
      i.occupation,
      i.level === undefined ? '' : String(i.level),
      TRAINING_KIND_NAMES[i.trainingKind].zh,
      yuanText(i.standardFen),
      String(i.hours),
      i.urgent ? '是' : '否',
      PAYEE_NAMES[i.payee].zh,
      i.validFrom,
      i.validTo ?? '',
      i.inForce ? '在目录' : i.removedOn ? '已移出' : '不在有效期',
      i.removedOn ?? '',
      i.removedReason ?? '',
    ]),
  );
}
