import { describe, expect, it } from 'vitest';
import { startsBeforeEnds } from './field-order.js';

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
