import type { Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { recordPaidInBulk } from '../notifications/notification-repository.js';

/**
 * Payments the bank confirmed, many at once inside the caller's transaction, set-based: each
 * application payable → paid with its `pay` event, as a single transition would leave it. The
 * ledger is the caller's to post (funds' `postPayments`). Separation of duties is checked for the
 * whole set first; any refusal throws (SOD_TWO_STEPS), and an application no longer payable
 * throws a plain Error, so the caller can fall back to one transition each.
 */
export async function markPaidInBulk(
  trx: Transaction<Database>,
  now: Date,
  actor: Actor,
  paid: readonly { readonly applicationId: string; readonly reference: string }[],
): Promise<void> {
  if (paid.length === 0) return;
  const ids = paid.map((p) => p.applicationId);
  const conflict = await trx
    .selectFrom('application_event')
    .select('application_id')
    .where('application_id', 'in', ids)
    .where('actor_id', '=', actor.accountId)
    .where('step', '<>', 'payment')
    .limit(1)
    .executeTakeFirst();
  const own =
    actor.personId || actor.householdId
      ? await trx
          .selectFrom('application')
          .leftJoin('person', 'person.id', 'application.person_id')
          .select('application.id')
          .where('application.id', 'in', ids)
          .where((eb) =>
            eb.or([
              eb('application.person_id', '=', actor.personId ?? ''),
              eb('person.household_id', '=', actor.householdId ?? ''),
            ]),
          )
          .limit(1)
          .executeTakeFirst()
      : undefined;
  if (conflict || own || actor.organisationId) throw new AppError('SOD_TWO_STEPS', 403);
  const moved = await trx
    .updateTable('application')
    .set((eb) => ({ state: 'paid', version: eb('version', '+', 1), updated_at: now, due_on: null }))
    .where('id', 'in', ids)
    .where('state', '=', 'payable')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== ids.length) throw new Error('applications no longer payable');
  const reference = new Map(paid.map((p) => [p.applicationId, `ref:${p.reference}`]));
  const seqs = await trx
    .selectFrom('application_event')
    .select(['application_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('application_id', 'in', ids)
    .groupBy('application_id')
    .execute();
  const last = new Map(seqs.map((r) => [r.application_id, Number(r.seq)]));
  await trx
    .insertInto('application_event')
    .values(
      ids.map((id) => ({
        application_id: id,
        seq: (last.get(id) ?? 0) + 1,
        action: 'pay',
        from_state: 'payable',
        to_state: 'paid',
        actor_id: actor.accountId,
        actor_roles: [...actor.roles],
        step: 'payment',
        reason: reference.get(id) ?? null,
        at: now,
      })),
    )
    .execute();
  await recordPaidInBulk(trx, ids);
}
