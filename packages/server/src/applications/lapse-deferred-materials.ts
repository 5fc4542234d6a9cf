import type { IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import { recordNotice } from '../notifications/notification-repository.js';
import type { Vault } from '../security/vault.js';
import { noticeOf } from './applicant-notices.js';
import { nextEventSeq } from './transition-record.js';
import { transitionFor, type ApplicationState } from './workflow.js';

/** Applications whose promise has a material neither supplied nor checked, its last day before `today`. */
async function overdue(db: Kysely<Database> | Transaction<Database>, today: IsoDate, applicationId?: string) {
  let query = db
    .selectFrom('application_deferred_material')
    .select(['application_id', 'material_name', 'due_on'])
    .where('lapsed_at', 'is', null)
    .where('checked_at', 'is', null)
    .where('supplied_evidence_id', 'is', null)
    .where('due_on', '<', today);
  if (applicationId) query = query.where('application_id', '=', applicationId);
  return query.orderBy('application_id').orderBy('material').execute();
}

/**
 * The deadline sweep of 容缺受理: on the first day after a promise's last day, an application with
 * a promised material still not supplied goes back to the applicant (退回补正) with the reason — the
 * materials and the day — and every open promise on it lapses (no second promise on it). A
 * material supplied by its last day does not lapse while the clerk has yet to check it.
 *
 * The platform takes this step, not an account: the event has no actor and the audit entry names
 * none. Each application is returned in a transaction of its own with its row locked and
 * everything checked again inside, so a supply or a clerk's step that got there first wins and a
 * second sweep (or one run twice by the queue) finds nothing to do. `today` is the caller's: the
 * clock the server was built with, or the test's.
 */
export async function lapseDeferredMaterials(
  deps: { db: Kysely<Database>; vault: Vault },
  today: IsoDate,
  now: Date,
): Promise<{ returned: string[] }> {
  const candidates = [...new Set((await overdue(deps.db, today)).map((r) => r.application_id))];
  const returned: string[] = [];
  for (const id of candidates) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const app = await trx.selectFrom('application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      const rule = app && transitionFor('lapse', app.state as ApplicationState);
      if (!app || !rule) return false;
      const late = await overdue(trx, today, id);
      if (late.length === 0) return false;
      const dueOn = late.map((r) => r.due_on).sort()[0] ?? today;
      const reason =
        `容缺承诺的材料未在 ${dueOn} 前补交：${late.map((r) => r.material_name.zh).join('、')}。` +
        ` Promised materials not supplied by ${dueOn}: ${late.map((r) => r.material_name.en).join(', ')}.`;
      await trx
        .updateTable('application_deferred_material')
        .set({ lapsed_at: now })
        .where('application_id', '=', id)
        .where('lapsed_at', 'is', null)
        .where('checked_at', 'is', null)
        .execute();
      await trx
        .updateTable('application')
        .set({ state: rule.to, version: app.version + 1, due_on: null, updated_at: now })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('application_event')
        .values({
          application_id: id,
          seq: nextEventSeq(id),
          action: 'lapse',
          from_state: app.state,
          to_state: rule.to,
          actor_id: null,
          actor_roles: [],
          step: rule.step,
          reason,
          at: now,
        })
        .execute();
      const notice = noticeOf('lapse', app, {}, reason);
      if (notice) await recordNotice(trx, notice);
      await appendAudit(trx, deps.vault, {
        actor: null,
        action: 'application.lapse',
        entityType: 'application',
        entityId: id,
        regionCode: app.region_code,
        before: { state: app.state, version: app.version },
        after: { state: rule.to, version: app.version + 1, reason },
      });
      return true;
    });
    if (done) returned.push(id);
  }
  return { returned };
}
