import type { ProColumns } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { formatFen, formatInstant } from './format.js';

/** A cell of an exported sheet: text, or a number Excel can add up. */
export type SheetValue = string | number;

/**
 * A column of a staff list. `sheet`: the cell as the exported sheet holds it, in the page's
 * language (a label, a date) or as a number (元, a count), with `sheetFormat` its Excel number
 * format and `sheetTitle` a header saying the unit where the title does not; a column without
 * `sheet` (its buttons) stays out of the sheet. A column that filters or sorts carries a `key`,
 * by which the table reports its state.
 */
export type StaffColumn<T> = ProColumns<T> & {
  sheet?: (row: T) => SheetValue;
  sheetFormat?: string;
  sheetTitle?: string;
};

/** What a builder's caller may add to or change in the column it builds (a link, a tag, a width). */
export type ColumnExtras<T> = Partial<StaffColumn<T>>;

/** A cell kept on one line (a date, a moment, a record's number): `staff-layout.css`. */
export const WHOLE_CELL = 'staff-cell-whole';

/** A cell holding a sentence, wrapped within a readable width: `staff-layout.css`. */
export const PROSE_CELL = 'staff-cell-prose';

/** 元 with two decimals and thousands separators, as finance reads a sheet. */
export const YUAN_FORMAT = '#,##0.00';
const COUNT_FORMAT = '#,##0';

/** Two possibly missing numbers in order, a missing one first. */
export function compareNumbers(a: number | null | undefined, b: number | null | undefined): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return a - b;
}

/** Two possibly missing texts in the order of the Chinese collation (pinyin), a missing one first. */
export function compareTexts(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '', 'zh-CN');
}

/** A header filter offering each value the rows hold, by its label, in the labels' (pinyin) order. */
export function filterColumn<T>(
  rows: readonly T[],
  value: (row: T) => string,
  label: (value: string) => string,
): Pick<StaffColumn<T>, 'filters' | 'onFilter'> {
  const values = [...new Set(rows.map(value))];
  return {
    filters: values.map((v) => ({ text: label(v), value: v })).sort((a, b) => compareTexts(a.text, b.text)),
    onFilter: (chosen, row) => value(row) === chosen,
  };
}

/** How a kind of value is shown, exported and ordered. */
interface ValueKind<V> {
  show: (value: V) => string | number;
  sheet: (value: V) => SheetValue;
  compare: (a: V | null | undefined, b: V | null | undefined) => number;
  align?: 'right';
}

/** A column of one value a row may lack: a dash on screen and an empty cell in the sheet where it does. */
function valueColumn<T, V>(
  title: string,
  key: string,
  value: (row: T) => V | null | undefined,
  kind: ValueKind<V>,
  extras: ColumnExtras<T>,
): StaffColumn<T> {
  const present = (r: T) => {
    const v = value(r);
    return v === null || v === undefined ? undefined : v;
  };
  return {
    title,
    key,
    ...(kind.align ? { align: kind.align } : {}),
    render: (_, r) => {
      const v = present(r);
      return v === undefined ? '—' : kind.show(v);
    },
    sorter: (a: T, b: T) => kind.compare(value(a), value(b)),
    sheet: (r) => {
      const v = present(r);
      return v === undefined ? '' : kind.sheet(v);
    },
    ...extras,
  };
}

/**
 * The columns every staff list has, built alike everywhere: money shown in 元 from fen and
 * exported as a number of 元; counts right-aligned and exported as numbers; dates and instants;
 * text; and a choice (a state, a kind) by its label with a header filter of the values present.
 * Each sorts, and exports, the way its kind should. `yuan` is the unit's name in the page language.
 *
 * @example
 *   const col = staffColumns<PaymentBatch>('zh-CN', '元');
 *   col.money('金额', 'total', (b) => b.totalFen); // 30000 → "300元"; in the sheet 300.00
 */
export function staffColumns<T>(language: string, yuan: string) {
  // A title that already names the unit ("申请金额（元）") keeps it once in the sheet, whose cells are
  // bare numbers; on screen each cell shows the unit ("1,500元", "¥1,500"), so the header drops it
  // (a form's label, which needs it, is often the same text).
  const units = [`（${yuan}）`, `(${yuan})`];
  const withoutUnit = (title: string) => {
    const unit = units.find((u) => title.endsWith(u));
    return unit ? title.slice(0, -unit.length).trimEnd() : title;
  };
  const withUnit = (title: string) =>
    title.includes(yuan) ? title : language === 'en-US' ? `${title} (${yuan})` : `${title}（${yuan}）`;
  const texts = { show: (v: string) => v, sheet: (v: string) => v, compare: compareTexts };
  const numbers = { show: (v: number) => v, sheet: (v: number) => v, compare: compareNumbers, align: 'right' as const };
  return {
    /** Text as it is; sortable by pinyin when `sorted`. */
    text(
      title: string,
      key: string,
      value: (row: T) => string | null | undefined,
      extras: ColumnExtras<T> & { sorted?: boolean } = {},
    ): StaffColumn<T> {
      const { sorted, ...rest } = extras;
      const column = valueColumn(title, key, value, texts, rest);
      return sorted ? column : { ...column, sorter: rest.sorter };
    },
    /** An amount in fen, shown in 元 under the title without its unit, exported as a number of 元 under "title（元）". */
    money(title: string, key: string, fen: (row: T) => number | null | undefined, extras: ColumnExtras<T> = {}) {
      const yuanOf = { ...numbers, show: (v: number) => formatFen(v, language), sheet: (v: number) => v / 100 };
      return valueColumn(withoutUnit(title), key, fen, yuanOf, {
        sheetFormat: YUAN_FORMAT,
        sheetTitle: withUnit(title),
        ...extras,
      });
    },
    /** A number of people, items, days: right-aligned, sorted, exported as a number. */
    count(title: string, key: string, n: (row: T) => number | null | undefined, extras: ColumnExtras<T> = {}) {
      return valueColumn(title, key, n, numbers, { sheetFormat: COUNT_FORMAT, ...extras });
    },
    /** A day (YYYY-MM-DD), sorted in time, never broken across lines ("2026-08-/05"). */
    date(title: string, key: string, day: (row: T) => string | null | undefined, extras: ColumnExtras<T> = {}) {
      return valueColumn(title, key, day, texts, { className: WHOLE_CELL, ...extras });
    },
    /** A moment (an ISO instant), shown in Beijing time, sorted in time, on one line. */
    instant(title: string, key: string, at: (row: T) => string | null | undefined, extras: ColumnExtras<T> = {}) {
      const beijing = { ...texts, show: formatInstant, sheet: formatInstant };
      return valueColumn(title, key, at, beijing, { className: WHOLE_CELL, ...extras });
    },
    /**
     * The row's buttons, last: pinned to the right edge so they stay in view when the list is
     * wider than the page and scrolls sideways (a laptop, English labels), and out of the sheet.
     */
    actions(title: string, buttons: (row: T) => ReactNode): StaffColumn<T> {
      return { title, key: 'actions', fixed: 'right', render: (_, r) => buttons(r) };
    },
    /** One of a few values (a state, a kind) by its label, filtered in the header by the values present. */
    choice(
      title: string,
      key: string,
      rows: readonly T[],
      value: (row: T) => string,
      label: (value: string) => string,
      extras: ColumnExtras<T> = {},
    ): StaffColumn<T> {
      return {
        title,
        key,
        render: (_, r) => label(value(r)),
        ...filterColumn(rows, value, label),
        sheet: (r) => label(value(r)),
        ...extras,
      };
    },
  };
}

/** The builders of `staffColumns` for rows of one type. */
export type StaffColumnKit<T> = ReturnType<typeof staffColumns<T>>;

/** An exported sheet: the header, each row's cells, and each column's number format. */
export interface Sheet {
  header: string[];
  rows: SheetValue[][];
  formats: (string | undefined)[];
}

/** The rows as a sheet: one column per titled column with a `sheet`, in the columns' order. */
export function sheetOf<T>(columns: readonly StaffColumn<T>[], rows: readonly T[]): Sheet {
  const exported = columns.filter(
    (c): c is StaffColumn<T> & { sheet: (row: T) => SheetValue } =>
      typeof c.title === 'string' && c.sheet !== undefined,
  );
  return {
    header: exported.map((c) => c.sheetTitle ?? (c.title as string)),
    rows: rows.map((r) => exported.map((c) => c.sheet(r))),
    formats: exported.map((c) => c.sheetFormat),
  };
}
