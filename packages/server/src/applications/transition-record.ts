import type { ApplicantFacts, ClaimFacts, Decision } from '@huimin/policy';
import { sql, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import { recordNotice } from '../notifications/notification-repository.js';
import type { Vault } from '../security/vault.js';
import { noticeOf } from './applicant-notices.js';
import type { Transition } from './applications.schemas.js';
import type { ApplicationState, TransitionRule } from './workflow.js';

/** One transition as the application's history keeps it, inside the transition's transaction. */
export interface TransitionRecord {
  readonly app: Selectable<ApplicationTable>;
  readonly actor: Actor;
  readonly rule: TransitionRule;
  readonly input: Transition;
  readonly reason: string | undefined;
  readonly decision: Decision | undefined;
  /** What the engine saw, sealed on the event so the decision can be reproduced. */
  readonly facts: { applicant: ApplicantFacts; claim: ClaimFacts } | undefined;
  readonly changes: { amount_fen?: string | null; publicity_ends_on?: string | null };
}

/**
 * The number of an application's next event, drawn inside the insert rather than read before it: a
 * round trip less for every step of every application. The caller holds the application's row (read
 * for update), so no other step numbers an event of it at the same time.
 */
export function nextEventSeq(applicationId: string): RawBuilder<number> {
  return sql<number>`(select coalesce(max(seq), 0) + 1 from application_event where application_id = ${applicationId})`;
}

/** The event with the decision and sealed facts, the applicant's notice, and the audit entry. */
export async function recordTransition(
  trx: Transaction<Database>,
  vault: Vault,
  now: Date,
  t: TransitionRecord,
): Promise<void> {
  const { app, actor, rule, input, reason, decision, facts } = t;
  const from = app.state as ApplicationState;
  await trx
    .insertInto('application_event')
    .values({
      application_id: app.id,
      seq: nextEventSeq(app.id),
      action: input.action,
      from_state: from,
      to_state: rule.to,
      actor_id: actor.accountId,
      actor_roles: [...actor.roles],
      step: rule.step,
      reason:
        [reason, input.paymentReference ? `ref:${input.paymentReference}` : undefined].filter(Boolean).join(' ') ||
        null,
      decision: decision ? JSON.stringify(decision) : null,
      facts: facts ? JSON.stringify({ sealed: vault.encrypt(JSON.stringify(facts)) }) : null,
      at: now,
    })
    .execute();
  const notice = noticeOf(input.action, app, t.changes, reason, await payeeName(trx, input.action, app));
  if (notice) await recordNotice(trx, notice);
  await appendAudit(trx, vault, {
    actor,
    action: `application.${input.action}`,
    entityType: 'application',
    entityId: app.id,
    regionCode: app.region_code,
    before: { state: from, version: app.version },
    after: {
      state: rule.to,
      version: app.version + 1,
      reason,
      ...(decision
        ? { eligible: decision.eligible, amountFen: decision.amountFen, engineVersion: decision.engineVersion }
        : {}),
    },
  });
}

/**
 * Whom a payment went to when it was not the applicant (a loan's interest subsidy to the lending
 * bank, a training subsidy to the school): the "paid" message names it rather than the applicant's
 * own account.
 */
async function payeeName(
  trx: Transaction<Database>,
  action: string,
  app: { payee_organisation_id: string | null },
): Promise<string | undefined> {
  if (action !== 'pay' || !app.payee_organisation_id) return undefined;
  const payee = await trx
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', app.payee_organisation_id)
    .executeTakeFirst();
  return payee?.name;
}
