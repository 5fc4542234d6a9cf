import { describe, expect, it } from 'vitest';
import { ParameterTable } from '../core/parameters.js';
import { TEXT_PARAMETERS } from '../catalogue.js';
import { loanTerms } from './loan-terms.js';
import { periodSubsidy, quarterDates, type LoanPeriod } from './period-subsidy.js';

const table = new ParameterTable(TEXT_PARAMETERS);
const sichuan = loanTerms(table, '510104', '2025-03-20', 'individual');
const q = (key: string, extra: Partial<LoanPeriod> = {}): LoanPeriod => ({
  period: quarterDates(key),
  interestFen: 330_001,
  repaidOnTime: true,
  disbursedOn: '2025-03-20',
  maturesOn: '2028-03-19',
  ...extra,
});

describe('创业担保贷款贴息 per quarter', () => {
  it('quarters run from their first to their last day', () => {
    expect(quarterDates('2025-Q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterDates('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });
  it('四川 pays half of a quarter repaid on time, rounded down to the fen', () => {
    // 3300.01元 × 50% = 1650.005元 → 1650.00元
    expect(periodSubsidy(sichuan, q('2025-Q2'))).toMatchObject({ subsidyFen: 165_000, outcome: 'subsidised' });
  });
  it('a quarter repaid late is paid nothing, the next one on time is paid again', () => {
    expect(periodSubsidy(sichuan, q('2025-Q3', { repaidOnTime: false }))).toMatchObject({
      subsidyFen: 0,
      outcome: 'overdue',
    });
    expect(periodSubsidy(sichuan, q('2025-Q4')).subsidyFen).toBe(165_000);
  });
  it('an extension is not subsidised: the quarter it starts in is paid for its days within the term', () => {
    const extended = { maturesOn: '2028-02-29', endsOn: '2029-02-28' };
    // 2028-Q1: 91 days of loan, 60 within the term (Jan 31 + Feb 29).
    expect(periodSubsidy(sichuan, q('2028-Q1', { ...extended, interestFen: 91_000 }))).toMatchObject({
      loanDays: 91,
      subsidisedDays: 60,
      subsidyFen: 30_000,
    });
    expect(periodSubsidy(sichuan, q('2028-Q2', extended))).toMatchObject({ subsidyFen: 0, outcome: 'extension' });
  });
  it('the first quarter counts from disbursement, and a repaid loan has no later quarter', () => {
    expect(periodSubsidy(sichuan, q('2025-Q1', { interestFen: 12_000 }))).toMatchObject({
      loanDays: 12,
      subsidyFen: 6_000,
    });
    expect(periodSubsidy(sichuan, q('2025-Q4', { endsOn: '2025-09-30' }))).toMatchObject({ outcome: 'outside-loan' });
  });
  it('庆阳 states no share, so nothing is paid and the reason says so', () => {
    const qingyang = loanTerms(table, '621002', '2023-11-01', 'individual');
    expect(periodSubsidy(qingyang, q('2023-Q4', { disbursedOn: '2023-11-01' }))).toMatchObject({
      subsidyFen: 0,
      outcome: 'share-not-set',
    });
  });
});
