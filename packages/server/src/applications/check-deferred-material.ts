import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import type { DeferredCheck } from './deferred-materials.schemas.js';
import { DEFERRAL_STATES } from './deferred-materials.js';
import { assertSeparationOfDuties } from './separation-of-duties.js';
import { visibleApplications } from './visibility.js';

/**
 * A clerk checks a material supplied under a 容缺 promise (核验): accepted, it is kept and counts
 * towards approval; refused (with what is wrong), the applicant supplies it again before the
 * deadline. Checked once: of two clerks checking at once, the second is told it is done. The
 * application row is locked, as every change to an application is, and its version moves on so a
 * screen showing the old standing refreshes before acting on it.
 */
export async function checkDeferredMaterial(
  deps: { db: Kysely<Database>; vault: Vault; now: () => Date },
  actor: Actor,
  id: string,
  material: number,
  input: DeferredCheck,
): Promise<void> {
  const note = input.note?.trim();
  if (input.outcome === 'refused' && !note) throw new AppError('REASON_REQUIRED', 400, 'note');
  await deps.db.transaction().execute(async (trx) => {
    const app = await visibleApplications(trx, actor).selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    await assertSeparationOfDuties(trx, actor, app, 'acceptance');
    const row = await trx
      .selectFrom('application_deferred_material')
      .select(['supplied_evidence_id', 'checked_at', 'lapsed_at'])
      .where('application_id', '=', id)
      .where('material', '=', material)
      .executeTakeFirst();
    if (!row || row.lapsed_at || !DEFERRAL_STATES.has(app.state))
      throw new AppError('DEFERRED_MATERIAL_NOT_FOUND', 404, 'material');
    if (row.checked_at) throw new AppError('DEFERRED_ALREADY_CHECKED', 409, 'material');
    if (!row.supplied_evidence_id) throw new AppError('DEFERRED_NOT_SUPPLIED', 409, 'material');
    const now = deps.now();
    await trx
      .updateTable('application_deferred_material')
      .set(
        input.outcome === 'accepted'
          ? { checked_by: actor.accountId, checked_at: now, check_note: note ?? null }
          : { supplied_evidence_id: null, supplied_at: null, check_note: note ?? null },
      )
      .where('application_id', '=', id)
      .where('material', '=', material)
      .execute();
    await trx
      .updateTable('application')
      .set({ version: app.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, deps.vault, {
      actor,
      action: 'application.deferred-material-checked',
      entityType: 'application',
      entityId: id,
      regionCode: app.region_code,
      after: { material, outcome: input.outcome, evidence: row.supplied_evidence_id, note },
    });
  });
}
