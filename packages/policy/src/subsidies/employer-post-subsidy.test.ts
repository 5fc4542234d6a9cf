import { describe, expect, it } from 'vitest';
import type { Hire, PersonFacts } from '../facts/facts.js';
import { decide, engine, example, insuranceMonths, organisation, person, unmet } from '../testing/builders.js';

const months = (from: string, n: number, employer: string) =>
  insuranceMonths(from, n, {
    payer: 'employer',
    employer,
    pensionFen: 50_000,
    medicalFen: 20_000,
    unemploymentFen: 2_000,
  });

describe('用人单位岗位补贴 (四川 办法 第六条（三）)', () => {
  const unit = organisation();
  const hardToEmploy = (extra: Partial<PersonFacts> = {}) =>
    person({
      birthDate: '1980-01-01',
      statuses: [{ kind: 'hard-to-employ', from: '2025-01-01' }],
      insurance: months('2025-06', 6, unit.creditCode),
      ...extra,
    });
  const hire = (p: PersonFacts): Hire => ({
    person: p,
    contractStart: '2025-06-01',
    contractMonths: 24,
    insuredMonths: 6,
  });
  const settings = engine([
    example('minimum-wage.monthly', '510100', 210_000),
    example('employer-post.monthly', '510000', 250_000),
  ]);
  const ask = (hires: Hire[], e = settings) =>
    e.evaluate({
      subsidy: 'employer-post-subsidy',
      region: '510104',
      date: '2025-12-10',
      applicant: unit,
      claim: { hires },
    });

  it('pays the local standard, never above the local minimum wage, for each insured month', () => {
    expect(ask([hire(hardToEmploy())])).toMatchObject({
      eligible: true,
      perMonthFen: 210_000,
      months: 6,
      amountFen: 1_260_000,
    });
  });

  it('a hire who was not hard to employ when hired is named and not paid', () => {
    expect(unmet(ask([hire(hardToEmploy({ statuses: [{ kind: 'hard-to-employ', from: '2025-07-01' }] }))]))).toEqual([
      'QUALIFYING_HIRES',
    ]);
  });

  it('with nobody listed yet the reason says so, not "0 of 0 qualify"', () => {
    const reason = ask([]).reasons.find((r) => r.code === 'QUALIFYING_HIRES');
    expect(reason).toMatchObject({ met: false, detail: { zh: '尚未列出人员', en: 'Nobody is listed yet' } });
  });

  it('without a local standard the amount is not guessed', () => {
    expect(
      ask([hire(hardToEmploy())], engine([example('minimum-wage.monthly', '510100', 210_000)])).amountFen,
    ).toBeNull();
  });

  it('is a 四川 subsidy only', () => {
    expect(
      decide({
        subsidy: 'employer-post-subsidy',
        region: '620102',
        date: '2025-12-10',
        applicant: { ...unit, region: '620102' },
      }).status,
    ).toBe('not-offered');
  });
});
