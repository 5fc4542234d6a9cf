import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  ALLOCATION_PRESETS,
  AllocationError,
  checkScheme,
  NATIONAL_EMPLOYMENT_SCHEME,
  SICHUAN_EMPLOYMENT_SCHEME,
  SICHUAN_TRAINING_SCHEME,
  type RegionInput,
} from './factor-method.js';

const everywhere = (v: number) => ({ basic: v, input: v, outcome: v, 'key-work': v });

describe('factor-method allocation (因素法: 181号 第十八条; 四川 办法 第十四条)', () => {
  it('every preset’s weights add up to 100%', () => {
    for (const scheme of ALLOCATION_PRESETS) expect(checkScheme(scheme), scheme.id).toBeNull();
  });

  it('splits in proportion to the weighted shares: 3 to 1 on every indicator is 75% to 25%', () => {
    const result = allocate(NATIONAL_EMPLOYMENT_SCHEME, 1_000_000_00, [
      { region: '510100', values: everywhere(3) },
      { region: '510300', values: everywhere(1) },
    ]);
    expect(result.rows.map((r) => r.amountFen)).toEqual([750_000_00, 250_000_00]);
    expect(result.cites).toBe('财社〔2023〕181号 第十八条');
  });

  it('weights the factors: a region ahead only on the 35% basic factor gets 35% of that part', () => {
    const result = allocate(NATIONAL_EMPLOYMENT_SCHEME, 100_000, [
      { region: '510100', values: { basic: 1, input: 1, outcome: 1, 'key-work': 1 } },
      { region: '510300', values: { basic: 0, input: 1, outcome: 1, 'key-work': 1 } },
    ]);
    // 510100: 35% + 32.5% = 67.5%; 510300: 32.5%.
    expect(result.rows.map((r) => r.amountFen)).toEqual([67_500, 32_500]);
    expect(result.rows[0]?.scorePpm).toBe(675_000);
  });

  it('applies the coefficients after the score: equal scores, fiscal 1.2 against 1.0, give 6/11 and 5/11', () => {
    const result = allocate(NATIONAL_EMPLOYMENT_SCHEME, 110_000, [
      { region: '510100', values: everywhere(1), coefficients: { fiscal: 12_000 } },
      { region: '510300', values: everywhere(1) },
    ]);
    expect(result.rows.map((r) => r.amountFen)).toEqual([60_000, 50_000]);
    expect(result.rows[0]?.explanation.zh).toContain('财力调节系数 1.2');
  });

  it('gives the fen left over by rounding to the largest remainders, ties to the lower region code', () => {
    const three: RegionInput[] = ['510300', '510100', '510400'].map((region) => ({
      region,
      values: { trainees: 1, results: 1 },
    }));
    const result = allocate(SICHUAN_TRAINING_SCHEME, 100, three);
    // 33.33… each: floors of 33 and one fen left, to 510100.
    expect(result.rows.map((r) => [r.region, r.amountFen, r.remainderFen])).toEqual([
      ['510300', 33, 0],
      ['510100', 34, 1],
      ['510400', 33, 0],
    ]);
    // The region given the fen is told how many were left over and why it got one.
    expect(result.rows[1]?.explanation.zh).toContain('含尾差1分：按比例取整后共余 1 分');
    expect(result.rows[0]?.explanation.zh).not.toContain('尾差');
  });

  it('gives two fen left over to the two largest remainders, saying so to both', () => {
    const three: RegionInput[] = ['510300', '510100', '510400'].map((region) => ({
      region,
      values: { trainees: 1, results: 1 },
    }));
    // 66.66… each: floors of 66 and two fen left, to the two lowest codes (equal remainders).
    const result = allocate(SICHUAN_TRAINING_SCHEME, 200, three);
    expect(result.rows.map((r) => [r.region, r.amountFen, r.remainderFen])).toEqual([
      ['510300', 67, 1],
      ['510100', 67, 1],
      ['510400', 66, 0],
    ]);
    for (const row of result.rows.filter((r) => r.remainderFen))
      expect(row.explanation.en).toContain('rounding down left 2 fen over');
  });

  it('uses 四川’s sub-weights for the basic factor', () => {
    const input = (population: number): RegionInput => ({
      region: population > 1 ? '510100' : '510300',
      values: {
        'resident-population': population,
        'registered-unemployed': 1,
        'new-urban-jobs': 1,
        'hard-to-employ': 1,
        'market-entities': 1,
        effort: 1,
        'key-work': 1,
      },
    });
    const result = allocate(SICHUAN_EMPLOYMENT_SCHEME, 1_000_000, [input(3), input(1)]);
    // Population (20%) splits 75/25; the other 80% halves: 15% + 40% = 55%.
    expect(result.rows.map((r) => r.amountFen)).toEqual([550_000, 450_000]);
  });

  it('always sums exactly to the total, never negative, whatever the inputs', () => {
    const region = fc.record({
      values: fc.record({
        basic: fc.nat(10_000_000),
        input: fc.nat(10_000_000),
        outcome: fc.nat(10_000_000),
        'key-work': fc.nat(10_000_000),
      }),
      coefficients: fc.record({
        performance: fc.integer({ min: 5_000, max: 15_000 }),
        fiscal: fc.integer({ min: 5_000, max: 15_000 }),
      }),
    });
    fc.assert(
      fc.property(fc.array(region, { minLength: 1, maxLength: 30 }), fc.nat(2_000_000_000_00), (regions, total) => {
        const inputs = regions.map((r, i) => ({
          region: String(510100 + i * 100),
          values: {
            ...r.values,
            basic: r.values.basic + 1,
            input: r.values.input + 1,
            outcome: r.values.outcome + 1,
            'key-work': r.values['key-work'] + 1,
          },
          coefficients: r.coefficients,
        }));
        const rows = allocate(NATIONAL_EMPLOYMENT_SCHEME, total, inputs).rows;
        return (
          rows.reduce((n, r) => n + r.amountFen, 0) === total &&
          rows.every((r) => r.amountFen >= 0 && Number.isInteger(r.amountFen))
        );
      }),
    );
  });

  it('refuses weights that do not add up, an indicator nobody has, and a region twice', () => {
    const broken = { ...SICHUAN_TRAINING_SCHEME, factors: [SICHUAN_TRAINING_SCHEME.factors[0]!] };
    expect(() => allocate(broken, 100, [{ region: '510100', values: { trainees: 1 } }])).toThrow(AllocationError);
    expect(() =>
      allocate(SICHUAN_TRAINING_SCHEME, 100, [{ region: '510100', values: { trainees: 1, results: 0 } }]),
    ).toThrow(/INDICATOR_ALL_ZERO/);
    expect(() =>
      allocate(SICHUAN_TRAINING_SCHEME, 100, [
        { region: '510100', values: { trainees: 1, results: 1 } },
        { region: '510100', values: { trainees: 1, results: 1 } },
      ]),
    ).toThrow(/DUPLICATE_REGION/);
  });
});
