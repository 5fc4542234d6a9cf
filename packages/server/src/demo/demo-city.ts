import { seededRandom, type ParameterValue } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import { insertParameterValues } from '../parameters/parameter-repository.js';
import { todayInShanghai } from '../http/today.js';
import type { Vault } from '../security/vault.js';
import { seedApplications } from './demo-applications.js';
import { demoPeople, insertPeople, seedUnits } from './demo-people.js';
import { seedStaff } from './demo-staff.js';

export { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';

/**
 * A believable demo city (成都市, three districts) so a newcomer can log in and see work in
 * progress: staff of every role, a few thousand people and units with the facts the engine reads,
 * and applications in every state, made through the same services the API uses (so every one has
 * its history, decisions and audit entries). Everything is invented and deterministic; every
 * person's name and number is fictitious. The demo password is documented in the README.
 */
export async function seedDemoCity(
  db: Kysely<Database>,
  vault: Vault,
  peopleCount = 3000,
  unitCount = 300,
): Promise<void> {
  const today = todayInShanghai();
  const rand = seededRandom(2026); // the same city on every fresh start
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const staffIds = await seedStaff(db, vault);
  const units = await seedUnits(db, pick, unitCount);
  const people = demoPeople(today, rand, pick, units, peopleCount);
  await insertPeople(db, vault, people);
  await db.transaction().execute((trx) =>
    appendAudit(trx, vault, {
      actor: null,
      action: 'demo.seeded',
      entityType: 'demo',
      after: { people: people.length, units: units.length },
    }),
  );

  await seedApplications(db, vault, staffIds, people, today);
  await insertParameterValues(db, demoTargets(Number(today.slice(0, 4))));
}

/** The city's employment targets for this year (181号 第二十八条), published beside the funds' use. */
function demoTargets(year: number): ParameterValue[] {
  const target = (parameter: string, value: number): ParameterValue => ({
    parameter,
    region: '510100',
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    value,
    source: 'example',
    note: '示例数据，非真实目标 / example figure, not a real target',
  });
  return [
    target('employment-target.new-urban-jobs', 20),
    target('employment-target.unemployed-reemployed', 10),
    target('employment-target.hard-to-employ-employed', 5),
  ];
}
