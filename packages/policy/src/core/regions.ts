/**
 * Administrative divisions by GB/T 2260 code. `000000` is not a GB/T 2260 code: it stands for
 * national rules, which apply in every region (see docs/policy-engine.md).
 */
export type RegionCode = string;

export const NATIONAL: RegionCode = '000000';

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && REGION_CODE.test(value);
}

export type RegionLevel = 'national' | 'province' | 'city' | 'county';

export function regionLevel(code: RegionCode): RegionLevel {
  if (code === NATIONAL) return 'national';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The region itself and every region above it, most local first, national last. */
export function regionChain(code: RegionCode): RegionCode[] {
  const chain: RegionCode[] = [];
  const level = regionLevel(code);
  if (level === 'national') return [NATIONAL];
  if (level === 'county') chain.push(code);
  if (level === 'county' || level === 'city') chain.push(code.slice(0, 4) + '00');
  chain.push(code.slice(0, 2) + '0000');
  chain.push(NATIONAL);
  return chain;
}

/** How local a region is: national 0, province 1, city 2, county 3. */
export function regionDepth(code: RegionCode): number {
  switch (regionLevel(code)) {
    case 'national':
      return 0;
    case 'province':
      return 1;
    case 'city':
      return 2;
    case 'county':
      return 3;
  }
}

/** True when `code` is `ancestor` or lies below it. */
export function isWithinRegion(code: RegionCode, ancestor: RegionCode): boolean {
  if (ancestor === NATIONAL) return true;
  const level = regionLevel(ancestor);
  if (level === 'province') return code.slice(0, 2) === ancestor.slice(0, 2);
  if (level === 'city') return code.slice(0, 4) === ancestor.slice(0, 4);
  return code === ancestor;
}
