import { describe, expect, it } from 'vitest';
import { CATALOGUE, TEXT_PARAMETERS } from '../catalogue.js';
import { PolicyEngine } from '../core/engine.js';
import { ParameterTable, type ParameterValue } from '../core/parameters.js';
import { organisation } from '../testing/builders.js';
import { LOAN_AWARD_PARAMETERS, loanAwardFen, loanAwardRule } from './loan-awards.js';

/** 成都 awards its lending banks 0.5% of the year's new start-up loans from 2025, by a document of its own. */
const CHENGDU_BANKS: ParameterValue = {
  parameter: LOAN_AWARD_PARAMETERS.bank,
  region: '510100',
  from: '2025-01-01',
  value: 5,
  source: 'local-setting',
  note: '成财金〔2025〕1号 第三条',
};
const table = (values: readonly ParameterValue[] = []) => new ParameterTable([...TEXT_PARAMETERS, ...values]);

describe('创业担保贷款奖补: the share a region sets of the year’s new loans', () => {
  it('no text states one: banks and guarantors start at none, cited to 财社〔2023〕181号 第十六条（四）', () => {
    expect(loanAwardRule(table(), 'bank', '510104', 2025)).toEqual({
      set: false,
      cites: '财社〔2023〕181号 第十六条（四）',
    });
    expect(loanAwardRule(table(), 'guarantor', '621000', 2024)).toMatchObject({ set: false });
  });

  it('成都 sets 0.5% for banks with its own document: its districts have a rule, its guarantors still none', () => {
    expect(loanAwardRule(table([CHENGDU_BANKS]), 'bank', '510104', 2025)).toEqual({
      set: true,
      permille: 5,
      basis: '成财金〔2025〕1号 第三条',
    });
    expect(loanAwardRule(table([CHENGDU_BANKS]), 'guarantor', '510104', 2025)).toMatchObject({ set: false });
    expect(loanAwardRule(table([CHENGDU_BANKS]), 'bank', '510300', 2025)).toMatchObject({ set: false });
  });

  it('a year’s rule is the one in force on its 31 December: a rule from 2025-01-01 does not reach 2024', () => {
    expect(loanAwardRule(table([CHENGDU_BANKS]), 'bank', '510104', 2024)).toMatchObject({ set: false });
  });

  it('the award is rounded down to the fen: 0.5% of 200,001.99元 is 1,000.00元, not 1,000.01元', () => {
    expect(loanAwardFen(20_000_199, 5)).toBe(100_000);
    expect(loanAwardFen(20_000_200, 5)).toBe(100_001);
  });

  it('a province’s year passes 2^53 fen × ‰ without losing a fen', () => {
    expect(loanAwardFen(9_000_000_000_000_001, 7)).toBe(63_000_000_000_000);
  });
});

describe('the award decided as a claim, under the rule of the year’s last day', () => {
  const claim = (newLoanFen: number) => ({
    loanAward: { year: 2025, role: 'bank' as const, newLoans: 2, newLoanFen },
  });
  const evaluate = (values: readonly ParameterValue[], newLoanFen: number) =>
    new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...values]).evaluate({
      subsidy: 'startup-loan-award',
      region: '510104',
      date: '2025-12-31',
      applicant: organisation(),
      claim: claim(newLoanFen),
    });

  it('with 成都’s 0.5%, a bank that lent 400,000元 in 2025 is awarded 2,000元, citing 成都’s document', () => {
    const d = evaluate([CHENGDU_BANKS], 40_000_000);
    expect(d).toMatchObject({ eligible: true, amountFen: 200_000 });
  });

  it('without a region’s share nothing is awarded: refused, saying the region has set none', () => {
    const d = evaluate([], 40_000_000);
    expect(d.eligible).toBe(false);
    expect(d.reasons.find((r) => r.code === 'LOAN_AWARD_RULE_SET')).toMatchObject({
      met: false,
      detail: { zh: '本地区未规定奖补比例' },
    });
  });
});
