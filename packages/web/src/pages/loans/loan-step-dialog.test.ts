import { describe, expect, it } from 'vitest';
import { principalOutstanding } from './loan-step-dialog.js';

/** 代偿 is asked to cover the principal the schedule had not yet called for on the day of default. */
describe('the principal outstanding on the day of default', () => {
  const loan = {
    principalFen: 15_000_000,
    schedule: [
      { seq: 1, dueOn: '2025-06-30', principalFen: 1_250_000 },
      { seq: 2, dueOn: '2025-09-30', principalFen: 1_250_000 },
      { seq: 3, dueOn: '2025-12-31', principalFen: 1_250_000 },
    ],
  };

  it('leaves out the instalments due on or before that day, not those due the day after', () => {
    expect(principalOutstanding({ ...loan, endedOn: '2025-09-29' })).toBe(13_750_000);
    expect(principalOutstanding({ ...loan, endedOn: '2025-09-30' })).toBe(12_500_000);
    expect(principalOutstanding({ ...loan, endedOn: '2026-03-01' })).toBe(11_250_000);
  });

  it('is not said for a loan never disbursed or not ended', () => {
    expect(principalOutstanding({ ...loan, principalFen: null, endedOn: '2025-09-30' })).toBeUndefined();
    expect(principalOutstanding({ ...loan, endedOn: null })).toBeUndefined();
  });
});
