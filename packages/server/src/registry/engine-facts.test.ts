import fc from 'fast-check';
import { monthFromIndex, monthIndex, type Certificate, type ReceivedSubsidy } from '@huimin/policy';
import { describe, expect, it } from 'vitest';
import { personFacts, type FactRow, type PersonRow } from './engine-facts.js';

/**
 * A person's facts as the engine reads them, spelled out the plain way (each kind filtered in the
 * order recorded, the last graduation, contributions by month, grants here with their certificate):
 * `personFacts`, built in one pass for the sweep, must give the same object, field for field and in
 * the same order.
 */
function plainly(p: PersonRow, mine: readonly FactRow[], received: readonly ReceivedSubsidy[]) {
  const data = (kind: string) => mine.filter((f) => f.kind === kind).map((f) => f.data as Record<string, unknown>);
  const graduations = data('graduation');
  const certificates = data('certificate') as unknown as Certificate[];
  const months = (run: Record<string, unknown>) => {
    const { fromMonth, toMonth, ...amounts } = run as { fromMonth: string; toMonth: string };
    const out = [];
    for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i++)
      out.push({ ...amounts, month: monthFromIndex(i) });
    return out;
  };
  const withCertificate = (r: ReceivedSubsidy): ReceivedSubsidy => {
    const c = r.certificateId && r.occupation === undefined && certificates.find((x) => x.id === r.certificateId);
    if (!c) return r;
    return {
      ...r,
      occupation: c.occupation,
      ...(c.level !== undefined ? { level: c.level } : {}),
      ...(c.training ? { trainingKind: c.training.kind } : {}),
    };
  };
  return {
    kind: 'person',
    birthDate: p.birth_date,
    ...(p.sex === 'male' || p.sex === 'female' ? { sex: p.sex } : {}),
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.retirement_category ? { retirementCategory: p.retirement_category } : {}),
    ...(p.hukou_region ? { hukouRegion: p.hukou_region } : {}),
    ...(p.rural !== null ? { rural: p.rural } : {}),
    ...(p.household_id ? { householdId: p.household_id } : {}),
    statuses: data('status'),
    ...(graduations.length > 0 ? { graduation: graduations[graduations.length - 1] } : {}),
    employments: data('employment'),
    insurance: data('insurance').flatMap(months),
    businesses: data('business'),
    certificates,
    subsidies: [...data('subsidy'), ...received.map(withCertificate)],
    idNumber: `decrypted ${p.id_number_cipher}`,
  };
}

const month = fc.integer({ min: 2020 * 12, max: 2027 * 12 }).map(monthFromIndex);
const fact: fc.Arbitrary<FactRow> = fc.oneof(
  fc.record({ kind: fc.constant('status'), data: fc.record({ kind: fc.constantFrom('hard-to-employ', 'veteran') }) }),
  fc.record({
    kind: fc.constant('graduation'),
    data: fc.record({ date: fc.constantFrom('2024-06-30', '2026-06-30') }),
  }),
  fc.record({
    kind: fc.constant('employment'),
    data: fc.record({ kind: fc.constantFrom('flexible', 'labour-contract') }),
  }),
  fc.record({
    kind: fc.constant('insurance'),
    data: fc.tuple(month, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9 })).map(([from, n, fen]) => ({
      fromMonth: from,
      toMonth: monthFromIndex(monthIndex(from) + n),
      payer: 'self',
      pensionFen: fen,
      medicalFen: fen,
      unemploymentFen: fen,
    })),
  }),
  fc.record({ kind: fc.constant('business'), data: fc.record({ creditCode: fc.constantFrom('B1', 'B2') }) }),
  fc.record({
    kind: fc.constant('certificate'),
    data: fc.record({
      id: fc.constantFrom('C1', 'C2'),
      occupation: fc.constantFrom('电工', '焊工'),
      level: fc.constant(3),
    }),
  }),
  fc.record({ kind: fc.constant('subsidy'), data: fc.record({ subsidy: fc.constantFrom('s1', 's2') }) }),
  fc.record({ kind: fc.constant('unknown-kind'), data: fc.constant({}) }),
);
const row: fc.Arbitrary<PersonRow> = fc.record({
  id: fc.constant('p1'),
  birth_date: fc.constantFrom('1970-01-01', '2004-05-05'),
  sex: fc.constantFrom('male', 'female', 'unknown'),
  retirement_category: fc.constantFrom(null, 'male', 'female-cadre'),
  hukou_region: fc.constantFrom(null, '', '510104'),
  rural: fc.constantFrom(null, true, false),
  household_id: fc.constantFrom(null, 'H1'),
  name: fc.constantFrom(undefined, '居民'),
  id_number_cipher: fc.constant('cipher'),
}) as fc.Arbitrary<PersonRow>;
const grant: fc.Arbitrary<ReceivedSubsidy> = fc.record({
  subsidy: fc.constantFrom('s3', 's4'),
  grantedOn: fc.constant('2025-01-01'),
  certificateId: fc.constantFrom('C1', 'C2', 'C3'),
}) as fc.Arbitrary<ReceivedSubsidy>;

describe('a person’s facts as the engine reads them', () => {
  it('are the facts recorded, kind by kind in the order recorded, with the grants paid here', () => {
    const vault = { decrypt: (cipher: string) => `decrypted ${cipher}` };
    fc.assert(
      fc.property(row, fc.array(fact, { maxLength: 8 }), fc.array(grant, { maxLength: 3 }), (p, mine, received) => {
        const facts = personFacts(vault, p, mine, received);
        const expected = plainly(p, mine, received);
        expect({ ...facts }).toEqual(expected);
        expect(Object.keys(facts)).toEqual(Object.keys(expected));
      }),
      { numRuns: 300 },
    );
  });
});
