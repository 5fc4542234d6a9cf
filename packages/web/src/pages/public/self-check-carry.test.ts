import { describe, expect, it } from 'vitest';
import { carriedAnswers } from './self-check-carry.js';

/**
 * 政策计算器 → 申请: a graduation is declared with its diploma, which exists only once the day has
 * come; a student in their graduation year is confirmed from the school's graduate records instead.
 */
describe('the self-check’s graduation, carried into an application', () => {
  const today = '2026-12-05';

  it('graduated yesterday or today: carried as a declaration, with the kind of school', () => {
    for (const day of ['2026-12-04', '2026-12-05'])
      expect(
        carriedAnswers('one-time-job-seeking', { graduationDate: day, institution: 'technical-college' }, today),
      ).toEqual({
        subsidy: 'one-time-job-seeking',
        claim: {},
        declarations: [{ kind: 'graduation', data: { date: day, institution: 'technical-college' } }],
      });
  });

  it('graduating tomorrow: not declared (filing would refuse it), but named so the page can say why', () => {
    expect(carriedAnswers('one-time-job-seeking', { graduationDate: '2026-12-06' }, today)).toEqual({
      subsidy: 'one-time-job-seeking',
      claim: {},
      graduationAhead: '2026-12-06',
      declarations: [],
    });
  });

  it('the business’s code goes into the claim, upper-cased and trimmed', () => {
    expect(carriedAnswers('one-time-startup', { businessCode: ' 91510104mac1234567 ' }, today).claim).toEqual({
      businessCreditCode: '91510104MAC1234567',
    });
  });
});
