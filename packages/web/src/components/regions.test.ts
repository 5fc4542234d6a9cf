import { describe, expect, it } from 'vitest';
import { isWithinRegion } from '@huimin/policy/regions';

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
