import { describe, expect, it } from 'vitest';
import type { Hire, PersonFacts } from '../facts/facts.js';
import { decide, engine, example, insuranceMonths, organisation, person, unmet } from '../testing/builders.js';

const months = (from: string, n: number, payer: 'employer' | 'self', employer?: string) =>
  insuranceMonths(from, n, {
    payer,
    ...(employer ? { employer } : {}),
    pensionFen: 60_000,
    medicalFen: 30_000,
    unemploymentFen: 3_000,
    injuryFen: 1_000,
  });
const share = engine([example('social-insurance.flexible-share-permille', '000000', 667)]);

describe('社会保险补贴 (财社〔2023〕181号 第十条)', () => {
  describe('就业困难人员灵活就业: at most 2/3 of contributions, 3 years or to retirement', () => {
    const hardToEmploy = (extra: Partial<PersonFacts> & { birthDate?: string } = {}) =>
      person({
        birthDate: '1985-03-01',
        statuses: [{ kind: 'hard-to-employ', from: '2024-01-01' }],
        insurance: months('2024-01', 12, 'self'),
        ...extra,
      });
    const ask = (p: PersonFacts, claim = { fromMonth: '2024-01', toMonth: '2024-12' }, date = '2025-01-15') =>
      share.evaluate({
        subsidy: 'social-insurance-flexible-hard-to-employ',
        region: '620102',
        date,
        applicant: p,
        claim,
      });

    it('pays 2/3 of pension, medical and unemployment contributions (injury excluded)', () => {
      // 12 × 93,000 = 1,116,000; × 66.7% = 744,372; 2/3 cap = 744,000.
      expect(ask(hardToEmploy())).toMatchObject({ eligible: true, amountFen: 744_000, months: 12 });
    });

    it('never more than 2/3, whatever the local share', () => {
      const generous = engine([example('social-insurance.flexible-share-permille', '000000', 900)]);
      const d = generous.evaluate({
        subsidy: 'social-insurance-flexible-hard-to-employ',
        region: '620102',
        date: '2025-01-15',
        applicant: hardToEmploy(),
        claim: { fromMonth: '2024-01', toMonth: '2024-12' },
      });
      expect(d.amountFen).toBe(744_000);
    });

    it('stops after 36 months from the first approved month: the 36th is paid, the 37th is not', () => {
      const p = hardToEmploy({
        insurance: months('2021-01', 48, 'self'),
        subsidies: [
          {
            subsidy: 'social-insurance-flexible-hard-to-employ',
            grantedOn: '2021-02-01',
            region: '620102',
            fromMonth: '2021-01',
            toMonth: '2023-11',
          },
        ],
      });
      const d = ask(p, { fromMonth: '2023-12', toMonth: '2024-01' });
      expect(d).toMatchObject({ eligible: true, months: 1 });
      expect(unmet(ask(p, { fromMonth: '2024-01', toMonth: '2024-03' }))).toEqual(['CONTRIBUTIONS_IN_PERIOD']);
    });

    it('extends to retirement for a man under 5 years from it at first approval', () => {
      // Born 1966-06: retires 2026-11 (60 years + 5 months); first approved 2023-01, 46 months before.
      const older = hardToEmploy({
        birthDate: '1966-06-10',
        insurance: months('2023-01', 48, 'self'),
        subsidies: [
          {
            subsidy: 'social-insurance-flexible-hard-to-employ',
            grantedOn: '2023-01-20',
            region: '620102',
            fromMonth: '2023-01',
            toMonth: '2025-12',
          },
        ],
      });
      // Past the 36 months, paid up to the month before retirement: January to October 2026.
      expect(ask(older, { fromMonth: '2026-01', toMonth: '2026-12' }, '2027-01-05')).toMatchObject({
        eligible: true,
        months: 10,
      });
      expect(unmet(ask(older, { fromMonth: '2026-11', toMonth: '2026-12' }, '2027-01-05'))).toEqual([
        'CONTRIBUTIONS_IN_PERIOD',
      ]);
    });

    it('a person not certified as hard to employ is refused', () => {
      expect(unmet(ask(hardToEmploy({ statuses: [] })))).toEqual(['HARD_TO_EMPLOY']);
    });
  });

  describe('高校毕业生灵活就业: 2/3, at most 2 years', () => {
    const grad = person({
      graduation: { date: '2024-06-30', institution: 'university' },
      insurance: months('2024-07', 30, 'self'),
    });
    it('the 24th month is paid, the 25th is not', () => {
      const d = share.evaluate({
        subsidy: 'social-insurance-flexible-graduate',
        region: '620102',
        date: '2027-01-10',
        applicant: grad,
        claim: { fromMonth: '2024-07', toMonth: '2026-12' },
      });
      expect(d).toMatchObject({ eligible: true, months: 24 });
    });
    it('a graduate who took a job after school is not unemployed', () => {
      const worked = {
        ...grad,
        employments: [
          { kind: 'labour-contract' as const, employer: '91350100M000100Y43', from: '2024-07-01', to: '2024-08-31' },
        ],
      };
      expect(
        unmet(
          share.evaluate({
            subsidy: 'social-insurance-flexible-graduate',
            region: '620102',
            date: '2025-01-10',
            applicant: worked,
            claim: { fromMonth: '2024-09', toMonth: '2024-12' },
          }),
        ),
      ).toEqual(['GRADUATE_UNEMPLOYED_2Y']);
    });
  });

  describe('单位招用: the employer share actually paid', () => {
    const unit = organisation({ sizeClass: 'micro' });
    const hire = (p: PersonFacts, contractMonths = 24): Hire => ({
      person: p,
      contractStart: '2025-01-01',
      contractMonths,
      insuredMonths: 12,
    });

    it('a micro enterprise hiring a graduating-year graduate on a 1-year contract: 12 months of employer share', () => {
      const g = person({
        graduation: { date: '2025-06-30', institution: 'university' },
        insurance: months('2025-01', 18, 'employer', unit.creditCode),
      });
      const d = decide({
        subsidy: 'social-insurance-employer-graduate',
        region: '620102',
        date: '2026-08-01',
        applicant: unit,
        claim: { hires: [hire(g)], fromMonth: '2025-01', toMonth: '2026-06' },
      });
      expect(d).toMatchObject({ eligible: true, months: 12, amountFen: 12 * 93_000 });
    });

    it('a medium enterprise gets nothing for graduates', () => {
      const g = person({
        graduation: { date: '2025-06-30', institution: 'university' },
        insurance: months('2025-01', 6, 'employer', unit.creditCode),
      });
      expect(
        unmet(
          decide({
            subsidy: 'social-insurance-employer-graduate',
            region: '620102',
            date: '2025-08-01',
            applicant: { ...unit, sizeClass: 'medium' },
            claim: { hires: [hire(g)] },
          }),
        ),
      ).toEqual(['SMALL_OR_MICRO_ENTERPRISE']);
    });

    it('an 11-month contract does not qualify', () => {
      const g = person({
        graduation: { date: '2025-06-30', institution: 'university' },
        insurance: months('2025-01', 6, 'employer', unit.creditCode),
      });
      expect(
        unmet(
          decide({
            subsidy: 'social-insurance-employer-graduate',
            region: '620102',
            date: '2025-08-01',
            applicant: unit,
            claim: { hires: [hire(g, 11)] },
          }),
        ),
      ).toEqual(['QUALIFYING_HIRES']);
    });

    it('a unit hiring a person hard to employ: up to 36 months of employer share', () => {
      const h = person({
        birthDate: '1980-01-01',
        statuses: [{ kind: 'hard-to-employ', from: '2024-06-01' }],
        insurance: months('2025-01', 6, 'employer', unit.creditCode),
      });
      const d = decide({
        subsidy: 'social-insurance-employer-hard-to-employ',
        region: '620102',
        date: '2025-08-01',
        applicant: unit,
        claim: { hires: [hire(h)] },
      });
      expect(d).toMatchObject({ eligible: true, months: 6, amountFen: 6 * 93_000 });
    });
  });
});
