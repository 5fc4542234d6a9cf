import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { StoredClaim } from './claim-facts.js';
import { stepValue, TRANSITIONS } from './workflow.js';

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
    if (ownClaim(actor, app)) throw new AppError('SOD_OWN_CLAIM', 403);
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
  if (other || filedOnBehalf(actor, app, step))
    throw new AppError('SOD_TWO_STEPS', 403, undefined, stepValue(other?.step ?? 'application'));
}

type Parties = Pick<Selectable<ApplicationTable>, 'person_id' | 'organisation_id' | 'requested_by'>;

const ownClaim = (actor: Actor, app: Parties) =>
  Boolean(
    (actor.personId && app.person_id === actor.personId) ||
    (actor.organisationId && app.organisation_id === actor.organisationId),
  );

/** Filing at the counter is the application step: whoever filed takes no later one. */
const filedOnBehalf = (actor: Actor, app: Parties, step: string) =>
  step !== 'application' && app.requested_by === actor.accountId;

/**
 * The actions to offer the actor on one application: those the rule above would refuse left out
 * (a clerk who returned an application is not offered its resubmission at the counter). `stepsTaken`
 * are the steps the actor took after the first. The household check reads the register, so it
 * stays with `assertSeparationOfDuties` alone: it refuses what is pressed anyway.
 */
export function separatedActions<A extends string>(
  actions: readonly A[],
  actor: Actor,
  app: Parties,
  stepsTaken: ReadonlySet<string>,
): A[] {
  return actions.filter((action) => {
    const step = TRANSITIONS.find((t) => t.action === action)?.step;
    if (!step) return true;
    if (step !== 'application' && ownClaim(actor, app)) return false;
    return !filedOnBehalf(actor, app, step) && [...stepsTaken].every((taken) => taken === step);
  });
}

/**
 * The steps the actor took on each of these applications after filing, read in one query for a
 * list's rows (one application's page reads them from the history it shows).
 */
export async function stepsTakenOn(
  db: Kysely<Database>,
  actor: Actor,
  applicationIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const taken = await db
    .selectFrom('application_event')
    .select(['application_id', 'step'])
    .where('application_id', 'in', applicationIds)
    .where('actor_id', '=', actor.accountId)
    .where('seq', '>', 1)
    .execute();
  const byApplication = new Map<string, Set<string>>();
  for (const { application_id, step } of taken) {
    if (!step) continue;
    byApplication.set(application_id, (byApplication.get(application_id) ?? new Set<string>()).add(step));
  }
  return byApplication;
}
