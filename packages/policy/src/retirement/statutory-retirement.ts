import { monthFromIndex, monthIndex, monthOf, type IsoDate, type IsoMonth } from '../core/dates.js';

/**
 * 法定退休年龄 after the NPC Standing Committee decision of 2024-09-13 (渐进式延迟法定退休年龄,
 * in force 2025-01-01). A woman's category is not in her ID number and must be recorded per person:
 * "female-cadre" retired at 55 before the reform (女干部), "female-worker" at 50 (女工人).
 */
export type RetirementCategory = 'male' | 'female-cadre' | 'female-worker';

const ORIGINAL_AGE: Record<RetirementCategory, number> = { male: 60, 'female-cadre': 55, 'female-worker': 50 };
/** Months of delay grow by one every `step` months of original retirement after 2024-12, up to `cap`. */
const DELAY: Record<RetirementCategory, { step: number; cap: number }> = {
  male: { step: 4, cap: 36 },
  'female-cadre': { step: 4, cap: 36 },
  'female-worker': { step: 2, cap: 60 },
};
const REFORM_START = monthIndex('2025-01');

/** The month in which a person reaches statutory retirement age. */
export function statutoryRetirementMonth(birthDate: IsoDate, category: RetirementCategory): IsoMonth {
  const original = monthIndex(monthOf(birthDate)) + ORIGINAL_AGE[category] * 12;
  if (original < REFORM_START) return monthFromIndex(original);
  const k = original - REFORM_START + 1;
  const { step, cap } = DELAY[category];
  return monthFromIndex(original + Math.min(cap, Math.ceil(k / step)));
}

/** Whole months from the month of `on` to the retirement month; 0 or less once retired. */
export function monthsToRetirement(birthDate: IsoDate, category: RetirementCategory, on: IsoDate): number {
  return monthIndex(statutoryRetirementMonth(birthDate, category)) - monthIndex(monthOf(on));
}

/**
 * "距法定退休年龄不足5年" judged at month granularity on the given date (the date a subsidy was first
 * approved, 财社〔2023〕181号 第十、十一条 "以初次核定其享受…补贴时年龄为准").
 */
export function isWithinFiveYearsOfRetirement(birthDate: IsoDate, category: RetirementCategory, on: IsoDate): boolean {
  return monthsToRetirement(birthDate, category, on) < 60;
}
