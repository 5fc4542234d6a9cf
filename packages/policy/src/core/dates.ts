/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) in Asia/Shanghai. Policy dates are civil dates, not
 * instants, so they are never turned into `Date` objects at a time zone: ISO strings compare
 * correctly as strings and carry no hidden offset.
 */
export type IsoDate = string;
/** A calendar month `YYYY-MM`. */
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `value` is a date that exists on the calendar (so `2023-02-29` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1800 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoMonth(value: unknown): value is IsoMonth {
  if (typeof value !== 'string') return false;
  const m = ISO_MONTH.exec(value);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function pad(n: number, width = 2): string {
  if (width === 2) return n < 10 ? `0${n}` : `${n}`;
  return String(n).padStart(width, '0');
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return `${year >= 1000 ? year : pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Adds calendar months; the day is clamped to the end of a shorter month (01-31 + 1 month = 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.UTC(...toUtcArgs(date)) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function toUtcArgs(date: IsoDate): [number, number, number] {
  const { year, month, day } = parts(date);
  return [year, month - 1, day];
}

/**
 * Whole calendar months from `from` to `to`: 2024-01-15 → 2024-07-15 is 6, → 2024-07-14 is 5.
 * "正常运营1年以上" and similar durations are counted this way.
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day && !(b.day === daysInMonth(b.year, b.month) && a.day > b.day)) months -= 1;
  return months;
}

/** Age in whole years on `on` (birthday counted on the day). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parts(birthDate);
  const d = parts(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

/** Month index for arithmetic: months since year 0. */
export function monthIndex(month: IsoMonth): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): IsoMonth {
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** True when `date` lies in [from, to], `to` inclusive and open when absent. */
export function within(date: IsoDate, from: IsoDate, to: IsoDate | undefined): boolean {
  return date >= from && (to === undefined || date <= to);
}
