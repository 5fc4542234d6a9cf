import { describe, expect, it } from 'vitest';
import { parseDateLines } from './date-lines.js';

describe('days typed from the State Council notice', () => {
  it('reads single days and ranges, in order and once each', () => {
    expect(parseDateLines('2027-10-01 至 2027-10-03\n2027-01-01\n\n2027-10-02')).toEqual({
      ok: true,
      dates: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03'],
    });
  });

  it('names the first line that is not a real day or range', () => {
    expect(parseDateLines('2027-01-01\n2027-02-30')).toEqual({
      ok: false,
      line: 2,
      text: '2027-02-30',
      why: 'not-a-date',
    });
    expect(parseDateLines('元旦')).toMatchObject({ ok: false, line: 1, why: 'not-a-date' });
  });

  it('says a range that ends before it starts, or runs past a month, for what it is', () => {
    expect(parseDateLines('2027-05-05 至 2027-05-01')).toMatchObject({ ok: false, line: 1, why: 'reversed' });
    expect(parseDateLines('2027-01-01 至 2027-02-01')).toMatchObject({ ok: true });
    expect(parseDateLines('2027-01-01 至 2027-02-02')).toMatchObject({ ok: false, line: 1, why: 'too-long' });
  });
});
