import { describe, expect, it } from 'vitest';
import { reasonIsEnough, REASON_MAX } from './spot-check-reason.js';

describe('the reason for drawing a spot check again', () => {
  it('is a real reason: blanks and a character or three are not one', () => {
    expect(reasonIsEnough('')).toBe(false);
    expect(reasonIsEnough('      ')).toBe(false);
    expect(reasonIsEnough(' 重 抽 ')).toBe(false);
    expect(reasonIsEnough('人员回避')).toBe(true);
    expect(reasonIsEnough('原选派的检查人员须回避，经集体研究同意重新抽取')).toBe(true);
  });

  it('fits the record: at most 500 characters', () => {
    expect(reasonIsEnough('理'.repeat(REASON_MAX))).toBe(true);
    expect(reasonIsEnough('理'.repeat(REASON_MAX + 1))).toBe(false);
  });
});
