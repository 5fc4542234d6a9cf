import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanEn, parseYuan, yuanText } from './money.js';

describe('yuan text', () => {
  it('reads what people write, to the 分', () => {
    expect(parseYuan('1500')).toBe(150_000);
    expect(parseYuan('1,500.5')).toBe(150_050);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.005')).toBeUndefined();
    expect(parseYuan('-3')).toBeUndefined();
    expect(parseYuan('12元')).toBeUndefined();
  });
  it('round-trips every amount', () => {
    fc.assert(fc.property(fc.nat(1_000_000_000_000), (fen) => parseYuan(yuanText(fen)) === fen));
  });
});

describe('amounts in explanations', () => {
  it('in Chinese, 元 after the figure and no zero fen; in English, ¥ before it with two decimals', () => {
    expect(formatYuan(150_000)).toBe('1,500元');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89元');
    expect(formatYuanEn(150_000)).toBe('¥1,500.00');
    expect(formatYuanEn(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuanEn(7)).toBe('¥0.07');
    expect(formatYuanEn(-150_050)).toBe('-¥1,500.50');
  });
});
