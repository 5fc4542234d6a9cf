import { yuanText } from '@huimin/policy';
import {
  coded,
  dateCell,
  headerOf,
  integer,
  RowError,
  RowReader,
  yesNo,
  yuanToFen,
  type Column,
  type Row,
} from '../../registry/import/templates.js';
import { toXlsx } from '../../registry/import/tabular.js';
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
  // What the export adds: the item's number and where it stands. The same columns head the
  // template, so an exported catalogue with rows added is an import file; rows that carry a number
  // are items already in the catalogue and are left as they are.
  {
    key: 'id',
    zh: '目录编号',
    en: 'Item number',
    required: false,
    example: '',
    help: '新增项目留空；导出的已有项目保留原编号，导入时不变 / empty for a new item',
  },
  { key: 'status', zh: '状态', en: 'Status', required: false, example: '', help: '导出时填写，导入时忽略 / ignored' },
  { key: 'removedOn', zh: '移出日期', en: 'Moved out on', required: false, example: '', help: '导入时忽略 / ignored' },
  { key: 'removedReason', zh: '移出原因', en: 'Reason', required: false, example: '', help: '导入时忽略 / ignored' },
];

/**
 * One catalogue row as the input `addDemandItem` takes, and the number it carries when it is an
 * exported item; what the columns alone can tell is checked here, every problem of the row at once.
 */
export function readCatalogueRow(row: Row): DemandItemInput & { id?: string } {
  const r = new RowReader();
  const level = r.take(() => {
    const v = integer(row, 'level');
    if (v !== undefined && (v < 1 || v > 5)) throw new RowError('level', '等级应为 1 至 5', 'must be 1 to 5');
    return v;
  });
  const hours =
    r.take(() => {
      const v = integer(row, 'hours') ?? 0;
      if (v < 1 || v > 2000) throw new RowError('hours', '课时应为 1 至 2000', 'must be 1 to 2000');
      return v;
    }) ?? 0;
  const validFrom = r.take(() => dateCell(row, 'validFrom')) ?? '';
  const validTo = r.take(() => dateCell(row, 'validTo'));
  const trainingKind = r.take(() => coded(row, 'trainingKind', TRAINING_KIND_NAMES)) as DemandItemInput['trainingKind'];
  const standardFen = r.take(() => yuanToFen(row, 'standard')) ?? 0;
  const urgent = r.take(() => yesNo(row, 'urgent')) ?? false;
  const payee = (r.take(() => coded(row, 'payee', PAYEE_NAMES)) ?? 'trainee') as DemandItemInput['payee'];
  const id = r.take(() => {
    const v = row.id?.trim();
    if (v && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
      throw new RowError('id', '目录编号不正确', 'not an item number');
    return v || undefined;
  });
  r.done();
  return {
    regionCode: row.regionCode ?? '',
    occupation: row.occupation ?? '',
    ...(level !== undefined ? { level } : {}),
    trainingKind,
    standardFen,
    hours,
    urgent,
    payee,
    validFrom,
    ...(validTo ? { validTo } : {}),
    ...(id ? { id } : {}),
  };
}

/** An exported item's columns as they read back, to tell an untouched row from an edited one. */
export function sameItem(a: DemandItemInput, b: DemandItemInput): boolean {
  return (
    a.regionCode === b.regionCode &&
    a.occupation === b.occupation &&
    a.level === b.level &&
    a.trainingKind === b.trainingKind &&
    a.standardFen === b.standardFen &&
    a.hours === b.hours &&
    a.urgent === b.urgent &&
    (a.payee ?? 'trainee') === (b.payee ?? 'trainee') &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo
  );
}

export function catalogueTemplate(): Promise<Buffer> {
  return toXlsx(
    '培训需求目录',
    CATALOGUE_COLUMNS.map(headerOf),
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

/** The catalogue as exported: the template's own columns, so it can be edited and imported back. */
export function catalogueWorkbook(items: readonly DemandItemView[]): Promise<Buffer> {
  return toXlsx(
    '培训需求目录',
    CATALOGUE_COLUMNS.map(headerOf),
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
      i.id,
      i.inForce ? '在目录' : i.removedOn ? '已移出' : '不在有效期',
      i.removedOn ?? '',
      i.removedReason ?? '',
    ]),
  );
}
