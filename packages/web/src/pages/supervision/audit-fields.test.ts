import { describe, expect, it } from 'vitest';
import { countText, startsBeforeEnds } from './audit-fields.js';

describe('an audit entry’s fields in reading order', () => {
  it('puts a start before its end, as jsonb’s shortest-first order does not', () => {
    expect(startsBeforeEnds(['title', 'endsAt', 'startsAt', 'venue'])).toEqual([
      'title',
      'startsAt',
      'endsAt',
      'venue',
    ]);
    expect(startsBeforeEnds(['to', 'from', 'amountFen'])).toEqual(['from', 'to', 'amountFen']);
    expect(startsBeforeEnds(['end_date', 'start_date'])).toEqual(['start_date', 'end_date']);
    expect(startsBeforeEnds(['periodTo', 'periodFrom'])).toEqual(['periodFrom', 'periodTo']);
  });

  it('leaves fields without a pair, or already in order, where they are', () => {
    expect(startsBeforeEnds(['startsAt', 'endsAt', 'state'])).toEqual(['startsAt', 'endsAt', 'state']);
    expect(startsBeforeEnds(['endsAt', 'state', 'total'])).toEqual(['endsAt', 'state', 'total']);
    expect(startsBeforeEnds(['toRegion', 'fromRegion'])).toEqual(['fromRegion', 'toRegion']);
    expect(startsBeforeEnds([])).toEqual([]);
  });
});

describe('a count in an audit entry', () => {
  it('is grouped by thousands from 1,000 on, as the pages write numbers', () => {
    expect(countText('views', 18_640)).toBe('18,640');
    expect(countText('views', 999)).toBe('999');
    expect(countText('hires', 1_000)).toBe('1,000');
  });

  it('leaves a year, an entry’s number, a fraction and text as recorded', () => {
    expect(countText('year', 2026)).toBeUndefined();
    expect(countText('seq', 123_456)).toBeUndefined();
    expect(countText('rate', 0.5)).toBeUndefined();
    expect(countText('views', '18640')).toBeUndefined();
  });
});
