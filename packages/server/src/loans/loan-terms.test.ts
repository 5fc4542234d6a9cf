import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { message } from '../i18n/messages.js';
import { assertWithinTerms, termsOn } from './loan-terms.js';

/** What the bank is told when the day it typed falls outside every text that offers the loan. */
function refusal(region: string, on: string, day?: string): AppError {
  try {
    assertWithinTerms(termsOn(region, on, 'individual'), 10_000_000, 36, {
      amount: 'principalFen',
      term: 'termMonths',
      ...(day ? { day } : {}),
    });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('a loan on a day no text offers it', () => {
  it('the last day of 成都’s text is within it; the next day is refused under the day, with the period', () => {
    expect(() =>
      assertWithinTerms(termsOn('510104', '2025-12-31', 'individual'), 10_000_000, 36, {
        amount: 'principalFen',
        term: 'termMonths',
      }),
    ).not.toThrow();
    const after = refusal('510104', '2026-01-01', 'disbursedOn');
    expect(after).toMatchObject({ code: 'LOAN_NOT_OFFERED', field: 'disbursedOn' });
    expect(message(after.code, 'zh-CN', after.values)).toMatch(
      /^本地区在 2026-01-01 没有施行中的创业担保贷款政策。政策施行期：2024-07-13 至 2025-12-31（.+）$/,
    );
    expect(message(after.code, 'en-US', after.values)).toMatch(/In force: 2024-07-13 to 2025-12-31 \(.+\)$/);
  });

  it('a region no text offers it in says so, and an application (no day typed) names no field', () => {
    const none = refusal('620102', '2023-11-01');
    expect(none.field).toBeUndefined();
    expect(message(none.code, 'zh-CN', none.values)).toBe(
      '本地区在 2023-11-01 没有施行中的创业担保贷款政策。政策施行期：无',
    );
  });
});
