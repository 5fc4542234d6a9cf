import { addDays, creditCodeCheckChar, maskIdNumber, residentIdCheckChar, seededRandom } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../db/schema.js';
import { migrate } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import type { Vault } from '../security/vault.js';

/**
 * bench:sweep's synthetic registry, the same on either database: N people (with the facts the
 * engine reads: statuses, graduations, employment, contributions) and N/20 units over three of
 * 成都's districts, and a supervisor of the city who runs the sweep. Returns the supervisor's id.
 */
export async function generateRegistry(
  db: Kysely<Database>,
  vault: Vault,
  n: number,
  today: string,
): Promise<{ supervisorId: string; units: number }> {
  const regions = ['510104', '510105', '510106'];
  await migrate(db);
  await seedReferenceData(db);
  const supervisor = await db
    .insertInto('account')
    .values({
      username: 'bench-supervisor',
      display_name: '监督',
      roles: ['supervisor'],
      region_code: '510100',
      password_hash: await hashPassword('Bench-pass-2026'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const units = Math.max(1, Math.floor(n / 20));
  for (let start = 0; start < units; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, units - start) }, (_, k) => {
      const i = start + k;
      const region = regions[i % 3] as string;
      const first17 = `91${region}MA${String(i).padStart(7, '0')}`;
      return {
        credit_code: first17 + (creditCodeCheckChar(first17) as string),
        name: `单位${i}`,
        category: 'enterprise',
        size_class: 'small' as const,
        region_code: region,
      };
    });
    await db.insertInto('organisation').values(rows).execute();
  }

  // People: one in five a graduate this academic year, some from 低保 families; some hard to employ
  // and flexibly employed with contributions; others in work or without any status.
  const rand = seededRandom(1_000_003);
  const graduation = `${Number(today.slice(5, 7)) <= 8 ? today.slice(0, 4) : Number(today.slice(0, 4)) + 1}-06-30`;
  for (let start = 0; start < n; start += 2000) {
    const size = Math.min(2000, n - start);
    const people = Array.from({ length: size }, (_, k) => {
      const i = start + k;
      const region = regions[i % 3] as string;
      const first17 = `${region}${addDays('1970-01-01', Math.floor(i / 1000) % 12_000).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
      const number = first17 + residentIdCheckChar(first17);
      return {
        id_number_hmac: vault.lookupHash('id-number', number),
        id_number_cipher: vault.encrypt(number),
        id_number_masked: maskIdNumber(number),
        name: `居民${i}`,
        sex: (i % 2 === 0 ? 'female' : 'male') as 'female' | 'male',
        birth_date: `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`,
        retirement_category: (i % 2 === 0 ? 'female-cadre' : 'male') as 'female-cadre' | 'male',
        region_code: region,
        hukou_region: region,
        household_id: `H${Math.floor(i / 3)}`,
        rural: i % 4 === 0,
        phone_cipher: null,
        phone_masked: null,
      };
    });
    const ids = await db.insertInto('person').values(people).returning('id').execute();
    const factsOf = (): { kind: string; data: object }[] => {
      const r = rand();
      if (r < 0.2) {
        const graduate = [{ kind: 'graduation', data: { date: graduation, institution: 'university' } }];
        return rand() < 0.3
          ? [...graduate, { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } }]
          : graduate;
      }
      if (r < 0.3)
        return [
          { kind: 'status', data: { kind: 'hard-to-employ', from: '2025-01-01' } },
          { kind: 'employment', data: { kind: 'flexible', from: '2025-01-01' } },
          {
            kind: 'insurance',
            data: {
              fromMonth: '2025-01',
              toMonth: '2026-10',
              payer: 'self',
              pensionFen: 60_000,
              medicalFen: 30_000,
              unemploymentFen: 3_000,
            },
          },
        ];
      if (r < 0.6)
        return [{ kind: 'employment', data: { kind: 'labour-contract', from: '2024-03-01', contractMonths: 36 } }];
      return [];
    };
    const facts = ids.flatMap((p) =>
      factsOf().map((f) => ({
        person_id: p.id,
        organisation_id: null,
        kind: f.kind,
        data: JSON.stringify(f.data),
        source: 'demo' as const,
        recorded_by: null,
      })),
    );
    if (facts.length) await db.insertInto('registry_fact').values(facts).execute();
  }
  return { supervisorId: supervisor.id, units };
}
