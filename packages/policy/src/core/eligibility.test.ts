import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../catalogue.js';
import type { ApplicantFacts, EmploymentKind, PersonFacts, PersonStatusKind } from '../facts/facts.js';
import { engine, example, idNumber, insuranceMonths, organisation } from '../testing/builders.js';
import { makeDate } from './dates.js';
import type { PolicyEngine } from './engine.js';

/**
 * `eligibility` is what the sweep asks instead of `evaluate`: it stops at the first unmet rule and
 * builds no reasons, so it must give the very verdict and amount `evaluate` gives — for anyone, in
 * any region, on any day, with or without the local settings that leave an amount open.
 */
const STATUSES: PersonStatusKind[] = [
  'registered-unemployed',
  'hard-to-employ',
  'dibao-household',
  'disabled',
  'veteran',
  'civil-service-staff',
  'returning-migrant-worker',
];
const EMPLOYMENTS: EmploymentKind[] = ['labour-contract', 'public-welfare-post', 'flexible'];
const REGIONS = ['510104', '510105', '510106', '510000', '621002', '620102', '522601', '110105'];
const day = (from: number, to: number) =>
  fc
    .tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => makeDate(y, m, d));

const personArb: fc.Arbitrary<PersonFacts> = fc
  .record({
    birth: day(1958, 2006),
    sex: fc.constantFrom('male' as const, 'female' as const),
    statuses: fc.subarray(STATUSES),
    since: day(2018, 2027),
    graduated: fc.option(day(2021, 2028), { nil: undefined }),
    employment: fc.option(fc.constantFrom(...EMPLOYMENTS), { nil: undefined }),
    months: fc.integer({ min: 0, max: 40 }),
    paid: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ birth, sex, statuses, since, graduated, employment, months, paid }) => ({
    kind: 'person',
    idNumber: idNumber(birth, sex),
    birthDate: birth,
    sex,
    retirementCategory: sex === 'male' ? 'male' : 'female-cadre',
    statuses: statuses.map((kind) => ({ kind, from: since })),
    ...(graduated ? { graduation: { date: graduated, institution: 'university' as const } } : {}),
    employments: employment
      ? [{ kind: employment, from: since, ...(employment === 'labour-contract' ? { contractMonths: 36 } : {}) }]
      : [],
    insurance: insuranceMonths(since.slice(0, 7), months, {
      payer: 'self',
      pensionFen: paid,
      medicalFen: paid,
      unemploymentFen: paid,
    }),
  }));
const applicantArb: fc.Arbitrary<ApplicantFacts> = fc.oneof(
  { weight: 9, arbitrary: personArb },
  { weight: 1, arbitrary: fc.constant(organisation()) },
);

const bare = engine();
const withSettings = engine([
  example('social-insurance.flexible-share-permille', '000000', 1000),
  example('minimum-wage.monthly', '000000', 200_000),
]);

function verdict(e: PolicyEngine, subsidy: string, applicant: ApplicantFacts, region: string, date: string) {
  const d = e.evaluate({ subsidy, region, date, applicant });
  return d.eligible ? { eligible: true, amountFen: d.amountFen } : { eligible: false };
}

describe('deciding without the reasons', () => {
  it('gives the verdict and amount of the full decision, for every subsidy', () => {
    fc.assert(
      fc.property(
        applicantArb,
        fc.constantFrom(...REGIONS),
        day(2023, 2028),
        fc.constantFrom(bare, withSettings),
        (applicant, region, date, e) => {
          for (const subsidy of CATALOGUE)
            expect(e.eligibility(subsidy, applicant, region, date)).toEqual(
              verdict(e, subsidy.id, applicant, region, date),
            );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives an amount, an amount left open, or a refusal, as the full decision does', () => {
    const graduate: PersonFacts = {
      kind: 'person',
      idNumber: idNumber('2004-05-05'),
      statuses: [{ kind: 'dibao-household', from: '2020-01-01' }],
      graduation: { date: '2025-06-30', institution: 'university' },
    };
    const jobSeeking = CATALOGUE.find((s) => s.id === 'one-time-job-seeking');
    if (!jobSeeking) throw new Error('one-time-job-seeking is in the catalogue');
    // 四川 sets its standard; the national text leaves it to a region that has not.
    expect(bare.eligibility(jobSeeking, graduate, '510104', '2025-03-01')).toEqual({
      eligible: true,
      amountFen: 150_000,
    });
    expect(bare.eligibility(jobSeeking, graduate, '620100', '2025-03-01')).toEqual({ eligible: true, amountFen: null });
    expect(bare.eligibility(jobSeeking, organisation(), '510104', '2025-03-01')).toEqual({ eligible: false });
    // A rule that cannot be judged for a value not entered (the 2022 unemployment target) leaves the
    // amount open without refusing, however the amount itself would come out.
    const stabilization = CATALOGUE.find((s) => s.id === 'unemployment-insurance-stabilization');
    if (!stabilization) throw new Error('unemployment-insurance-stabilization is in the catalogue');
    const unit = organisation({
      region: '510104',
      unemploymentInsurance: [
        { year: 2022, contributedFen: 1_000_000, fullyPaidMonths: 12, insuredStaffAtYearStart: 50, layoffs: 2 },
      ],
    });
    expect(bare.eligibility(stabilization, unit, '510104', '2024-08-01', { year: 2022 })).toEqual({
      eligible: true,
      amountFen: null,
    });
  });
});
