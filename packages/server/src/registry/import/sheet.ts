import { AppError } from '../../http/errors.js';
import { message, type ErrorCode } from '../../i18n/messages.js';
import type { Table } from './tabular.js';
import { headerOf, RowError, RowErrors, type Column, type Row } from './templates.js';

/**
 * What every import of a filled-in sheet shares (registry, training catalogues, rosters): columns
 * known by key or Chinese name in any order, required columns and cells, long numbers that must be
 * text, and the all-or-nothing rejection that lists every problem by row and column.
 */

/** One problem in an uploaded file: where (row as numbered in the spreadsheet, column), and why. */
export interface ImportProblem {
  readonly row: number;
  /** The column's header as the template writes it (`身份证号码 (idNumber)`), to find it in the sheet. */
  readonly column: string;
  /** The column's name in each language, for the page to say in the reader's. */
  readonly columnName?: { readonly zh: string; readonly en: string };
  readonly field: string;
  readonly code: string;
  readonly message: { readonly zh: string; readonly en: string };
}

const MAX_REPORTED = 1000;

/**
 * The data rows of a sheet as records by column key. Header and cell problems are added to
 * `problems`; a row with one is left out, so callers check only rows whose cells are all present.
 */
export function readRows(
  table: Table,
  columns: readonly Column[],
  textKeys: readonly string[],
  problems: ImportProblem[],
): { number: number; row: Row }[] {
  const header = table[0] ?? [];
  const columnAt: (Column | undefined)[] = header.map((cell, i) => {
    if (!cell.text) return undefined;
    const m = /\(([A-Za-z]+)\)\s*$/.exec(cell.text);
    const col = columns.find((c) => c.key === m?.[1] || c.key === cell.text || c.zh === cell.text);
    if (!col)
      problems.push(
        problem(1, undefined, `column ${i + 1}`, 'UNKNOWN_FIELD', {
          zh: `不认识的列“${cell.text}”`,
          en: `Unknown column “${cell.text}”`,
        }),
      );
    return col;
  });
  for (const c of columns) {
    if (c.required && !columnAt.includes(c))
      problems.push(
        problem(1, c, c.key, 'REQUIRED_FIELD', {
          zh: `缺少必填列“${headerOf(c)}”`,
          en: `The required column “${headerOf(c)}” is missing`,
        }),
      );
  }
  if (problems.length > 0) return [];

  const rows: { number: number; row: Row }[] = [];
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] ?? [];
    if (cells.every((c) => !c.text)) continue;
    const row: Record<string, string> = {};
    let bad = false;
    columnAt.forEach((col, i) => {
      if (!col) return;
      const cell = cells[i];
      if (cell?.numeric && textKeys.includes(col.key)) {
        problems.push(
          problem(r + 1, col, col.key, 'VALIDATION_FAILED', {
            zh: '该列须为文本格式（长数字存为数值会丢失末位），请将单元格设为文本后重新填写',
            en: 'This column must be text (a long number stored as a number loses digits); format the cells as text and re-enter',
          }),
        );
        bad = true;
      } else if (cell?.text.includes('\u0000')) {
        // Said for the cell, as the request's fields are: the database would refuse it without a row.
        problems.push(
          problem(r + 1, col, col.key, 'VALIDATION_FAILED', {
            zh: '含有不允许的空字符（\\u0000）',
            en: 'contains a NUL character (\\u0000), which is not allowed',
          }),
        );
        bad = true;
      }
      row[col.key] = cell?.text ?? '';
    });
    for (const c of columns) {
      if (c.required && !row[c.key]) {
        problems.push(
          problem(r + 1, c, c.key, 'REQUIRED_FIELD', {
            zh: `必填项“${c.zh}”为空`,
            en: `The required “${c.en}” is empty`,
          }),
        );
        bad = true;
      }
    }
    if (!bad) rows.push({ number: r + 1, row });
  }
  return rows;
}

/** Refuses the whole file when anything is wrong, or when it has no data rows. */
export function rejectIfAny(problems: ImportProblem[], columns: readonly Column[], rows: number): void {
  if (problems.length === 0 && rows > 0) return;
  if (problems.length === 0)
    problems.push(
      problem(2, undefined, 'file', 'REQUIRED_FIELD', { zh: '文件中没有数据行', en: 'The file has no data rows' }),
    );
  const position = (p: ImportProblem) => columns.findIndex((c) => headerOf(c) === p.column);
  problems.sort((a, b) => a.row - b.row || position(a) - position(b));
  throw new AppError(
    'IMPORT_REJECTED',
    422,
    'file',
    { value: String(problems.length) },
    problems.slice(0, MAX_REPORTED),
  );
}

export function problem(
  row: number,
  column: Column | undefined,
  field: string,
  code: string,
  text: { zh: string; en: string },
): ImportProblem {
  return {
    row,
    column: column ? headerOf(column) : '',
    ...(column ? { columnName: { zh: column.zh, en: column.en } } : {}),
    field,
    code,
    message: text,
  };
}

/** Whatever checking one row raised — one problem, or every problem of the row — as that row's problems. */
export function fromErrors(
  error: unknown,
  row: number,
  column: (field: string) => Column | undefined,
): ImportProblem[] {
  if (error instanceof RowErrors) return error.errors.map((e) => fromError(e, row, column));
  return [fromError(error, row, column)];
}

/**
 * A RowError or an AppError raised while checking one row, as that row's problem; several problems
 * of a row (RowErrors) are told in one, so a caller that reports one problem a row still tells all.
 */
export function fromError(error: unknown, row: number, column: (field: string) => Column | undefined): ImportProblem {
  if (error instanceof RowErrors) {
    const all = error.errors.map((e) => fromError(e, row, column));
    const first = all[0];
    if (first)
      return {
        ...first,
        message: { zh: all.map((p) => p.message.zh).join('；'), en: all.map((p) => p.message.en).join('; ') },
      };
  }
  if (error instanceof RowError) {
    const col = column(error.column);
    return problem(row, col, error.column, 'VALIDATION_FAILED', {
      zh: `${col?.zh ?? error.column}：${error.zh}`,
      en: `${col?.en ?? error.column}: ${error.en}`,
    });
  }
  if (error instanceof AppError) {
    const col = column(error.field ?? '');
    const values = (lang: 'zh' | 'en') => ({
      ...error.values,
      field: col ? (lang === 'zh' ? col.zh : col.en) : (error.field ?? ''),
    });
    return problem(row, col, error.field ?? '', error.code, {
      zh: message(error.code as ErrorCode, 'zh-CN', values('zh')),
      en: message(error.code as ErrorCode, 'en-US', values('en')),
    });
  }
  throw error;
}
