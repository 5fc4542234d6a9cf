import { isIsoDate, isIsoMonth, type Graduation, type PersonStatusKind, type Text } from '@huimin/policy';
import type { ReferenceKind } from '../db/schema.js';

/** The columns of a reference kind's file, and what a row must hold. */
export interface ReferenceKindSpec {
  /** Rows name a person by ID number (kept as a keyed hash); otherwise a unit by credit code. */
  readonly person: boolean;
  readonly columns: readonly string[];
  /** Columns the file must have and no row may leave empty (the first column when not given). */
  readonly required?: readonly string[];
  /**
   * A list of statuses: each row names a person and one status the list holds for them, from a day
   * (and to a day, when they left it). A person on two of the lists is two rows, kept as one record.
   */
  readonly statuses?: readonly ListedStatus[];
}

/** The statuses the household and poverty lists hold. */
export type ListedStatus = Extract<
  PersonStatusKind,
  'dibao-household' | 'tekun' | 'poverty-alleviated' | 'poverty-monitoring'
>;

/** A person's record in the graduate records (学信/教育部门): the day they graduate and the school's kind. */
export interface GraduateRecord {
  readonly graduatedOn?: string;
  readonly institution?: Graduation['institution'];
}

/** A person's record in a status list: each status the list holds, with its days. */
export interface ListedStatusRecord {
  readonly statuses: readonly { kind: ListedStatus; from: string; to?: string }[];
}

const LIST_COLUMNS = ['idNumber', 'status', 'from', 'to'] as const;

export const REFERENCE_KINDS: Readonly<Record<ReferenceKind, ReferenceKindSpec>> = {
  deaths: { person: true, columns: ['idNumber', 'date'] },
  'civil-service-roster': { person: true, columns: ['idNumber', 'unit'] },
  // 市场监管 登记数据: the founder (经营者/法定代表人) is kept as a keyed hash, never the ID number.
  'business-registry': {
    person: false,
    columns: ['creditCode', 'status', 'deregisteredOn', 'name', 'form', 'sizeClass', 'registeredOn', 'founderIdNumber'],
  },
  'social-insurance': { person: true, columns: ['idNumber', 'fromMonth', 'toMonth', 'employer'] },
  'unemployment-registrations': { person: true, columns: ['idNumber', 'from', 'to'] },
  // 乡村振兴部门 防返贫监测信息: 脱贫人口 and 防止返贫监测对象, each from the day identified, to the day
  // the risk was removed (风险消除) where it was.
  'poverty-monitoring': {
    person: true,
    columns: LIST_COLUMNS,
    required: ['idNumber', 'status', 'from'],
    statuses: ['poverty-alleviated', 'poverty-monitoring'],
  },
  // 学信/教育部门 毕业生数据: the graduation (or expected graduation) date and the kind of school.
  'graduate-records': {
    person: true,
    columns: ['idNumber', 'graduatedOn', 'institution'],
    required: ['idNumber', 'graduatedOn', 'institution'],
  },
  // 民政部门 社会救助对象: members of 低保 households and 特困人员, from the day support began, to the
  // day it ended (退出) where it did.
  'social-assistance': {
    person: true,
    columns: LIST_COLUMNS,
    required: ['idNumber', 'status', 'from'],
    statuses: ['dibao-household', 'tekun'],
  },
};

const DATES = ['date', 'from', 'to', 'deregisteredOn', 'registeredOn', 'graduatedOn'];
const t = (zh: string, en: string): Text => ({ zh, en });

/** What is wrong with one cell of a row, if anything (the row's other cells are checked apart). */
export function badValue(spec: ReferenceKindSpec, column: string, value: string): Text | undefined {
  if (DATES.includes(column) && !isIsoDate(value)) return t('日期应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD');
  if (['fromMonth', 'toMonth'].includes(column) && !isIsoMonth(value))
    return t('月份应为 YYYY-MM', 'Months are YYYY-MM');
  if (column === 'status' && spec.statuses) {
    const allowed = spec.statuses as readonly string[];
    return allowed.includes(value)
      ? undefined
      : t(`身份应为 ${allowed.join('、')}`, `Status is ${allowed.join(' or ')}`);
  }
  if (column === 'status' && !['active', 'deregistered'].includes(value))
    return t('状态应为 active 或 deregistered', 'Status is active or deregistered');
  if (column === 'form' && !['enterprise', 'individual-business'].includes(value))
    return t('主体类型应为 enterprise 或 individual-business', 'Form is enterprise or individual-business');
  if (column === 'institution' && !['university', 'technical-college'].includes(value))
    return t('院校类别应为 university 或 technical-college', 'Institution is university or technical-college');
  if (column === 'sizeClass' && !['large', 'medium', 'small', 'micro'].includes(value))
    return t('规模应为 large、medium、small 或 micro', 'Size class is large, medium, small or micro');
  return undefined;
}
