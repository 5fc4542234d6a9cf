import { makeDate } from '../src/core/dates.js';
import { seededRandom } from '../src/core/random.js';
import type { PersonFacts, PersonStatusKind } from '../src/facts/facts.js';
import { residentIdCheckChar } from '../src/identity/resident-id.js';

const STATUSES: PersonStatusKind[] = [
  'registered-unemployed',
  'hard-to-employ',
  'dibao-household',
  'tekun',
  'disabled',
  'veteran',
  'returning-migrant-worker',
  'rural-transfer-worker',
  'national-student-loan',
  'civil-service-staff',
];

export function syntheticPeople(n: number, seed = 20261121): PersonFacts[] {
  // Seeded, so every run measures the same data.
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const people: PersonFacts[] = [];
  for (let i = 0; i < n; i++) {
    const birth = makeDate(int(1965, 2004), int(1, 12), int(1, 28));
    const first17 = `621002${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    const statuses = STATUSES.filter(() => rand() < 0.12).map((kind) => ({
      kind,
      from: makeDate(int(2015, 2023), int(1, 12), 1),
    }));
    const graduated = rand() < 0.5 ? makeDate(int(2019, 2024), int(6, 7), 30) : undefined;
    const hasBusiness = rand() < 0.3;
    const hasCert = rand() < 0.5;
    people.push({
      kind: 'person',
      idNumber: first17 + residentIdCheckChar(first17),
      statuses,
      ...(graduated ? { graduation: { date: graduated, institution: 'university' as const } } : {}),
      ...(hasBusiness
        ? {
            businesses: [
              {
                creditCode: '91350100M000100Y43',
                form: 'individual-business' as const,
                registeredOn: makeDate(int(2020, 2024), int(1, 12), 1),
                operatingNormally: rand() < 0.9,
              },
            ],
          }
        : {}),
      ...(hasCert
        ? {
            certificates: [
              {
                id: 'C',
                kind: rand() < 0.7 ? ('skill-level' as const) : ('training-completion' as const),
                occupation: '电工',
                level: 4 as const,
                issuedOn: makeDate(2023, int(1, 12), 1),
                firstEvaluation: rand() < 0.8,
              },
            ],
          }
        : {}),
      subsidies: rand() < 0.1 ? [{ subsidy: 'one-time-job-seeking', grantedOn: '2023-05-01', region: '621002' }] : [],
    });
  }
  return people;
}
