import { ORGANISATION_CATEGORY_NAMES, PERSON_STATUS_NAMES } from '@huimin/policy';
import { coded, dateCell, integer, mobile, RowReader, yesNo, yuanToFen, type Row } from './cells.js';
import type { CreateOrganisation, CreatePerson, FactInput } from '../registry.schemas.js';

/**
 * The import templates the system offers for download, one per kind of record. A column is known
 * by its key (in brackets in the header) or its Chinese name, so a clerk may reorder columns.
 */
export interface Column {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly required: boolean;
  readonly example: string;
  readonly help?: string;
}

export type ImportTarget =
  | { readonly kind: 'person'; readonly input: CreatePerson }
  | { readonly kind: 'organisation'; readonly input: CreateOrganisation }
  | { readonly kind: 'person-fact'; readonly idNumber: string; readonly fact: FactInput };

export { coded, dateCell, integer, mobile, RowError, RowErrors, RowReader, yesNo, yuanToFen } from './cells.js';
export type { Row } from './cells.js';

export interface ImportKind {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly Column[];
  /** Reads one row; throws a RowError naming the column for what a column alone can tell. */
  read(row: Row): ImportTarget;
}

const ID = {
  key: 'idNumber',
  zh: '身份证号码',
  en: 'ID number',
  required: true,
  example: '11010519491231002X',
  help: '单元格设为文本 / format the cell as text',
} as const;
const REGION = { key: 'regionCode', zh: '行政区划代码', en: 'Region code', required: true, example: '510104' } as const;

const RETIREMENT = {
  male: { zh: '男' },
  'female-cadre': { zh: '女干部(55岁)' },
  'female-worker': { zh: '女工人(50岁)' },
} as const;
const SIZE = { large: { zh: '大型' }, medium: { zh: '中型' }, small: { zh: '小型' }, micro: { zh: '微型' } } as const;
const EMPLOYMENT = {
  'labour-contract': { zh: '劳动合同' },
  'public-welfare-post': { zh: '公益性岗位' },
  flexible: { zh: '灵活就业' },
} as const;
const PAYER = { employer: { zh: '单位缴纳' }, self: { zh: '个人缴纳' } } as const;

export const IMPORT_KINDS: readonly ImportKind[] = [
  {
    id: 'people',
    zh: '人员',
    en: 'People',
    columns: [
      ID,
      { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
      REGION,
      {
        key: 'retirementCategory',
        zh: '退休类别',
        en: 'Retirement category',
        required: false,
        example: '',
        help: '男 / 女干部(55岁) / 女工人(50岁)',
      },
      { key: 'hukouRegion', zh: '户籍地区划代码', en: 'Hukou region', required: false, example: '510104' },
      { key: 'householdId', zh: '户号', en: 'Household number', required: false, example: 'H510104000001' },
      { key: 'rural', zh: '农村户籍', en: 'Rural hukou', required: false, example: '否', help: '是 / 否' },
      { key: 'phone', zh: '手机号码', en: 'Mobile', required: false, example: '13800000000' },
      { key: 'address', zh: '居住地址', en: 'Address', required: false, example: '成都市锦江区示例路1号' },
    ],
    read: (row) => {
      const r = new RowReader();
      const retirementCategory = r.take(() => coded(row, 'retirementCategory', RETIREMENT)) as
        CreatePerson['retirementCategory'] | undefined;
      const rural = r.take(() => yesNo(row, 'rural'));
      const phone = r.take(() => mobile(row, 'phone'));
      r.done();
      return {
        kind: 'person',
        input: {
          idNumber: row.idNumber ?? '',
          name: row.name ?? '',
          regionCode: row.regionCode ?? '',
          ...(retirementCategory ? { retirementCategory } : {}),
          ...(row.hukouRegion ? { hukouRegion: row.hukouRegion } : {}),
          ...(row.householdId ? { householdId: row.householdId } : {}),
          ...(rural !== undefined ? { rural } : {}),
          ...(phone ? { phone } : {}),
          ...(row.address ? { address: row.address } : {}),
        },
      };
    },
  },
  {
    id: 'organisations',
    zh: '单位',
    en: 'Units',
    columns: [
      { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', required: true, example: '91510104MA00000002' },
      { key: 'name', zh: '单位名称', en: 'Name', required: true, example: '成都示例科技有限公司' },
      {
        key: 'category',
        zh: '单位类别',
        en: 'Category',
        required: true,
        example: '企业',
        help: Object.values(ORGANISATION_CATEGORY_NAMES)
          .map((n) => n.zh)
          .join(' / '),
      },
      {
        key: 'sizeClass',
        zh: '企业规模',
        en: 'Size class',
        required: false,
        example: '小型',
        help: '大型 / 中型 / 小型 / 微型',
      },
      REGION,
      {
        key: 'creditCodeOverride',
        zh: '校验码例外说明',
        en: 'Check-digit override reason',
        required: false,
        example: '',
      },
    ],
    read: (row) => {
      const r = new RowReader();
      const sizeClass = r.take(() => coded(row, 'sizeClass', SIZE)) as CreateOrganisation['sizeClass'] | undefined;
      const category = r.take(() => coded(row, 'category', ORGANISATION_CATEGORY_NAMES)) ?? '';
      r.done();
      return {
        kind: 'organisation',
        input: {
          creditCode: row.creditCode ?? '',
          name: row.name ?? '',
          category,
          regionCode: row.regionCode ?? '',
          ...(sizeClass ? { sizeClass } : {}),
          ...(row.creditCodeOverride ? { creditCodeOverride: row.creditCodeOverride } : {}),
        },
      };
    },
  },
  {
    id: 'statuses',
    zh: '人员身份',
    en: 'Person statuses',
    columns: [
      ID,
      {
        key: 'kind',
        zh: '身份类别',
        en: 'Status',
        required: true,
        example: '城镇登记失业人员',
        help: Object.values(PERSON_STATUS_NAMES)
          .map((n) => n.zh)
          .join(' / '),
      },
      { key: 'from', zh: '开始日期', en: 'From', required: true, example: '2025-03-01' },
      { key: 'to', zh: '结束日期', en: 'To', required: false, example: '' },
    ],
    read: (row) => {
      const r = new RowReader();
      const kind = r.take(() => coded(row, 'kind', PERSON_STATUS_NAMES)) ?? '';
      const from = r.take(() => dateCell(row, 'from')) ?? '';
      const to = r.take(() => dateCell(row, 'to'));
      r.done();
      return {
        kind: 'person-fact',
        idNumber: row.idNumber ?? '',
        fact: { kind: 'status', data: { kind, from, ...(to ? { to } : {}) } },
      };
    },
  },
  {
    id: 'employments',
    zh: '就业登记与劳动合同',
    en: 'Employment',
    columns: [
      ID,
      {
        key: 'kind',
        zh: '就业形式',
        en: 'Kind',
        required: true,
        example: '劳动合同',
        help: '劳动合同 / 公益性岗位 / 灵活就业',
      },
      {
        key: 'employer',
        zh: '用人单位信用代码',
        en: 'Employer credit code',
        required: false,
        example: '91510104MA00000002',
      },
      { key: 'from', zh: '开始日期', en: 'From', required: true, example: '2025-07-01' },
      { key: 'to', zh: '结束日期', en: 'To', required: false, example: '' },
      { key: 'contractMonths', zh: '合同期限(月)', en: 'Contract months', required: false, example: '36' },
      { key: 'postName', zh: '岗位名称', en: 'Post', required: false, example: '' },
    ],
    read: (row) => {
      const r = new RowReader();
      const contractMonths = r.take(() => integer(row, 'contractMonths'));
      const kind = r.take(() => coded(row, 'kind', EMPLOYMENT)) ?? '';
      const from = r.take(() => dateCell(row, 'from')) ?? '';
      const to = r.take(() => dateCell(row, 'to'));
      r.done();
      return {
        kind: 'person-fact',
        idNumber: row.idNumber ?? '',
        fact: {
          kind: 'employment',
          data: {
            kind,
            from,
            ...(row.employer ? { employer: row.employer } : {}),
            ...(to ? { to } : {}),
            ...(contractMonths !== undefined ? { contractMonths } : {}),
            ...(row.postName ? { postName: row.postName } : {}),
          },
        },
      };
    },
  },
  {
    id: 'insurance',
    zh: '社会保险缴费',
    en: 'Social insurance contributions',
    columns: [
      ID,
      { key: 'fromMonth', zh: '起始月份', en: 'From month', required: true, example: '2025-01' },
      { key: 'toMonth', zh: '截止月份', en: 'To month', required: true, example: '2025-12' },
      { key: 'payer', zh: '缴费方式', en: 'Payer', required: true, example: '单位缴纳', help: '单位缴纳 / 个人缴纳' },
      {
        key: 'employer',
        zh: '缴费单位信用代码',
        en: 'Employer credit code',
        required: false,
        example: '91510104MA00000002',
      },
      { key: 'pension', zh: '养老保险(元/月)', en: 'Pension (yuan/month)', required: true, example: '640.00' },
      { key: 'medical', zh: '医疗保险(元/月)', en: 'Medical (yuan/month)', required: true, example: '320.00' },
      { key: 'unemployment', zh: '失业保险(元/月)', en: 'Unemployment (yuan/month)', required: true, example: '20.00' },
    ],
    read: (row) => {
      const r = new RowReader();
      const payer = r.take(() => coded(row, 'payer', PAYER)) ?? '';
      const pensionFen = r.take(() => yuanToFen(row, 'pension')) ?? 0;
      const medicalFen = r.take(() => yuanToFen(row, 'medical')) ?? 0;
      const unemploymentFen = r.take(() => yuanToFen(row, 'unemployment')) ?? 0;
      r.done();
      return {
        kind: 'person-fact',
        idNumber: row.idNumber ?? '',
        fact: {
          kind: 'insurance',
          data: {
            fromMonth: row.fromMonth ?? '',
            toMonth: row.toMonth ?? '',
            payer,
            ...(row.employer ? { employer: row.employer } : {}),
            pensionFen,
            medicalFen,
            unemploymentFen,
          },
        },
      };
    },
  },
];

export function importKind(id: string): ImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.id === id);
}

export const headerOf = (c: Column) => `${c.zh} (${c.key})`;
