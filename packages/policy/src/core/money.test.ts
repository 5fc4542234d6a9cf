import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYuan, yuanText } from './money.js';

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
