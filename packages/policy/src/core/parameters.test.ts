import { describe, expect, it } from 'vitest';
import { ParameterTable, type ParameterValue } from './parameters.js';

const value = (region: string, from: string, v: number): ParameterValue => ({
  parameter: 'p',
  region,
  from,
  value: v,
  source: 'local-setting',
});

describe('which value stands', () => {
  it('of two values a region sets for the same day, the one set later stands', () => {
    const table = new ParameterTable([value('510104', '2026-12-01', 1), value('510104', '2026-12-01', 2)]);
    expect(table.resolve('p', '510104', '2026-12-02')?.value).toBe(2);
  });

  it('the history lists the most local region first, then the latest start, as resolution tries them', () => {
    const table = new ParameterTable([
      value('510000', '2024-01-01', 1),
      value('510104', '2025-01-01', 2),
      value('510104', '2026-01-01', 3),
      value('000000', '2020-01-01', 0),
      value('620000', '2024-01-01', 9),
    ]);
    expect(table.history('p', '510104').map((v) => v.value)).toEqual([3, 2, 1, 0]);
    expect(table.history('q', '510104')).toEqual([]);
  });
});
