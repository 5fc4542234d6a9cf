import { describe, expect, it } from 'vitest';
import { wan } from '../core/money.js';
import { ParameterTable } from '../core/parameters.js';
import { TEXT_PARAMETERS } from '../catalogue.js';
import { counterGuaranteeWaived, loanBreaches, loanOfferPeriods, loanTerms, type LoanBorrower } from './loan-terms.js';

const table = new ParameterTable(TEXT_PARAMETERS);
const terms = (region: string, on: string, borrower: LoanBorrower = 'individual') =>
  loanTerms(table, region, on, borrower);
const codes = (region: string, on: string, borrower: LoanBorrower, principal: number, months: number) =>
  loanBreaches(terms(region, on, borrower), principal, months).map((b) => b.code);

describe('创业担保贷款 limits', () => {
  describe('庆阳 (庆政办发〔2023〕102号 第16条), 2023-10-27 to 2023-12-31', () => {
    it('an individual may borrow 20万元 for 3 years, not a fen more nor a month longer', () => {
      expect(codes('621002', '2023-10-27', 'individual', wan(20), 36)).toEqual([]);
      expect(codes('621002', '2023-10-27', 'individual', wan(20) + 1, 36)).toEqual(['LOAN_OVER_LIMIT']);
      expect(codes('621002', '2023-12-31', 'individual', wan(20), 37)).toEqual(['LOAN_TERM_TOO_LONG']);
    });
    it('a partner may borrow 10% more: 22万元', () => {
      expect(terms('621002', '2023-11-01', 'partnership').limit?.value).toBe(wan(22));
      expect(codes('621002', '2023-11-01', 'partnership', wan(22), 36)).toEqual([]);
      expect(codes('621002', '2023-11-01', 'partnership', wan(22) + 1, 36)).toEqual(['LOAN_OVER_LIMIT']);
    });
    it('a small or micro enterprise may borrow 300万元 for 2 years', () => {
      expect(codes('621002', '2023-11-01', 'small-micro-enterprise', wan(300), 24)).toEqual([]);
      expect(codes('621002', '2023-11-01', 'small-micro-enterprise', wan(300) + 1, 25)).toEqual([
        'LOAN_OVER_LIMIT',
        'LOAN_TERM_TOO_LONG',
      ]);
    });
    it('no counter-guarantee for an individual loan of 10万元 or less; one fen more needs one', () => {
      const t = terms('621002', '2023-11-01');
      expect(counterGuaranteeWaived(t, wan(10))).toBe(true);
      expect(counterGuaranteeWaived(t, wan(10) + 1)).toBe(false);
      expect(counterGuaranteeWaived(terms('621002', '2023-11-01', 'small-micro-enterprise'), wan(10))).toBe(false);
    });
    it('an extension of at most 1 year', () => {
      expect(terms('621002', '2023-11-01').maxExtensionMonths).toMatchObject({
        value: 12,
        cites: '庆政办发〔2023〕102号 第16条',
      });
    });
    it('the day before the text and the day after it ends, no loan is offered', () => {
      expect(codes('621002', '2023-10-26', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
      expect(codes('621002', '2024-01-01', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
    });
    it('states no share of interest: 按规定 leaves it to the province', () => {
      expect(terms('621002', '2023-11-01').interestSharePermille).toBeUndefined();
    });
  });

  describe('四川 (川办发〔2024〕34号 （五）), 2024-07-13 to 2025-12-31', () => {
    it('an individual may borrow 30万元, an enterprise 400万元, and 50% of the interest is paid', () => {
      expect(codes('510104', '2024-07-13', 'individual', wan(30), 36)).toEqual([]);
      expect(codes('510104', '2025-12-31', 'individual', wan(30) + 1, 36)).toEqual(['LOAN_OVER_LIMIT']);
      expect(codes('510104', '2024-07-13', 'small-micro-enterprise', wan(400), 24)).toEqual([]);
      expect(codes('510104', '2024-07-13', 'small-micro-enterprise', wan(400) + 1, 24)).toEqual(['LOAN_OVER_LIMIT']);
      expect(terms('510104', '2024-07-13').interestSharePermille).toMatchObject({ value: 500 });
    });
    it('no partnership raise, term cap, counter-guarantee waiver or extension is stated', () => {
      const t = terms('510104', '2025-01-01', 'partnership');
      expect(t.limit?.value).toBe(wan(30));
      expect(t.maxTermMonths).toBeUndefined();
      expect(t.maxExtensionMonths).toBeUndefined();
      expect(counterGuaranteeWaived(t, wan(1))).toBe(false);
    });
    it('the day before and after the text, no loan is offered', () => {
      expect(codes('510104', '2024-07-12', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
      expect(codes('510104', '2026-01-01', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
    });
    it('a refusal can say when the text offers it: its period, cited', () => {
      expect(loanOfferPeriods(table, '510104', 'individual')).toEqual([
        { from: '2024-07-13', to: '2025-12-31', cites: expect.stringMatching(/\S/) },
      ]);
      expect(loanOfferPeriods(table, '620102', 'individual')).toEqual([]);
    });
  });

  it('甘肃 outside 庆阳 and 贵州 state no figures (decision 014): no loan is offered', () => {
    expect(codes('620102', '2023-11-01', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
    expect(codes('520102', '2025-01-01', 'individual', wan(1), 12)).toEqual(['LOAN_NOT_OFFERED']);
  });
});
