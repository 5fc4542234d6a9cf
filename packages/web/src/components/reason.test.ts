import { describe, expect, it } from 'vitest';
import { reasonIsEnough, reasonRule, REASON_MAX } from './reason.js';

describe('a reason kept for oversight', () => {
  it('is a real reason: blanks, marks and a character or three are not one', () => {
    expect(reasonIsEnough('')).toBe(false);
    expect(reasonIsEnough('      ')).toBe(false);
    expect(reasonIsEnough(' 重 抽 ')).toBe(false);
    expect(reasonIsEnough('!!!!!!')).toBe(false);
    expect(reasonIsEnough('x。。。')).toBe(false);
    expect(reasonIsEnough('xxxx')).toBe(false);
    expect(reasonIsEnough('理理理理理')).toBe(false);
    expect(reasonIsEnough('人员回避')).toBe(true);
    expect(reasonIsEnough('原选派的检查人员须回避，经集体研究同意重新抽取')).toBe(true);
  });

  it('fits the record: at most 500 characters', () => {
    expect(reasonIsEnough('依据'.repeat(REASON_MAX / 2))).toBe(true);
    expect(reasonIsEnough(`${'依据'.repeat(REASON_MAX / 2)}。`)).toBe(false);
  });

  it('as a form rule, refuses with the page’s words and takes a real reason', async () => {
    const rule = reasonRule('请写明理由');
    await expect(rule.validator(null, '!!!!')).rejects.toThrow('请写明理由');
    await expect(rule.validator(null, undefined)).rejects.toThrow('请写明理由');
    await expect(rule.validator(null, '经局务会研究同意')).resolves.toBeUndefined();
  });
});
