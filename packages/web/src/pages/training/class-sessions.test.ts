import { describe, expect, it } from 'vitest';
import { nextSession } from './class-sessions.js';

/** 实名制签到: a school records each session's check-ins; the picker offers the one due next. */
describe('the session to record next', () => {
  it('a class of ten with two sessions recorded: the third', () => {
    expect(nextSession(10, [1, 2], 0)).toBe(3);
  });

  it('after recording the third, the fourth; a gap left earlier is offered once the end is reached', () => {
    expect(nextSession(10, [1, 2, 3], 3)).toBe(4);
    expect(nextSession(5, [1, 3, 4, 5], 5)).toBe(2);
  });

  it('sessions not yet due are not offered: four of ten due, all four recorded, the fourth again', () => {
    expect(nextSession(4, [1, 2, 3, 4], 4)).toBe(4);
    expect(nextSession(4, [1, 2], 2)).toBe(3);
  });

  it('nothing recorded: the first; everything recorded: the last, for a late check-in', () => {
    expect(nextSession(10, [], 0)).toBe(1);
    expect(nextSession(3, [1, 2, 3], 3)).toBe(3);
  });
});
