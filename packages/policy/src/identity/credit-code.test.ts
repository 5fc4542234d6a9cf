import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_CHARSET, checkCreditCode, creditCodeCheckChar, organisationKindOf } from './credit-code.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts a code whose check character matches', () => {
    const first17 = '91510100MA61234567'.slice(0, 17);
    const code = first17 + creditCodeCheckChar(first17);
    expect(checkCreditCode(code)).toBe('valid');
    expect(checkCreditCode('91350100M000100Y43')).toBe('valid');
  });

  it('reports a wrong check character separately from a bad format, so a clerk can override it', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('check-digit');
    expect(checkCreditCode('91350100M000100Y4')).toBe('format');
    expect(checkCreditCode('91350100M000100I43')).toBe('format');
  });

  it('reads the organisation type', () => {
    expect(organisationKindOf('92510100MA6CXXXX00')).toBe('individual-business');
    expect(organisationKindOf('12510100MA6CXXXX00')).toBe('public-institution');
  });

  it('property: changing any one character of a valid code is caught', () => {
    const char = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 17, maxLength: 17 }),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (chars, position, shift) => {
          const first17 = chars.join('');
          const code = first17 + creditCodeCheckChar(first17);
          expect(checkCreditCode(code)).toBe('valid');
          const replaced = CREDIT_CODE_CHARSET.charAt(
            (CREDIT_CODE_CHARSET.indexOf(first17.charAt(position)) + shift) % 31,
          );
          const changed = first17.slice(0, position) + replaced + first17.slice(position + 1) + code.charAt(17);
          expect(checkCreditCode(changed)).toBe('check-digit');
        },
      ),
    );
  });
});
