import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, type Client } from '../testing/fixtures.js';
import type { Actor } from '../auth/actor.js';
import type { TestApp } from '../testing/test-app.js';

/**
 * Graduates of 低保 families in 锦江区, the people the sweep tests find: each qualifies for
 * 一次性求职创业补贴 without applying. `graduatedOn` is the summer they leave school.
 */
export async function dibaoGraduates(clerk: Client, count: number, graduatedOn = '2027-06-30'): Promise<void> {
  const facts = [
    { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
    { kind: 'graduation', data: { date: graduatedOn, institution: 'university' } },
  ];
  for (let i = 0; i < count; i++)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber('2004-05-05'),
        name: `毕业生${i}`,
        regionCode: '510104',
        facts,
      }),
      201,
    );
}

/** The actor a sweep runs as: the supervisor of that username, as their session would make them. */
export async function supervisorActor(app: TestApp, username = 'supervisor'): Promise<Actor> {
  const account = await app.database.db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return app.sessions.actorOf(account.id, null);
}

/** Every offer made, as comparable text in a stable order: what two ways of sweeping must agree on. */
export async function offersMade(app: TestApp): Promise<string[]> {
  const rows = await app.database.db
    .selectFrom('offer')
    .select(['person_id', 'organisation_id', 'subsidy_id', 'period_key', 'amount_fen', 'no_application', 'state'])
    .execute();
  return rows.map((o) => JSON.stringify(o)).sort();
}
