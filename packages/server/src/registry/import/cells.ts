import { parseYuan } from '@huimin/policy';

/**
 * Reading one cell of an imported row: what a column alone can tell (a number, a yes/no, an amount
 * in 元, a coded value, a date, a mobile number), each refused with a RowError naming the column.
 */

export type Row = Readonly<Record<string, string>>;

export class RowError extends Error {
  constructor(
    readonly column: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Every problem of one row, so a clerk fixes a row once rather than once per column. */
export class RowErrors extends Error {
  constructor(readonly errors: readonly RowError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * Reads a row's columns one by one and keeps going past a bad one: `take` answers undefined for a
 * column that fails; `done` throws all of them at once.
 */
export class RowReader {
  private readonly errors: RowError[] = [];

  take<V>(read: () => V): V | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      this.errors.push(error);
      return undefined;
    }
  }

  done(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new RowErrors(this.errors);
  }
}

const optional = (row: Row, key: string) => (row[key] ? row[key] : undefined);

/** Day 0 of Excel's serial dates (1899-12-30, which absorbs Excel's leap-day bug for dates after March 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as people put it in a sheet, as YYYY-MM-DD: an Excel date cell (read as its day), its
 * serial number (a date pasted into a text column), or text as 2026-01-05, 2026/1/5, 2026.1.5,
 * 2026年1月5日 or 20260105. A day that does not exist is refused.
 */
export function dateCell(row: Row, key: string): string | undefined {
  const v = optional(row, key)?.trim();
  if (v === undefined || v === '') return undefined;
  let y: number, m: number, d: number;
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (parts) [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  else if (/^\d{5}$/.test(v)) {
    const day = new Date(EXCEL_EPOCH + Number(v) * 86_400_000);
    [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else throw new RowError(key, '应为日期，如 2026-01-05', 'must be a date such as 2026-01-05');
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const real = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== iso)
    throw new RowError(key, `日期“${v}”不存在`, `the date “${v}” does not exist`);
  return iso;
}

/** A mainland mobile number (11 digits from 1[3-9]); spaces, dashes and a +86 or 86 prefix are dropped. */
export function mobile(row: Row, key: string): string | undefined {
  const v = optional(row, key);
  if (v === undefined) return undefined;
  const digits = v.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(digits))
    throw new RowError(
      key,
      '手机号码应为 11 位数字，以 13–19 开头',
      'must be an 11-digit mobile number starting 13–19',
    );
  return digits;
}

export function yesNo(row: Row, key: string): boolean | undefined {
  const v = optional(row, key);
  if (v === undefined) return undefined;
  if (['是', 'Y', 'y', 'yes', 'true', 'TRUE', '1'].includes(v)) return true;
  if (['否', 'N', 'n', 'no', 'false', 'FALSE', '0'].includes(v)) return false;
  throw new RowError(key, '应填“是”或“否”', 'must be 是 (yes) or 否 (no)');
}

export function integer(row: Row, key: string): number | undefined {
  const v = optional(row, key);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new RowError(key, '应为非负整数', 'must be a whole number');
  return Number(v);
}

/** 元 as typed ("1234.5", "1,234.50") to 分, by text, never through a float. */
export function yuanToFen(row: Row, key: string): number | undefined {
  const v = optional(row, key);
  if (v === undefined) return undefined;
  const fen = parseYuan(v);
  if (fen === undefined)
    throw new RowError(key, '金额应为元，最多两位小数', 'must be an amount in yuan with at most 2 decimals');
  return fen;
}

/** A coded value given by its code or by its Chinese name. */
export function coded(row: Row, key: string, names: Readonly<Record<string, { zh: string }>>): string | undefined {
  const v = optional(row, key);
  if (v === undefined) return undefined;
  if (v in names) return v;
  const byName = Object.entries(names).find(([, n]) => n.zh === v);
  if (byName) return byName[0];
  throw new RowError(key, `不认识的取值“${v}”`, `unknown value “${v}”`);
}
