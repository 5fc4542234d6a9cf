import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shanghaiDateOf, todayInShanghai } from './today.js';

describe("today's date in Asia/Shanghai", () => {
  it('turns at midnight in Shanghai, 16:00 UTC: the last millisecond before and the first of the day', () => {
    expect(todayInShanghai(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(todayInShanghai(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    // Asked again about the day before, after the next day was kept.
    expect(todayInShanghai(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
  });

  it('is what the time zone database says for any instant, asked in any order', () => {
    const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date('1992-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), {
          minLength: 1,
        }),
        (instants) => {
          for (const at of instants) {
            expect(todayInShanghai(at)).toBe(formatter.format(at));
            expect(shanghaiDateOf(at)).toBe(formatter.format(at));
          }
        },
      ),
    );
  });
});
