import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResidentId, residentIdCheckChar, upgradeLegacyResidentId } from './resident-id.js';

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014', '34052419800101001X'])(
    'accepts the published example %s',
    (id) => {
      expect(parseResidentId(id).ok).toBe(true);
    },
  );

  it('upper-cases a trailing x before checking', () => {
    expect(parseResidentId('11010519491231002x')).toMatchObject({ ok: true, value: { number: '11010519491231002X' } });
  });

  it('reads birth date and sex (odd 17th digit = male)', () => {
    const parsed = parseResidentId('440524188001010014');
    expect(parsed).toMatchObject({ ok: true, value: { birthDate: '1880-01-01', sex: 'male', areaCode: '440524' } });
    expect(parseResidentId('11010519491231002X')).toMatchObject({ ok: true, value: { sex: 'female' } });
  });

  it('refuses a wrong check character', () => {
    expect(parseResidentId('110105194912310021')).toEqual({ ok: false, error: 'check-digit' });
  });

  it('refuses a birth date that does not exist', () => {
    const first17 = '11010519490230002';
    expect(parseResidentId(first17 + residentIdCheckChar(first17))).toEqual({ ok: false, error: 'birth-date' });
  });

  it('refuses the wrong length or letters', () => {
    expect(parseResidentId('1101051949123100')).toEqual({ ok: false, error: 'format' });
    expect(parseResidentId('1101051949123100AX')).toEqual({ ok: false, error: 'format' });
  });

  it('treats numbers starting with 9 as foreign permanent-residence cards', () => {
    const first17 = '93010519800101001';
    expect(parseResidentId(first17 + residentIdCheckChar(first17))).toMatchObject({
      ok: true,
      value: { kind: 'foreign-permanent-resident' },
    });
  });

  it('upgrades a legacy 15-digit number', () => {
    expect(upgradeLegacyResidentId('340524800101001')).toBe('34052419800101001X');
  });

  it('property: every valid number fails when any one digit of the first 17 changes', () => {
    const body = fc
      .tuple(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([area, birth, seq]) =>
          `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, position, delta) => {
        const valid = first17 + residentIdCheckChar(first17);
        expect(parseResidentId(valid).ok).toBe(true);
        const digit = (Number(first17[position]) + delta) % 10;
        const changed = first17.slice(0, position) + digit + first17.slice(position + 1) + valid.charAt(17);
        // A changed digit either breaks the check or makes the birth date impossible.
        expect(parseResidentId(changed).ok).toBe(false);
      }),
    );
  });
});
