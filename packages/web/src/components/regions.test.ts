import { describe, expect, it } from 'vitest';
import { isWithinRegion } from '@huimin/policy/regions';
import { regionChoices } from './regions-context.js';

/** What `RegionSelect within` offers a desk: the policy package's own test of regions, from the desk's side. */
const isWithin = (scope: string, code: string) => isWithinRegion(code, scope);

describe('the regions a desk may choose', () => {
  it('are its own region and those under it, not a neighbour’s or another province’s', () => {
    expect(isWithin('510100', '510100')).toBe(true);
    expect(isWithin('510100', '510104')).toBe(true);
    expect(isWithin('510100', '510000')).toBe(false);
    expect(isWithin('510100', '511000')).toBe(false);
    expect(isWithin('510000', '520100')).toBe(false);
    expect(isWithin('510000', '510104')).toBe(true);
    expect(isWithin('510104', '510105')).toBe(false);
  });
});

describe('regions as people pick them', () => {
  const names: Record<string, string> = {
    '510000': '四川省',
    '510100': '成都市',
    '510104': '锦江区',
    '510109': '高新区',
    '510700': '绵阳市',
    '510709': '高新区',
  };
  const name = (code: string) => names[code] ?? code;

  it('are named, never shown by their code', () => {
    expect(regionChoices(['510000', '510100', '510104'], name).map((c) => c.label)).toEqual([
      '四川省',
      '成都市',
      '锦江区',
    ]);
  });

  it('two of one name are each named after the city above them', () => {
    expect(regionChoices(['510104', '510109', '510709'], name)).toEqual([
      { value: '510104', label: '锦江区' },
      { value: '510109', label: '成都市 高新区' },
      { value: '510709', label: '绵阳市 高新区' },
    ]);
  });
});
