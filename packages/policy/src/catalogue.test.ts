import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { makeDate } from './core/dates.js';
import type { PersonFacts, PersonStatusKind } from './facts/facts.js';
import { listPolicies } from './policy-list.js';
import { engine, example, idNumber } from './testing/builders.js';

const STATUSES: PersonStatusKind[] = [
  'registered-unemployed',
  'hard-to-employ',
  'poverty-monitoring',
  'poverty-alleviated',
  'veteran',
  'disabled',
  'dibao-household',
  'tekun',
  'returning-migrant-worker',
  'civil-service-staff',
  'national-student-loan',
  'unemployment-benefit',
];
const REGIONS = ['510104', '620102', '621002', '522601', '110105'];
const date = fc
  .tuple(fc.integer({ min: 2022, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => makeDate(y, m, d));
const personArb: fc.Arbitrary<PersonFacts> = fc
  .record({
    birth: fc
      .tuple(fc.integer({ min: 1960, max: 2006 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => makeDate(y, m, d)),
    statuses: fc.subarray(STATUSES),
    since: date,
    graduated: fc.option(date, { nil: undefined }),
    registered: fc.option(date, { nil: undefined }),
    certLevel: fc.constantFrom(1, 2, 3, 4, 5),
    paid: fc.integer({ min: 0, max: 200_000 }),
  })
  .map(({ birth, statuses, since, graduated, registered, certLevel, paid }) => ({
    kind: 'person',
    idNumber: idNumber(birth),
    statuses: statuses.map((kind) => ({ kind, from: since })),
    ...(graduated ? { graduation: { date: graduated, institution: 'university' as const } } : {}),
    ...(registered
      ? {
          businesses: [
            {
              creditCode: '91350100M000100Y43',
              form: 'individual-business' as const,
              registeredOn: registered,
              operatingNormally: true,
            },
          ],
        }
      : {}),
    certificates: [
      {
        id: 'C',
        kind: 'skill-level',
        occupation: '电工',
        level: certLevel as 1 | 2 | 3 | 4 | 5,
        issuedOn: since,
        firstEvaluation: true,
        training: { kind: 'employment-skills', from: since, to: since },
      },
    ],
    insurance: [{ month: since.slice(0, 7), payer: 'self', pensionFen: paid, medicalFen: paid, unemploymentFen: paid }],
  }));

describe('every subsidy, on random facts', () => {
  const e = engine([
    example('social-insurance.flexible-share-permille', '000000', 1000),
    example('minimum-wage.monthly', '000000', 200_000),
    example('vocational-training.standard', '000000', 150_000),
    example('skill-evaluation.standard', '621000', 99_999),
  ]);

  it('never returns a negative, fractional or unexplained amount, and refuses with every reason', () => {
    fc.assert(
      fc.property(
        personArb,
        fc.constantFrom(...REGIONS),
        date,
        fc.integer({ min: 0, max: 100_000 }),
        (p, region, on, feeFen) => {
          for (const d of e.evaluateAll({ region, date: on, applicant: p, claim: { certificateId: 'C', feeFen } })) {
            if (d.amountFen !== null) {
              expect(Number.isSafeInteger(d.amountFen)).toBe(true);
              expect(d.amountFen).toBeGreaterThanOrEqual(0);
            }
            if (!d.eligible) {
              expect(d.amountFen).toBe(0);
              expect(d.reasons.some((r) => !r.met)).toBe(true);
            } else {
              expect(d.reasons.every((r) => r.met)).toBe(true);
            }
            for (const r of d.reasons) {
              expect(r.cites.length).toBeGreaterThan(0);
              // An English reader sees ¥, as the web shows money in English; never 元.
              expect(`${r.message.en} ${r.detail?.en ?? ''}`).not.toContain('元');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never pays above a cap: 庆阳 evaluation ≤ 300元; flexible insurance ≤ 2/3 of what was paid', () => {
    fc.assert(
      fc.property(personArb, date, fc.integer({ min: 0, max: 1_000_000 }), (p, on, feeFen) => {
        const evaluation = e.evaluate({
          subsidy: 'skill-evaluation',
          region: '621002',
          date: on,
          applicant: p,
          claim: { certificateId: 'C', feeFen },
        });
        if (evaluation.scheme === 'skill-evaluation/qingyang-2023')
          expect(evaluation.amountFen ?? 0).toBeLessThanOrEqual(30_000);
        const si = e.evaluate({
          subsidy: 'social-insurance-flexible-hard-to-employ',
          region: '620102',
          date: on,
          applicant: p,
        });
        const paid = (p.insurance ?? []).reduce((sum, m) => sum + m.pensionFen + m.medicalFen + m.unemploymentFen, 0);
        expect((si.amountFen ?? 0) * 3).toBeLessThanOrEqual(paid * 2);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the public policy list', () => {
  const e = engine();
  const inForce = (region: string, date: string) =>
    listPolicies(e, region, date)
      .filter((p) => p.inForce)
      .map((p) => p.id);

  it('lists every subsidy, in force or not, for each of the four regions', () => {
    for (const region of ['510000', '620000', '621000', '520000'])
      expect(listPolicies(e, region, '2024-09-01')).toHaveLength(CATALOGUE.length);
  });

  it('四川 on 2024-09-01: 34号 measures are in force, 庆阳 measures are not offered', () => {
    const list = inForce('510000', '2024-09-01');
    expect(list).toEqual(
      expect.arrayContaining([
        'one-time-hiring',
        'internship-base-award',
        'assistance-base-award',
        'startup-loan-interest',
        'unemployment-insurance-stabilization',
      ]),
    );
    expect(list).not.toContain('one-time-expansion');
  });

  it('庆阳 on 2024-09-01: 2023 cash measures have expired; open-ended ones stand', () => {
    const list = listPolicies(e, '621000', '2024-09-01');
    expect(list.find((p) => p.id === 'one-time-expansion')?.status).toBe('POLICY_EXPIRED');
    expect(list.find((p) => p.id === 'one-time-startup')?.scheme?.basis).toBe('庆政办发〔2023〕102号 第14条');
  });

  it('贵州 shows its own rates with their citations', () => {
    const hiring = listPolicies(e, '520000', '2024-09-01').find((p) => p.id === 'one-time-hiring');
    expect(hiring?.scheme?.parameters[0]).toMatchObject({ value: 50_000, cites: expect.stringContaining('二（五）') });
  });

  it('lists the kinds issue 22 added, in force with the article each stands on (2025-06-01)', () => {
    const basis = (region: string) =>
      new Map(
        listPolicies(e, region, '2025-06-01')
          .filter((p) => p.inForce)
          .map((p) => [p.id, p.scheme?.basis]),
      );
    const nationally = {
      'employment-service': '财社〔2023〕181号 第十二条',
      'high-skill-training': '财社〔2023〕181号 第十三条',
      'enterprise-staff-training': '财社〔2023〕181号 第五条（二）',
      'project-training': '财社〔2023〕181号 第五条（三）',
    };
    const 办法 = '《四川省中央和省级财政就业创业补助资金管理办法》';
    expect(Object.fromEntries(basis('510000'))).toMatchObject({
      'employment-service': `${办法} 第七条（一）`,
      'high-skill-training': `${办法} 第七条（二）`,
      'enterprise-staff-training': `${办法} 第六条（一）`,
      'project-training': `${办法} 第六条（一）`,
    });
    expect(Object.fromEntries(basis('620000'))).toMatchObject(nationally);
    expect(Object.fromEntries(basis('621000'))).toMatchObject({
      ...nationally,
      'startup-project-fund': '庆政办发〔2023〕102号 第14条',
      'incubation-base-award': '庆政办发〔2023〕102号 第15条',
    });
    const guizhou = '《贵州省乡村振兴重点帮扶县人社帮扶实施意见》';
    expect(Object.fromEntries(basis('520000'))).toMatchObject({
      ...nationally,
      'incubation-base-award': `${guizhou} 二（六）`,
      'premises-rent': `${guizhou} 二（六）`,
      'labour-station-award': `${guizhou} 二（三）`,
    });
    expect(listPolicies(e, '510000', '2024-09-01').find((p) => p.id === 'public-welfare-post')?.scheme?.basis).toBe(
      '川办发〔2024〕34号 （十八）',
    );
  });
});
