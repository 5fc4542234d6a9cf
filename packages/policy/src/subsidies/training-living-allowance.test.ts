import { describe, expect, it } from 'vitest';
import { decide, engine, example, person, unmet } from '../testing/builders.js';

describe('培训期间生活费补贴', () => {
  it('贵州: 40元 a day for a poverty-alleviated worker from a key county in rural practical training (三（十）)', () => {
    const p = person({
      statuses: [
        { kind: 'poverty-alleviated', from: '2020-01-01' },
        { kind: 'priority-county-resident', from: '2020-01-01' },
      ],
    });
    const d = decide({
      subsidy: 'training-living-allowance',
      region: '522601',
      date: '2024-05-01',
      applicant: p,
      claim: { trainingScheme: 'rural-practical', trainingDays: 15 },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 60_000 });
  });

  it('贵州: someone not from a key county is refused', () => {
    const p = person({ statuses: [{ kind: 'poverty-alleviated', from: '2020-01-01' }] });
    expect(
      unmet(
        decide({
          subsidy: 'training-living-allowance',
          region: '522601',
          date: '2024-05-01',
          applicant: p,
          claim: { trainingScheme: 'rural-practical', trainingDays: 15 },
        }),
      ),
    ).toEqual(['POVERTY_ALLEVIATED_WORKER']);
  });

  it('national: a rural school-leaver in labour-preparatory training, at the local daily standard (财社〔2023〕181号 第五条（一）)', () => {
    const p = person({
      birthDate: '2007-03-01',
      rural: true,
      statuses: [{ kind: 'school-leaver', from: '2024-07-01' }],
    });
    const e = engine([example('training-living-allowance.per-day', '620000', 3_000)]);
    const d = e.evaluate({
      subsidy: 'training-living-allowance',
      region: '620102',
      date: '2024-10-01',
      applicant: p,
      claim: { trainingScheme: 'labour-preparatory', trainingDays: 20 },
    });
    expect(d).toMatchObject({ eligible: true, amountFen: 60_000 });
  });

  it('national: an urban trainee not from a 低保 household is refused, and a claim without days too', () => {
    const p = person({ birthDate: '2007-03-01', statuses: [{ kind: 'school-leaver', from: '2024-07-01' }] });
    expect(
      unmet(
        decide({
          subsidy: 'training-living-allowance',
          region: '620102',
          date: '2024-10-01',
          applicant: p,
          claim: { trainingScheme: 'labour-preparatory' },
        }),
      ),
    ).toEqual(['RURAL_OR_URBAN_DIBAO', 'TRAINING_DAYS']);
  });
});
