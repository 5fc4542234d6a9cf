import { describe, expect, it } from 'vitest';
import { decide, insuranceMonths, organisation, person, unmet } from '../testing/builders.js';

const months = (from: string, n: number, employer: string) =>
  insuranceMonths(from, n, {
    payer: 'employer',
    employer,
    pensionFen: 50_000,
    medicalFen: 20_000,
    unemploymentFen: 2_000,
  });

describe('单位招用就业困难人员社会保险补贴: to retirement when under 5 years from it (财社〔2023〕181号 第十条（一）)', () => {
  const unit = organisation({ region: '620102' });
  // A man born 1966-06 retires 2026-11; first approved 2023-01, 46 months before it.
  const older = person({
    birthDate: '1966-06-10',
    statuses: [{ kind: 'hard-to-employ', from: '2022-06-01' }],
    insurance: months('2023-01', 48, unit.creditCode),
  });
  const prior = {
    ...unit,
    subsidies: [
      {
        subsidy: 'social-insurance-employer-hard-to-employ',
        grantedOn: '2023-01-20',
        region: '620102',
        personId: older.idNumber,
        fromMonth: '2023-01',
        toMonth: '2025-12',
      },
    ],
  };
  const ask = (fromMonth: string, toMonth: string) =>
    decide({
      subsidy: 'social-insurance-employer-hard-to-employ',
      region: '620102',
      date: '2027-01-05',
      applicant: prior,
      claim: { hires: [{ person: older, contractStart: '2023-01-01', insuredMonths: 48 }], fromMonth, toMonth },
    });

  it('pays past 36 months up to the month before retirement', () => {
    expect(ask('2026-01', '2026-12')).toMatchObject({ eligible: true, months: 10, amountFen: 10 * 72_000 });
  });

  it('pays nothing from the retirement month on', () => {
    expect(unmet(ask('2026-11', '2026-12'))).toEqual(['QUALIFYING_HIRES']);
  });
});
