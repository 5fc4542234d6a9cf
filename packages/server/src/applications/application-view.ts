import { DECISION_STATUSES, type DecisionStatus, type IsoDate, type PolicyEngine } from '@huimin/policy';
import type { Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { ApplicationTable } from '../db/schema.js';
import type { ApplicationViewT } from './applications.schemas.js';
import { publicityOver } from './time-limits.js';
import { actionsAvailable, STATE_NAMES, type ApplicationState } from './workflow.js';

/**
 * An application's row as its view: the applicant named, the state labelled, what the engine last
 * decided. Pure: the reads (application-reads.ts) gather what it needs for a whole page first.
 */

/** A unit or person as a view names it: its name and its credit code or masked ID number. */
export interface Named {
  readonly id: string;
  readonly name: string;
  readonly identifier: string;
}

/** What turning rows into views needs, read once for the page. */
export interface ViewParts {
  readonly engine: PolicyEngine;
  readonly people: ReadonlyMap<string, { id: string; name: string; id_number_masked: string }>;
  readonly orgs: ReadonlyMap<string, Named>;
  readonly decided: ReadonlyMap<string, Decided>;
  readonly today: IsoDate;
}

export function viewOf(r: Selectable<ApplicationTable>, actor: Actor, parts: ViewParts): ApplicationViewT {
  const subsidy = parts.engine.subsidy(r.subsidy_id);
  const p = r.person_id ? parts.people.get(r.person_id) : undefined;
  const o = r.organisation_id ? parts.orgs.get(r.organisation_id) : undefined;
  const payee = r.payee_organisation_id ? parts.orgs.get(r.payee_organisation_id) : undefined;
  const state = r.state as ApplicationState;
  const decided = parts.decided.get(r.id);
  return {
    id: r.id,
    number: r.number,
    subsidy: r.subsidy_id,
    subsidyName: subsidy?.name ?? { zh: r.subsidy_id, en: r.subsidy_id },
    applicantKind: r.applicant_kind,
    applicant: p
      ? { id: p.id, name: p.name, identifier: p.id_number_masked }
      : { id: o?.id ?? '', name: o?.name ?? '', identifier: o?.identifier ?? '' },
    ...(payee ? { payee } : {}),
    regionCode: r.region_code,
    periodKey: r.period_key,
    claim: r.claim,
    state,
    stateName: STATE_NAMES[state],
    version: r.version,
    ...(r.submitted_on ? { submittedOn: r.submitted_on } : {}),
    ...(r.due_on ? { dueOn: r.due_on } : {}),
    overdue: r.due_on !== null && r.due_on < parts.today,
    ...(r.publicity_ends_on ? { publicityEndsOn: r.publicity_ends_on } : {}),
    ...(state === 'publicised' && publicityOver(r.publicity_ends_on, parts.today) ? { publicityEnded: true } : {}),
    ...(r.amount_fen !== null ? { amountFen: Number(r.amount_fen) } : {}),
    ...(decided?.fen !== undefined ? { decidedFen: decided.fen } : {}),
    ...(decided?.status ? { decidedStatus: decided.status } : {}),
    ...(r.recovery_fen !== null ? { recoveryFen: Number(r.recovery_fen) } : {}),
    actions: actionsAvailable(state, actor.permissions),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/**
 * What the engine last decided: an amount, or why there is none (不符合条件, 政策未生效 …), or that
 * it found none before the applicant's declarations were checked (`awaiting-confirmation`): the
 * workflow's decisions read confirmed facts only (decision 022), so a claim resting on a declared
 * graduation is "not eligible" until the clerk confirms it at acceptance — which is not a refusal.
 */
export interface Decided {
  readonly fen?: number;
  readonly status?: Exclude<DecisionStatus, 'eligible'> | 'awaiting-confirmation';
}

/**
 * Whether the engine will count declarations it has not yet seen: until acceptance (受理) it
 * decided on confirmed facts alone, and at acceptance it counts every one the clerk did not reject.
 */
export function declarationsCountAtAcceptance(
  state: string,
  declarations: readonly { readonly state: string }[],
): boolean {
  return state === 'submitted' && declarations.some((d) => d.state !== 'rejected');
}

/** The decision as the applicant should read it while declarations of theirs wait for the clerk. */
export function awaitingConfirmation(decided: Decided | undefined, declarationsWaiting: boolean): Decided | undefined {
  return decided?.status === 'ineligible' && declarationsWaiting ? { status: 'awaiting-confirmation' } : decided;
}

export function decidedOf(status: unknown, fen: number | null | undefined): Decided | undefined {
  if (typeof status === 'string' && status !== 'eligible' && (DECISION_STATUSES as readonly string[]).includes(status))
    return { status: status as Exclude<DecisionStatus, 'eligible'> };
  return typeof fen === 'number' ? { fen } : undefined;
}

/** `decidedAmounts` for one application whose events are already read: the latest decision's. */
export function decidedAmountIn(
  app: Selectable<ApplicationTable>,
  events: readonly { readonly decision: unknown }[],
  declarationsWaiting: boolean,
): Map<string, Decided> {
  if (app.amount_fen !== null) return new Map([[app.id, { fen: Number(app.amount_fen) }]]);
  const latest = events.findLast((e) => e.decision !== null)?.decision as
    { amountFen?: number | null; status?: unknown } | undefined;
  const decided = awaitingConfirmation(
    latest ? decidedOf(latest.status, latest.amountFen) : undefined,
    declarationsWaiting,
  );
  return decided ? new Map([[app.id, decided]]) : new Map();
}

export const named = (o: { id: string; name: string; credit_code: string }): Named => ({
  id: o.id,
  name: o.name,
  identifier: o.credit_code,
});
