import { describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex } from '../core/dates.js';
import type { Certificate, PersonFacts } from '../facts/facts.js';
import { decide, insuranceMonths, person, unmet } from '../testing/builders.js';

/** `n` months of employer-paid contributions ending with `end`. */
const months = (n: number, end = '2023-09') =>
  insuranceMonths(monthFromIndex(monthIndex(end) - n + 1), n, {
    payer: 'employer',
    employer: '91350100M000100Y43',
    pensionFen: 40_000,
    medicalFen: 20_000,
    unemploymentFen: 1_000,
  });
const cert = (level: Certificate['level'], extra: Partial<Certificate> = {}): Certificate => ({
  id: 'U1',
  kind: 'skill-level',
  occupation: '钳工',
  level,
  issuedOn: '2023-10-15',
  ...extra,
});
const worker = (level: Certificate['level'] = 4, extra: Partial<PersonFacts> = {}) =>
  person({ insurance: months(12), certificates: [cert(level)], ...extra });
const ask = (applicant: PersonFacts, date = '2023-11-01') =>
  decide({ subsidy: 'skill-upgrading', region: '621002', date, applicant, claim: { certificateId: 'U1' } });

describe('技能提升补贴 (庆政办发〔2023〕102号 第18条; 人社部发〔2024〕5号 (十二))', () => {
  it.each([
    [5, 100_000],
    [4, 150_000],
    [3, 200_000],
  ] as const)('a level-%i certificate pays %i fen', (level, amount) => {
    expect(ask(worker(level))).toMatchObject({ eligible: true, amountFen: amount });
  });

  it('11 months of unemployment insurance is not a year; 12 is', () => {
    expect(unmet(ask(worker(4, { insurance: months(11) })))).toEqual(['INSURED_ONE_YEAR_OR_ON_BENEFIT']);
  });

  it('a person drawing unemployment benefit qualifies without a year of insurance', () => {
    expect(
      ask(worker(4, { insurance: [], statuses: [{ kind: 'unemployment-benefit', from: '2023-06-01' }] })).eligible,
    ).toBe(true);
  });

  it('the 3rd in a year is paid, the 4th is not', () => {
    const earlier = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        subsidy: 'skill-upgrading',
        grantedOn: `2023-0${i + 1}-15`,
        region: '621002',
        occupation: `工种${i}`,
        level: 5 as const,
      }));
    expect(ask(worker(4, { subsidies: earlier(2) })).eligible).toBe(true);
    expect(unmet(ask(worker(4, { subsidies: earlier(3) })))).toEqual(['SKILL_UPGRADING_YEARLY_CAP']);
  });

  it('a training-completion certificate does not qualify', () => {
    expect(unmet(ask(worker(4, { certificates: [cert(4, { kind: 'training-completion' })] })))).toEqual([
      'CERTIFICATE_KIND',
    ]);
  });

  it('expired after 2023-12-31', () => {
    expect(ask(worker(4), '2024-01-01').status).toBe('not-in-force');
  });
});
