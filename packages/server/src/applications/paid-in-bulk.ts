import { sql, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { recordPaidInBulk } from '../notifications/notification-repository.js';

/**
 * Payments the bank confirmed, many at once inside the caller's transaction, set-based: each
 * application payable → paid with its `pay` event, as a single transition would leave it. The
 * ledger is the caller's to post (funds' `postPayments`). Separation of duties is checked for the
 * whole set first; any refusal throws (SOD_TWO_STEPS), and an application no longer payable
 * throws a plain Error, so the caller can fall back to one transition each. Returns the regions of
 * the applications paid, which the ledger's posting needs accounts in (read here for nothing, as the
 * update reaches every row anyway).
 */
export async function markPaidInBulk(
  trx: Transaction<Database>,
  now: Date,
  actor: Actor,
  paid: readonly { readonly applicationId: string; readonly reference: string }[],
): Promise<string[]> {
  if (paid.length === 0) return [];
  // Arrays, not a parameter per row: one statement takes any number of applications.
  const ids = paid.map((p) => p.applicationId);
  const idArray = sql<string[]>`${sql.val(ids)}::uuid[]`;
  const conflict = await trx
    .selectFrom('application_event')
    .select('application_id')
    .where((eb) => eb('application_id', '=', eb.fn.any(idArray)))
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
          .where((eb) => eb('application.id', '=', eb.fn.any(idArray)))
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
  // By primary key only: `is not distinct from` is `=` here (state is never null) but no index can
  // serve it. With `=` the planner read the queue index's every payable entry (100,000 in
  // bench:payments, 2-11 ms a chunk) to AND it with, or filter by, the ids. The regions come back
  // counted, a row each, not a row per application: decoding 2,000 rows a chunk costs more than the
  // grouping.
  const moved = await trx
    .with('moved', (db) =>
      db
        .updateTable('application')
        .set((eb) => ({ state: 'paid', version: eb('version', '+', 1), updated_at: now, due_on: null }))
        .where((eb) => eb('id', '=', eb.fn.any(idArray)))
        .where('state', 'is not distinct from', 'payable')
        .returning('region_code'),
    )
    .selectFrom('moved')
    .select(['region_code', (eb) => eb.fn.countAll<string>().as('applications')])
    .groupBy('region_code')
    .execute();
  if (moved.reduce((n, m) => n + Number(m.applications), 0) !== ids.length)
    throw new Error('applications no longer payable');
  // Each event numbered one past the application's last, in the same statement.
  await sql`insert into application_event (application_id, seq, action, from_state, to_state, actor_id, actor_roles, step, reason, at)
    select v.id, coalesce((select max(e.seq) from application_event e where e.application_id = v.id), 0) + 1,
           'pay', 'payable', 'paid', ${actor.accountId}, ${sql.val([...actor.roles])}::text[], 'payment', v.reason, ${now}
      from unnest(${idArray}, ${sql.val(paid.map((p) => `ref:${p.reference}`))}::text[]) as v(id, reason)`.execute(trx);
  await recordPaidInBulk(trx, ids);
  return moved.map((m) => m.region_code);
}
