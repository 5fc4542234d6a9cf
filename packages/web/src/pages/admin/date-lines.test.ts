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
    expect(parseDateLines('2027-01-01\n2027-02-30')).toEqual({ ok: false, line: 2, text: '2027-02-30' });
    expect(parseDateLines('2027-05-05 至 2027-05-01')).toMatchObject({ ok: false, line: 1 });
    expect(parseDateLines('元旦')).toMatchObject({ ok: false, line: 1 });
  });
});
