import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './masking.js';

describe('masking for public lists', () => {
  it('keeps the first 6 and last 4 of an ID number by default', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('11010519491231002X', 3, 2)).toBe('110*************2X');
  });
  it('keeps the surname of a name, or the first and last characters where the region chooses', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三丰', true)).toBe('张*丰');
    expect(maskName('张三', true)).toBe('张*');
    expect(maskName('欧阳娜娜', true)).toBe('欧**娜');
  });
});
