import { describe, expect, it } from 'vitest';
import { CalendarNotPublishedError, WorkingCalendar } from './working-days.js';

const calendar = WorkingCalendar.official();

describe('the official working-day calendar', () => {
  it('knows the 2026 National Day holiday and its make-up working Saturday', () => {
    // 2026: 10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班。
    expect(calendar.isWorkingDay('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('treats an ordinary weekend as days off', () => {
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-11-23')).toBe(true); // Monday
  });

  it('counts a time limit from the day after, skipping the holiday', () => {
    // Submitted Wednesday 2026-09-30: the holiday runs to 10-07, so day 1 is 10-08.
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
  });

  it('counts working days between two dates', () => {
    expect(calendar.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5);
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0);
  });

  it('refuses to guess in a year whose calendar is not loaded', () => {
    const year = Math.max(...calendar.coveredYears) + 1;
    expect(() => calendar.isWorkingDay(`${year}-03-02`)).toThrow(CalendarNotPublishedError);
    expect(() => calendar.addWorkingDays(`${year - 1}-12-30`, 5)).toThrow(CalendarNotPublishedError);
  });

  it('takes a newly published year as data', () => {
    const year = Math.max(...calendar.coveredYears) + 1;
    const extended = WorkingCalendar.official([{ year, holidays: [`${year}-01-01`], workdays: [`${year}-01-03`] }]);
    expect(extended.isWorkingDay(`${year}-01-01`)).toBe(false);
    expect(extended.covers(`${year}-06-01`)).toBe(true);
  });
});
