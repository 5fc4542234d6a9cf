import { describe, expect, it } from 'vitest';
import type { Loan } from '../facts/facts.js';
import { decide, person } from '../testing/builders.js';

const loan = (extra: Partial<Loan> = {}): Loan => ({
  borrower: 'individual',
  principalFen: 20_000_000,
  annualRateBp: 400,
  termMonths: 36,
  ...extra,
});
const quarter = (repaidOnTime: boolean) => ({
  key: '2025-Q3',
  from: '2025-07-01',
  to: '2025-09-30',
  interestFen: 202_222,
  repaidOnTime,
  disbursedOn: '2025-06-20',
  maturesOn: '2028-06-19',
});
const ask = (l: Loan, date: string, region = '510104') =>
  decide({ subsidy: 'startup-loan-interest', region, date, applicant: person(), claim: { loan: l } });

describe('个人创业担保贷款贴息', () => {
  it('四川 (川办发〔2024〕34号 （五）): half of a quarter repaid on time, judged on the contract day', () => {
    expect(ask(loan({ contractedOn: '2025-06-20', period: quarter(true) }), '2025-06-20')).toMatchObject({
      eligible: true,
      amountFen: 101_111,
    });
  });
  it('a quarter repaid late is eligible for nothing', () => {
    expect(ask(loan({ period: quarter(false) }), '2025-06-20')).toMatchObject({ amountFen: 0 });
  });
  it('without a period, the whole-term estimate: 20万元 × 4% × 3 years × 50% = 12,000元', () => {
    expect(ask(loan(), '2025-06-20')).toMatchObject({ eligible: true, amountFen: 1_200_000 });
  });
  it('30万元 and a fen is over 四川 limit', () => {
    expect(ask(loan({ principalFen: 30_000_001 }), '2025-06-20').eligible).toBe(false);
  });
});
