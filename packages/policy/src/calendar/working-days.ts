import official from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, isIsoDate, type IsoDate } from '../core/dates.js';

/**
 * Working days (工作日) on the official calendar, with the State Council's moved weekends (调休).
 * The calendar is published one year at a time each November, so a date in a year nobody has
 * loaded yet is an error, never a guess: a deadline computed on the wrong calendar is a wrong
 * deadline. The bundled years come from `chinese-days`; an administrator adds a new year as data.
 */
export interface CalendarYear {
  readonly year: number;
  /** Days off, including those that fall on weekdays (法定节假日及调休休息日). */
  readonly holidays: readonly IsoDate[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly IsoDate[];
}

export class CalendarNotPublishedError extends Error {
  constructor(readonly year: number) {
    super(`no official working-day calendar is loaded for ${year}`);
  }
}

export class WorkingCalendar {
  private readonly holidays = new Set<IsoDate>();
  private readonly workdays = new Set<IsoDate>();
  private readonly years = new Set<number>();
  private readonly byYear = new Map<number, CalendarYear>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      this.years.add(y.year);
      this.byYear.set(y.year, y);
      for (const d of y.holidays) this.holidays.add(d);
      for (const d of y.workdays) this.workdays.add(d);
    }
  }

  /** The bundled official calendar, plus years loaded since (which replace a bundled year). */
  static official(extra: readonly CalendarYear[] = []): WorkingCalendar {
    const replaced = new Set(extra.map((y) => y.year));
    return new WorkingCalendar([...bundledYears().filter((y) => !replaced.has(y.year)), ...extra]);
  }

  get coveredYears(): readonly number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** A covered year's days off and weekend days worked, as published; undefined for a year not covered. */
  year(year: number): CalendarYear | undefined {
    return this.byYear.get(year);
  }

  covers(date: IsoDate): boolean {
    return this.years.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: IsoDate): boolean {
    if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
    if (!this.covers(date)) throw new CalendarNotPublishedError(Number(date.slice(0, 4)));
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The `n`th working day after `date` (n ≥ 1): a time limit of n working days starting the day after. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
    let day = date;
    for (let left = n; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

interface OfficialData {
  readonly holidays: Record<string, string>;
  readonly workdays: Record<string, string>;
}

let bundled: CalendarYear[] | undefined;
function bundledYears(): CalendarYear[] {
  if (bundled) return bundled;
  const data = official as OfficialData;
  const byYear = new Map<number, { holidays: IsoDate[]; workdays: IsoDate[] }>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    let entry = byYear.get(y);
    if (!entry) byYear.set(y, (entry = { holidays: [], workdays: [] }));
    return entry;
  };
  for (const d of Object.keys(data.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(data.workdays)) yearOf(d).workdays.push(d);
  bundled = [...byYear].map(([year, days]) => ({ year, ...days }));
  return bundled;
}
