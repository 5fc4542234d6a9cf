import { describe, expect, it } from 'vitest';
import { countText, isHyphenatedNumber, momentText, startsBeforeEnds } from './audit-fields.js';

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
    expect(startsBeforeEnds(['payMaxFen', 'payMinFen'])).toEqual(['payMinFen', 'payMaxFen']);
    expect(startsBeforeEnds(['maturesOn', 'disbursedOn'])).toEqual(['disbursedOn', 'maturesOn']);
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

describe('a moment in an audit entry', () => {
  it('reads in Shanghai’s time under a name that says it is a moment', () => {
    expect(momentText('startsAt', '2026-12-01T19:00:00+08:00')).toBe('2026-12-01 19:00');
    expect(momentText('endsAt', '2026-12-01T16:30:00.000Z')).toBe('2026-12-02 00:30');
    expect(momentText('created_at', '2026-12-01T00:00Z')).toBe('2026-12-01 08:00');
  });

  it('leaves typed text, an impossible moment and a calendar date as recorded', () => {
    expect(momentText('skills', '2026-12-01T19:00Z')).toBeUndefined();
    expect(momentText('startsAt', '2026-13-45T99:99Z')).toBeUndefined();
    expect(momentText('startsAt', '2026-12-01')).toBeUndefined();
    expect(momentText('startsAt', 20261201)).toBeUndefined();
  });
});

describe('a hyphenated number', () => {
  it('is digits in hyphenated groups, perhaps after a short prefix of capitals', () => {
    expect(isHyphenatedNumber('510104-2026-0000090')).toBe(true);
    expect(isHyphenatedNumber('PX510104-2026-0000100')).toBe(true);
    expect(isHyphenatedNumber('20261201')).toBe(false);
    expect(isHyphenatedNumber('锦江区 2026 招聘会')).toBe(false);
  });
});
