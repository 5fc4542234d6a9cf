import { describe, expect, it } from 'vitest';
import { validateFacts } from './validate.js';

describe('validating facts at the edge', () => {
  it('accepts valid facts', () => {
    expect(
      validateFacts({
        applicant: {
          kind: 'person',
          idNumber: '11010519491231002X',
          statuses: [{ kind: 'disabled', from: '2020-02-29' }],
        },
        date: '2024-01-01',
        region: '510104',
      }),
    ).toEqual([]);
  });

  it('names the field of a bad check digit, an impossible date and a negative amount', () => {
    const errors = validateFacts({
      applicant: {
        kind: 'person',
        idNumber: '110105194912310021',
        statuses: [{ kind: 'disabled', from: '2023-02-29' }],
        insurance: [{ month: '2024-13', pensionFen: -1 }],
      },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['applicant.idNumber', 'INVALID_ID_NUMBER'],
      ['applicant.statuses[0].from', 'INVALID_DATE'],
      ['applicant.insurance[0].month', 'INVALID_MONTH'],
      ['applicant.insurance[0].pensionFen', 'INVALID_AMOUNT'],
    ]);
    expect(errors[0]?.message.zh).toBe('身份证号码校验码错误');
  });

  it('refuses fractional fen', () => {
    expect(validateFacts({ claim: { feeFen: 10.5 } })[0]).toMatchObject({
      field: 'claim.feeFen',
      code: 'INVALID_AMOUNT',
    });
  });

  it('refuses a period that ends before it starts, at its end; the same month or day is a period of one', () => {
    const errors = validateFacts({
      claim: { fromMonth: '2026-09', toMonth: '2026-03' },
      applicant: { employment: [{ kind: 'labour-contract', from: '2025-03-01', to: '2025-02-28' }] },
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['claim.toMonth', 'PERIOD_REVERSED'],
      ['applicant.employment[0].to', 'PERIOD_REVERSED'],
    ]);
    expect(errors[0]?.message.zh).toBe('结束（2026-03）早于开始（2026-09）');
    expect(
      validateFacts({
        claim: { fromMonth: '2026-03', toMonth: '2026-03' },
        applicant: { employment: [{ kind: 'labour-contract', from: '2025-03-01', to: '2025-03-01' }] },
      }),
    ).toEqual([]);
  });
});
