import { describe, expect, it } from 'vitest';
import { parseParameterInput } from './parameter-input.js';

describe('a parameter typed in its unit', () => {
  it('reads 元 as fen, % as per mille, whole counts, and 0/1 switches', () => {
    expect(parseParameterInput('1,800', 'fen')).toBe(180000);
    expect(parseParameterInput('12.5', 'fen')).toBe(1250);
    expect(parseParameterInput('5.5%', 'permille')).toBe(55);
    expect(parseParameterInput('60', 'permille')).toBe(600);
    expect(parseParameterInput('12', 'months')).toBe(12);
    expect(parseParameterInput('1', 'flag')).toBe(1);
  });

  it('refuses what is not such a value', () => {
    expect(parseParameterInput('一千', 'fen')).toBeUndefined();
    expect(parseParameterInput('5.55', 'permille')).toBeUndefined();
    expect(parseParameterInput('1.5', 'count')).toBeUndefined();
    expect(parseParameterInput('2', 'flag')).toBeUndefined();
    expect(parseParameterInput('-200', 'fen')).toBeUndefined();
  });

  it('takes a share up to the whole, and not past it', () => {
    expect(parseParameterInput('100', 'permille')).toBe(1000);
    expect(parseParameterInput('100.1', 'permille')).toBeUndefined();
    expect(parseParameterInput('150', 'permille')).toBeUndefined();
  });
});
