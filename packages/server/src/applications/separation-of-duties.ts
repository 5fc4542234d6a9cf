import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { StoredClaim } from './claim-facts.js';

/**
 * One person acts at one step of an application, never on their own claim or their household's
 * (181号 第二十五条). Checked inside the transaction, against the application's own history.
 */
export async function assertSeparationOfDuties(
  trx: Transaction<Database>,
  actor: Actor,
  app: Selectable<ApplicationTable>,
  step: string,
): Promise<void> {
  if (step !== 'application') {
    if (
      (actor.personId && app.person_id === actor.personId) ||
      (actor.organisationId && app.organisation_id === actor.organisationId)
    )
      throw new AppError('SOD_OWN_CLAIM', 403);
    if (actor.householdId) {
      const people = [app.person_id, ...((app.claim as StoredClaim).hires ?? []).map((h) => h.personId)].filter(
        (p): p is string => p !== null,
      );
      if (people.length > 0) {
        const relative = await trx
          .selectFrom('person')
          .select('id')
          .where('id', 'in', people)
          .where('household_id', '=', actor.householdId)
          .executeTakeFirst();
        if (relative) throw new AppError('SOD_RELATIVE_CLAIM', 403);
      }
    }
  }
  const other = await trx
    .selectFrom('application_event')
    .select('step')
    .where('application_id', '=', app.id)
    .where('actor_id', '=', actor.accountId)
    .where('step', '<>', step)
    .where('seq', '>', 1)
    .executeTakeFirst();
  const filedOnBehalf = step !== 'application' && app.requested_by === actor.accountId;
  if (other || filedOnBehalf)
    throw new AppError('SOD_TWO_STEPS', 403, undefined, { step: other?.step ?? 'application' });
}
