import { describe, expect, it } from 'vitest';
import { creditCode, defaultEngine, person } from '../testing/builders.js';
import { factsRead } from './fact-reads.js';

describe('the facts each condition reads', () => {
  const graduate = person({
    graduation: { date: '2023-06-30', institution: 'university' },
    businesses: [
      { creditCode: creditCode(), form: 'individual-business', registeredOn: '2023-09-01', operatingNormally: true },
    ],
  });
  const reads = factsRead(defaultEngine, {
    subsidy: 'one-time-startup',
    region: '621002',
    date: '2024-09-01',
    applicant: graduate,
  });
  const of = (code: string) => reads.find((r) => r.code === code);

  it('names each condition of the scheme in force, with the same answer the decision gives', () => {
    const decision = defaultEngine.evaluate({
      subsidy: 'one-time-startup',
      region: '621002',
      date: '2024-09-01',
      applicant: graduate,
    });
    expect(reads.map((r) => [r.code, r.met])).toEqual(
      decision.reasons.filter((r) => r.code !== 'AMOUNT').map((r) => [r.code, r.met]),
    );
  });

  it('sees a fact read through a memoised helper by every condition that uses it', () => {
    expect(of('FIRST_BUSINESS')?.applicant).toContain('businesses');
    expect(of('OPERATED_NORMALLY')?.applicant).toContain('businesses');
    expect(of('FIRST_BUSINESS')?.claim).toEqual(['businessCreditCode']);
  });

  it('an unmet condition names every fact that could have met it; a met one, the fact that did', () => {
    expect(of('FOUNDER_GROUP')?.applicant).toEqual(['businesses', 'graduation']);
    const stranger = factsRead(defaultEngine, {
      subsidy: 'one-time-startup',
      region: '621002',
      date: '2024-09-01',
      applicant: person(),
    }).find((r) => r.code === 'FOUNDER_GROUP');
    expect(stranger).toMatchObject({ met: false });
    expect(stranger?.applicant).toEqual(expect.arrayContaining(['graduation', 'statuses']));
  });

  it('reports nothing when no scheme is in force or the applicant is of the other kind', () => {
    expect(
      factsRead(defaultEngine, {
        subsidy: 'one-time-startup',
        region: '621002',
        date: '2019-01-01',
        applicant: graduate,
      }),
    ).toEqual([]);
  });
});
