import { describe, expect, it } from 'vitest';
import { lastSessionBy } from './class-view.js';

/** 实名制: check-ins are taken as the class runs, never ahead of it. */
describe('the last session a class may have held by a day', () => {
  const tenOver24Days = { starts_on: '2026-09-07', ends_on: '2026-09-30', sessions: 10 };

  it('is none the day before it starts, and one on its first day', () => {
    expect(lastSessionBy(tenOver24Days, '2026-09-06')).toBe(0);
    expect(lastSessionBy(tenOver24Days, '2026-09-07')).toBe(1);
  });

  it('grows with the days: half the sessions by half its days', () => {
    expect(lastSessionBy(tenOver24Days, '2026-09-18')).toBe(5);
  });

  it('is every session by its last day and after', () => {
    expect(lastSessionBy(tenOver24Days, '2026-09-29')).toBe(10);
    expect(lastSessionBy(tenOver24Days, '2026-09-30')).toBe(10);
    expect(lastSessionBy(tenOver24Days, '2026-10-08')).toBe(10);
  });

  it('lets a class of more sessions than days hold several a day', () => {
    expect(lastSessionBy({ starts_on: '2026-09-07', ends_on: '2026-09-08', sessions: 8 }, '2026-09-07')).toBe(4);
  });
});
