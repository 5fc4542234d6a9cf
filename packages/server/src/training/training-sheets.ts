import { isIsoDate, parseResidentId, yuanText } from '@huimin/policy';
import { coded, integer, RowError, yesNo, yuanToFen, type Column, type Row } from '../registry/import/templates.js';
import { toXlsx } from '../registry/import/tabular.js';
import type { ClassView, DemandItemInput, DemandItemView, InstitutionView } from './training-service.js';

/**
 * The training catalogues and rosters as spreadsheets: the columns a bureau fills in to publish
 * catalogue items, the roster an institution hands in with an opening, and what is exported.
 */

export const TRAINING_KIND_NAMES = { 'employment-skills': { zh: '就业技能培训', en: 'Employment skills' }, entrepreneurship: { zh: '创业培训', en: 'Entrepreneurship' } } as const;
export const PAYEE_NAMES = { trainee: { zh: '学员', en: 'Trainee' }, institution: { zh: '培训机构', en: 'Institution' } } as const;
export const NATURE_NAMES = { public: { zh: '公办', en: 'Public' }, private: { zh: '民办', en: 'Private' }, enterprise: { zh: '企业', en: 'Enterprise' }, school: { zh: '院校', en: 'School' } } as const;

export const CATALOGUE_COLUMNS: readonly Column[] = [
  { key: 'regionCode', zh: '行政区划代码', en: 'Region code', required: true, example: '510100' },
  { key: 'occupation', zh: '职业（工种）', en: 'Occupation', required: true, example: '电工' },
  { key: 'level', zh: '等级', en: 'Level', required: false, example: '4', help: '1（一级/高级技师）至 5（五级/初级工），可空 / 1 to 5, may be empty' },
  { key: 'trainingKind', zh: '培训类型', en: 'Training kind', required: true, example: '就业技能培训', help: '就业技能培训 或 创业培训' },
  { key: 'standard', zh: '补贴标准（元）', en: 'Standard (yuan)', required: true, example: '1800' },
  { key: 'hours', zh: '课时', en: 'Hours', required: true, example: '80' },
  { key: 'urgent', zh: '急需紧缺', en: 'Urgently needed', required: true, example: '是', help: '是 / 否' },
  { key: 'payee', zh: '补贴发放对象', en: 'Paid to', required: false, example: '学员', help: '学员（直补个人，默认）或 培训机构（项目制、先垫后补）' },
  { key: 'validFrom', zh: '生效日期', en: 'Valid from', required: true, example: '2026-01-01', help: 'YYYY-MM-DD' },
  { key: 'validTo', zh: '截止日期', en: 'Valid to', required: false, example: '', help: 'YYYY-MM-DD，可空 / may be empty' },
];

export const ROSTER_COLUMNS: readonly Column[] = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
  { key: 'idNumber', zh: '身份证号码', en: 'ID number', required: true, example: '11010519491231002X', help: '单元格设为文本 / format the cell as text' },
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

/** One roster row: the ID number checked (GB 11643), the name kept to compare with the registry's. */
export function readRosterRow(row: Row): { name: string; idNumber: string } {
  const parsed = parseResidentId((row.idNumber ?? '').toUpperCase());
  if (!parsed.ok) throw new RowError('idNumber', '身份证号码无效（校验位不符或格式错误）', 'not a valid resident ID number');
  return { name: (row.name ?? '').trim(), idNumber: parsed.value.number };
}

const header = (columns: readonly { zh: string; en: string }[]) => columns.map((c) => `${c.zh} ${c.en}`);

export function catalogueTemplate(): Promise<Buffer> {
  return toXlsx(
    '培训需求目录',
    CATALOGUE_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [CATALOGUE_COLUMNS.map((c) => c.example)],
    [
      '职业技能培训需求指导目录导入模板 / Training-demand catalogue import template（人社部发〔2024〕5号 (一)）',
      '任一行有错误时整份文件不导入，并返回逐行错误清单。/ If any row is wrong, nothing is imported and every problem is listed.',
      ...CATALOGUE_COLUMNS.map((c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`),
    ],
  );
}

export function rosterTemplate(): Promise<Buffer> {
  return toXlsx('培训学员名册', ROSTER_COLUMNS.map((c) => `${c.zh} (${c.key})`), [ROSTER_COLUMNS.map((c) => c.example)], ['培训学员名册（实名制）/ Class roster by real name', '姓名须与登记信息一致。/ Names must match the registry.']);
}

export function catalogueWorkbook(items: readonly DemandItemView[]): Promise<Buffer> {
  const columns = [...CATALOGUE_COLUMNS, { zh: '状态', en: 'Status' }, { zh: '移出日期', en: 'Moved out on' }, { zh: '移出原因', en: 'Reason' }];
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

export function institutionsWorkbook(institutions: readonly InstitutionView[], items: readonly DemandItemView[]): Promise<Buffer> {
  const occupation = new Map(items.map((i) => [i.id, i.level === undefined ? i.occupation : `${i.occupation}（${i.level}级）`]));
  const columns = [
    { zh: '机构名称', en: 'Name' },
    { zh: '行政区划代码', en: 'Region code' },
    { zh: '地址', en: 'Address' },
    { zh: '性质', en: 'Nature' },
    { zh: '培训能力（人）', en: 'Capacity' },
    { zh: '可开展项目', en: 'Items' },
    { zh: '状态', en: 'Status' },
    { zh: '移出日期', en: 'Moved out on' },
    { zh: '移出原因', en: 'Reason' },
  ];
  return toXlsx(
    '培训机构目录',
    header(columns),
    institutions.map((i) => [
      i.name,
      i.regionCode,
      i.address,
      NATURE_NAMES[i.nature as keyof typeof NATURE_NAMES]?.zh ?? i.nature,
      String(i.capacity),
      i.demandItemIds.map((d) => occupation.get(d) ?? '').filter(Boolean).join('、'),
      i.status === 'listed' ? '在目录' : '已移出',
      i.removedOn ?? '',
      i.removedReason ?? '',
    ]),
  );
}

/** A class's roster with attendance, results and certificates; ID numbers masked. */
export function rosterWorkbook(cls: ClassView): Promise<Buffer> {
  const columns = [
    { zh: '序号', en: 'No.' },
    { zh: '姓名', en: 'Name' },
    { zh: '身份证号码', en: 'ID number' },
    { zh: `出勤（共${cls.sessions}次）`, en: 'Sessions attended' },
    { zh: '考核结果', en: 'Result' },
    { zh: '成绩', en: 'Score' },
    { zh: '证书编号', en: 'Certificate' },
  ];
  return toXlsx(
    cls.number,
    header(columns),
    cls.trainees.map((t, i) => [
      String(i + 1),
      t.name,
      t.idNumberMasked,
      String(t.attended),
      t.passed === undefined ? '' : t.passed ? '合格' : '不合格',
      t.score === undefined ? '' : String(t.score),
      t.certificate ?? '',
    ]),
    [`${cls.number} ${cls.institutionName} ${cls.occupation} ${cls.startsOn} 至 ${cls.endsOn}`],
  );
}
