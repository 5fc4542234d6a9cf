import { isIsoDate } from '@huimin/policy';
import { coded, RowError, type Column, type Row } from '../../registry/import/templates.js';
import { toXlsx } from '../../registry/import/tabular.js';
import type { RegistrationEndReason } from '../../db/schema.js';

/**
 * Historic registrations (from the system before this one) as a spreadsheet: the columns, one row
 * read as a registration, and the template. A row that ended names its last day and why.
 */
const KIND = { employment: { zh: '就业登记' }, unemployment: { zh: '失业登记' } } as const;
const BASIS = { residence: { zh: '常住地' }, hukou: { zh: '户籍地' } } as const;
const EMPLOYMENT = {
  'labour-contract': { zh: '签订劳动合同' },
  flexible: { zh: '灵活就业' },
  'public-welfare-post': { zh: '公益性岗位' },
} as const;
const REASONS = {
  employed: { zh: '已就业' },
  enrolled: { zh: '升学' },
  enlisted: { zh: '应征入伍' },
  retired: { zh: '退休' },
  'moved-away': { zh: '迁出本地' },
  'no-contact': { zh: '连续6个月未联系' },
  'left-job': { zh: '解除或终止劳动关系' },
  unemployed: { zh: '办理失业登记' },
  died: { zh: '死亡' },
} as const;

export const REGISTRATION_COLUMNS: readonly Column[] = [
  {
    key: 'idNumber',
    zh: '身份证号码',
    en: 'ID number',
    required: true,
    example: '11010519491231002X',
    help: '单元格设为文本 / format the cell as text',
  },
  { key: 'kind', zh: '登记类型', en: 'Kind', required: true, example: '失业登记', help: '就业登记 或 失业登记' },
  { key: 'regionCode', zh: '登记地行政区划代码', en: 'Region code', required: true, example: '510104' },
  { key: 'basis', zh: '登记地', en: 'Registered at', required: true, example: '常住地', help: '常住地 或 户籍地' },
  { key: 'community', zh: '街道/社区', en: 'Sub-district / community', required: false, example: '春熙路街道' },
  { key: 'startsOn', zh: '登记日期', en: 'From', required: true, example: '2025-03-01', help: 'YYYY-MM-DD' },
  {
    key: 'endsOn',
    zh: '终止日期',
    en: 'Last day',
    required: false,
    example: '',
    help: 'YYYY-MM-DD，未终止的留空 / empty while open',
  },
  {
    key: 'endReason',
    zh: '终止原因',
    en: 'End reason',
    required: false,
    example: '',
    help: Object.values(REASONS)
      .map((r) => r.zh)
      .join('、'),
  },
  {
    key: 'employmentKind',
    zh: '就业形式',
    en: 'Form of employment',
    required: false,
    example: '',
    help: '就业登记必填：签订劳动合同、灵活就业、公益性岗位',
  },
  {
    key: 'employerCreditCode',
    zh: '用人单位统一社会信用代码',
    en: 'Employer credit code',
    required: false,
    example: '',
  },
  {
    key: 'cardNumber',
    zh: '就业创业证号',
    en: 'Card number',
    required: false,
    example: '',
    help: '原系统的证号，可空 / the old system’s number, may be empty',
  },
];

export interface HistoricRegistration {
  idNumber: string;
  kind: 'employment' | 'unemployment';
  regionCode: string;
  basis: 'residence' | 'hukou';
  community?: string;
  startsOn: string;
  endsOn?: string;
  endReason?: RegistrationEndReason;
  employmentKind?: 'labour-contract' | 'flexible' | 'public-welfare-post';
  employerCreditCode?: string;
  cardNumber?: string;
}

function date(row: Row, key: string): string | undefined {
  const v = row[key];
  if (!v) return undefined;
  if (!isIsoDate(v)) throw new RowError(key, '日期应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD');
  return v;
}

/** One row as a registration; what the row alone can tell is checked here. */
export function readRegistrationRow(row: Row): HistoricRegistration {
  const kind = coded(row, 'kind', KIND) as HistoricRegistration['kind'];
  const startsOn = date(row, 'startsOn') ?? '';
  const endsOn = date(row, 'endsOn');
  const endReason = coded(row, 'endReason', REASONS) as RegistrationEndReason | undefined;
  if (endsOn && endsOn < startsOn)
    throw new RowError('endsOn', '终止日期早于登记日期', 'is before the registration began');
  if (endsOn && !endReason)
    throw new RowError('endReason', '已终止的登记须填写终止原因', 'is required when the registration ended');
  if (!endsOn && endReason)
    throw new RowError('endsOn', '填写了终止原因但没有终止日期', 'is required with an end reason');
  const employmentKind = coded(row, 'employmentKind', EMPLOYMENT) as HistoricRegistration['employmentKind'];
  if (kind === 'employment' && !employmentKind)
    throw new RowError('employmentKind', '就业登记须填写就业形式', 'is required for an employment registration');
  if (kind === 'unemployment' && employmentKind)
    throw new RowError('employmentKind', '失业登记不填就业形式', 'must be empty for an unemployment registration');
  const credit = row.employerCreditCode?.trim();
  // The form's pattern (registration.schemas.ts); the check character is asked by the import as by
  // the form (refuseBadEmployerCode), since it depends on what the registry holds.
  if (credit && !/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(credit))
    throw new RowError('employerCreditCode', '统一社会信用代码格式不正确', 'is not a unified credit code');
  if (employmentKind === 'labour-contract' && !credit)
    throw new RowError('employerCreditCode', '签订劳动合同的须填写用人单位', 'is required for a labour contract');
  // The lengths the table holds (migration 0018), said for the cell rather than refused by the database.
  const card = row.cardNumber?.trim();
  if (card && (card.length < 6 || card.length > 30))
    throw new RowError('cardNumber', '证号应为6至30个字符', 'must be 6 to 30 characters');
  if ((row.community?.trim().length ?? 0) > 100)
    throw new RowError('community', '不能超过100个字符', 'may be at most 100 characters');
  return {
    idNumber: (row.idNumber ?? '').trim().toUpperCase(),
    kind,
    regionCode: row.regionCode ?? '',
    basis: coded(row, 'basis', BASIS) as HistoricRegistration['basis'],
    ...(row.community?.trim() ? { community: row.community.trim() } : {}),
    startsOn,
    ...(endsOn ? { endsOn } : {}),
    ...(endReason ? { endReason } : {}),
    ...(employmentKind ? { employmentKind } : {}),
    ...(credit ? { employerCreditCode: credit } : {}),
    ...(card ? { cardNumber: card } : {}),
  };
}

export function registrationTemplate(): Promise<Buffer> {
  return toXlsx(
    '就业失业登记',
    REGISTRATION_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [REGISTRATION_COLUMNS.map((c) => c.example)],
    [
      '历史就业失业登记导入模板 / Historic employment and unemployment registrations',
      '任一行有错误时整份文件不导入，并返回逐行错误清单。/ If any row is wrong, nothing is imported and every problem is listed.',
      '同一人的登记期间不得重叠，未终止的登记每人至多一条。/ One person’s periods may not overlap; at most one open registration each.',
      ...REGISTRATION_COLUMNS.map(
        (c) => `${c.zh} (${c.key})${c.required ? ' *必填 required' : ''}${c.help ? `：${c.help}` : ''}`,
      ),
    ],
  );
}
