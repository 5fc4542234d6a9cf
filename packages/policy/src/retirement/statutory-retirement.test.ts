import { describe, expect, it } from 'vitest';
import { isWithinFiveYearsOfRetirement, statutoryRetirementMonth } from './statutory-retirement.js';

describe('statutory retirement month after the 2025 reform', () => {
  it.each([
    ['1965-01-15', 'male', '2025-02'],
    ['1965-12-01', 'male', '2026-03'],
    ['1971-04-20', 'female-cadre', '2026-08'],
    ['1995-12-31', 'female-worker', '2050-12'],
    ['1964-06-10', 'male', '2024-06'],
  ] as const)('born %s, %s, retires in %s', (birth, category, month) => {
    expect(statutoryRetirementMonth(birth, category)).toBe(month);
  });

  it('a man born 1976-08 is one month short of the cap; from 1976-09 every man retires at 63', () => {
    expect(statutoryRetirementMonth('1976-08-01', 'male')).toBe('2039-07');
    expect(statutoryRetirementMonth('1976-09-01', 'male')).toBe('2039-09');
    expect(statutoryRetirementMonth('1990-01-01', 'male')).toBe('2053-01');
  });

  it('judges "under 5 years from retirement" by month: 60 months before is not under, 59 is', () => {
    // Man born 1964-06 retired 2024-06: five years before is 2019-06.
    expect(isWithinFiveYearsOfRetirement('1964-06-10', 'male', '2019-05-31')).toBe(false);
    expect(isWithinFiveYearsOfRetirement('1964-06-10', 'male', '2019-06-01')).toBe(false);
    expect(isWithinFiveYearsOfRetirement('1964-06-10', 'male', '2019-07-01')).toBe(true);
  });
});
