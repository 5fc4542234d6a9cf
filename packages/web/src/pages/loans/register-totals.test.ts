import { describe, expect, it } from 'vitest';
import { totalRatePermille } from './register-totals.js';

describe('the register’s default rate over several regions', () => {
  it('weighs each region by its loans: one default in 2 and none in 98 is 1%, not 25%', () => {
    expect(
      totalRatePermille([
        { defaulted: 1, disbursed: 2 },
        { defaulted: 0, disbursed: 98 },
      ]),
    ).toBe(10);
  });

  it('is 0 where nothing was disbursed, rather than a division by zero', () => {
    expect(totalRatePermille([])).toBe(0);
    expect(totalRatePermille([{ defaulted: 0, disbursed: 0 }])).toBe(0);
  });

  it('rounds to the nearest per mille: 1 in 3 is 333‰, 2 in 3 is 667‰', () => {
    expect(totalRatePermille([{ defaulted: 1, disbursed: 3 }])).toBe(333);
    expect(totalRatePermille([{ defaulted: 2, disbursed: 3 }])).toBe(667);
  });
});
