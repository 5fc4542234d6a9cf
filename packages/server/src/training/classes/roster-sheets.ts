import { parseResidentId } from '@huimin/policy';
import { RowError, type Column, type Row } from '../../registry/import/templates.js';
import { toXlsx } from '../../registry/import/tabular.js';
import { header } from '../workbook-header.js';
import type { ClassView } from './class-view.js';

/**
 * A class's roster as a spreadsheet: the 培训学员名册 an institution hands in with an opening, and
 * the roster exported with attendance, results and certificates.
 */

export const ROSTER_COLUMNS: readonly Column[] = [
  { key: 'name', zh: '姓名', en: 'Name', required: true, example: '张三' },
  {
    key: 'idNumber',
    zh: '身份证号码',
    en: 'ID number',
    required: true,
    example: '11010519491231002X',
    help: '单元格设为文本 / format the cell as text',
  },
];

/** One roster row: the ID number checked (GB 11643), the name kept to compare with the registry's. */
export function readRosterRow(row: Row): { name: string; idNumber: string } {
  const parsed = parseResidentId((row.idNumber ?? '').toUpperCase());
  if (!parsed.ok)
    throw new RowError('idNumber', '身份证号码无效（校验位不符或格式错误）', 'not a valid resident ID number');
  return { name: (row.name ?? '').trim(), idNumber: parsed.value.number };
}

export function rosterTemplate(): Promise<Buffer> {
  return toXlsx(
    '培训学员名册',
    ROSTER_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    [ROSTER_COLUMNS.map((c) => c.example)],
    ['培训学员名册（实名制）/ Class roster by real name', '姓名须与登记信息一致。/ Names must match the registry.'],
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
