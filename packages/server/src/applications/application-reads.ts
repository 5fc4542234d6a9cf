import {
  CalendarNotPublishedError,
  CATALOGUE,
  PolicyEngine,
  type ApplicantFacts,
  type ClaimFacts,
  type Decision,
  type IsoDate,
} from '@huimin/policy';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { canonicalJson } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import { isoInstant } from '../db/json-rows.js';
import type { ApplicationTable, Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import { loadApplicantRecord } from '../registry/applicant-record-queries.js';
import { flagsOfApplication, flagViews } from '../risk/flag-queries.js';
import type { Vault } from '../security/vault.js';
import type { ApplicationViewT, ListApplications } from './applications.schemas.js';
import { listedPersonIds } from './claim-facts.js';
import { declarationsOfApplication, declarationViews } from './declarations.js';
import { deferredMaterialsOfApplication, deferredMaterialViews } from './deferred-materials.js';
import { applicationFactsOf } from './fact-provenance.js';
import { visibleApplications } from './visibility.js';
import { separatedActions, stepsTakenOn } from './separation-of-duties.js';
import {
  awaitingConfirmation,
  declarationsCountAtAcceptance,
  decidedAmountIn,
  decidedOf,
  named,
  viewOf,
  type Decided,
  type Named,
} from './application-view.js';
import {
  ACTION_NAMES,
  actionsAvailable,
  STATE_NAMES,
  transitionFor,
  type Action,
  type ApplicationState,
} from './workflow.js';

/** Reading applications: one, a page of a list, the caller's queues, and a decision reproduced. */
export class ApplicationReads {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly calendar: Pick<CalendarService, 'calendar'>,
  ) {}

  async get(actor: Actor, id: string): Promise<ApplicationViewT> {
    // The application and its own parts in one statement: on PostgreSQL each statement is a write
    // and a wait, and a filing answers with this view (issue 21's filing p99).
    const app = await visibleApplications(this.db, actor)
      .selectAll('application')
      .select((eb) => [
        eventsOfApplication(eb).as('events'),
        flagsOfApplication(eb).as('risk_flags'),
        declarationsOfApplication(eb).as('declarations'),
        deferredMaterialsOfApplication(eb).as('deferred_materials'),
      ])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    // The reads of other tables are independent: on PostgreSQL they go out together on the pool's
    // connections, so the answer waits for the slowest rather than the sum.
    const engine = await this.policies.engine();
    const listed = listedPersonIds(app.claim);
    const [record, orgs, daysLeft, listedPeople] = await Promise.all([
      // Read once for the applicant's name and for the facts the decision reads with their sources.
      loadApplicantRecord(this.db, this.vault, { personId: app.person_id, organisationId: app.organisation_id }),
      // The applicant unit comes with the record: only a payee unit other than it is read here.
      this.organisationsOf([app], app.organisation_id),
      app.due_on ? this.workingDaysLeft(app.due_on) : undefined,
      // Who the claim lists (its hires, interns, workers), by name and masked ID: the claim holds their ids.
      listed.length
        ? this.db.selectFrom('person').select(['id', 'name', 'id_number_masked']).where('id', 'in', listed).execute()
        : [],
    ]);
    const { events } = app;
    const declarations = declarationViews(app.declarations);
    const today = this.clock.today();
    const people = new Map(record?.person ? [[record.person.id, record.person]] : []);
    if (record?.organisation) orgs.set(record.organisation.id, named(record.organisation));
    const waiting = declarationsCountAtAcceptance(app.state, declarations);
    const view = viewOf(app, actor, { engine, people, orgs, decided: decidedAmountIn(app, events, waiting), today });
    const stepsTaken = new Set(
      events.flatMap((e) => (e.seq > 1 && e.step && e.actor_id === actor.accountId ? [e.step] : [])),
    );
    const facts = record ? applicationFactsOf(engine, app, record, declarations, today) : [];
    return {
      ...view,
      actions: separatedActions(view.actions, actor, app, stepsTaken),
      ...(daysLeft !== undefined ? { workingDaysLeft: daysLeft } : {}),
      declarations,
      facts,
      listedPeople: listedPeople.map((p) => ({ id: p.id, name: p.name, identifier: p.id_number_masked })),
      riskFlags: flagViews(app.risk_flags),
      deferredMaterials: deferredMaterialViews(app.deferred_materials),
      events: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        actionName: e.action === 'create' ? { zh: '创建', en: 'created' } : ACTION_NAMES[e.action as Action],
        ...(e.from_state ? { fromState: e.from_state } : {}),
        toState: e.to_state,
        actor: e.display_name ?? '',
        actorRoles: e.actor_roles,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.decision ? { decision: e.decision } : {}),
        at: isoInstant(e.at),
      })),
    };
  }

  /**
   * Decides again from what an event recorded: the sealed facts, the date and region, and exactly
   * the parameter values the decision read. Identical means the recorded decision is reproduced by
   * the engine running now; a different engine version is reported, not hidden.
   */
  async reproduce(
    actor: Actor,
    id: string,
    seq: number,
  ): Promise<{ identical: boolean; recordedEngineVersion: string; engineVersion: string; decision: Decision }> {
    await this.get(actor, id);
    const event = await this.db
      .selectFrom('application_event')
      .select(['decision', 'facts'])
      .where('application_id', '=', id)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!event?.decision || !event.facts) throw new AppError('NOT_FOUND', 404, 'seq');
    const recorded = event.decision as Decision;
    const facts = JSON.parse(this.vault.decrypt((event.facts as { sealed: string }).sealed)) as {
      applicant: ApplicantFacts;
      claim: ClaimFacts;
    };
    const engine = new PolicyEngine(CATALOGUE, recorded.parameters);
    const decision = engine.evaluate({
      subsidy: recorded.subsidy,
      region: recorded.region,
      date: recorded.date,
      applicant: facts.applicant,
      claim: facts.claim,
    });
    return {
      identical: canonicalJson(decision) === canonicalJson(recorded),
      recordedEngineVersion: recorded.engineVersion,
      engineVersion: decision.engineVersion,
      decision,
    };
  }

  async list(actor: Actor, q: ListApplications): Promise<{ total: number; applications: ApplicationViewT[] }> {
    let query = visibleApplications(this.db, actor);
    if (q.state) query = query.where('state', '=', q.state);
    if (q.subsidy) query = query.where('subsidy_id', '=', q.subsidy);
    if (q.overdue) query = query.where('due_on', '<', this.clock.today());
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('due_on', (ob) => ob.asc().nullsLast())
      .orderBy('created_at')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
    return { total: Number(total.n), applications: await this.views(rows, actor) };
  }

  /**
   * Work waiting for the caller: per state the caller can act on, how many, how many overdue, and
   * of those in publicity (公示), how many have seen it end and may be released for payment.
   */
  async queue(
    actor: Actor,
  ): Promise<{ state: string; count: number; overdue: number; noDeadline: number; publicityEnded: number }[]> {
    // States where the caller has a staff step to take (not the applicant's own submit or withdraw).
    const states = (Object.keys(STATE_NAMES) as ApplicationState[]).filter((s) =>
      actionsAvailable(s, actor.permissions).some((a) => transitionFor(a, s)?.step !== 'application'),
    );
    if (states.length === 0) return [];
    const today = this.clock.today();
    const rows = await visibleApplications(this.db, actor)
      .select((eb) => [
        'state',
        eb.fn.countAll<string>().as('count'),
        eb.fn.count<string>(eb.case().when('due_on', '<', today).then(1).end()).as('overdue'),
        eb.fn.count<string>(eb.case().when('due_on', 'is', null).then(1).end()).as('no_deadline'),
        eb.fn.count<string>(eb.case().when('publicity_ends_on', '<', today).then(1).end()).as('publicity_ended'),
      ])
      .where('state', 'in', states)
      .groupBy('state')
      .execute();
    return states.map((state) => {
      const r = rows.find((x) => x.state === state);
      return {
        state,
        count: Number(r?.count ?? 0),
        overdue: Number(r?.overdue ?? 0),
        noDeadline: Number(r?.no_deadline ?? 0),
        publicityEnded: state === 'publicised' ? Number(r?.publicity_ended ?? 0) : 0,
      };
    });
  }

  /**
   * Rows as the caller sees them, with names and masked identifiers read in one query each, and
   * only the actions separation of duties leaves the caller (a batch then cannot pick a claim the
   * clerk filed at the counter, only to report it refused).
   */
  async views(rows: readonly Selectable<ApplicationTable>[], actor: Actor): Promise<ApplicationViewT[]> {
    if (rows.length === 0) return [];
    const personIds = rows.map((r) => r.person_id).filter((x): x is string => x !== null);
    const [engine, people, orgs, decided, stepsTaken] = await Promise.all([
      this.policies.engine(),
      personIds.length
        ? this.db.selectFrom('person').select(['id', 'name', 'id_number_masked']).where('id', 'in', personIds).execute()
        : [],
      this.organisationsOf(rows),
      this.decidedAmounts(rows),
      stepsTakenOn(
        this.db,
        actor,
        rows.map((r) => r.id),
      ),
    ]);
    const parts = { engine, people: new Map(people.map((x) => [x.id, x])), orgs, decided, today: this.clock.today() };
    return rows.map((r) => {
      const view = viewOf(r, actor, parts);
      return { ...view, actions: separatedActions(view.actions, actor, r, stepsTaken.get(r.id) ?? new Set()) };
    });
  }

  /** The units the rows name, as applicants or payees, but `known` (already read). */
  private async organisationsOf(
    rows: readonly Selectable<ApplicationTable>[],
    known: string | null = null,
  ): Promise<Map<string, Named>> {
    const ids = rows
      .flatMap((r) => [r.organisation_id, r.payee_organisation_id])
      .filter((x): x is string => x !== null && x !== known);
    if (ids.length === 0) return new Map();
    const orgs = await this.db
      .selectFrom('organisation')
      .select(['id', 'name', 'credit_code'])
      .where('id', 'in', ids)
      .execute();
    return new Map(orgs.map((o) => [o.id, named(o)]));
  }

  /**
   * The amount the engine decided for each row: the approved amount once there is one, otherwise
   * the latest deciding step's decision (filing decides too), so a list never shows "—" for an
   * amount the engine knows, nor 0 for one it refused. One query for the page of rows.
   */
  private async decidedAmounts(rows: readonly Selectable<ApplicationTable>[]): Promise<Map<string, Decided>> {
    const amounts = new Map<string, Decided>();
    for (const r of rows) if (r.amount_fen !== null) amounts.set(r.id, { fen: Number(r.amount_fen) });
    const open = rows.filter((r) => r.amount_fen === null).map((r) => r.id);
    if (open.length === 0) return amounts;
    const latest = await this.db
      .selectFrom('application_event')
      .distinctOn('application_id')
      .select([
        'application_id',
        sql<string | null>`decision->>'amountFen'`.as('fen'),
        sql<string | null>`decision->>'status'`.as('status'),
      ])
      .where('application_id', 'in', open)
      .where('decision', 'is not', null)
      .orderBy('application_id')
      .orderBy('seq', 'desc')
      .execute();
    for (const d of latest) {
      const decided = decidedOf(d.status, d.fen === null ? null : Number(d.fen));
      if (decided) amounts.set(d.application_id, decided);
    }
    // Refused only as far as the engine could see before the declarations are checked: said so.
    const refused = rows
      .filter((r) => r.state === 'submitted' && amounts.get(r.id)?.status === 'ineligible')
      .map((r) => r.id);
    if (refused.length === 0) return amounts;
    const waiting = await this.db
      .selectFrom('application_declaration')
      .select('application_id')
      .distinct()
      .where('application_id', 'in', refused)
      .where('state', '!=', 'rejected')
      .execute();
    for (const w of waiting)
      amounts.set(w.application_id, awaitingConfirmation(amounts.get(w.application_id), true) ?? {});
    return amounts;
  }

  /**
   * Working days from today to the deadline on the official calendar (办理时限倒计时): 0 on the
   * day itself, negative once passed; none when the span runs into a year not yet published.
   */
  private async workingDaysLeft(due: IsoDate): Promise<number | undefined> {
    // The calendar deadlines are set by, kept in memory (a year loaded elsewhere is seen within seconds).
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    try {
      return due >= today ? calendar.workingDaysBetween(today, due) : -calendar.workingDaysBetween(due, today);
    } catch (error) {
      if (error instanceof CalendarNotPublishedError) return undefined;
      throw error;
    }
  }
}

/** An application's steps in order, each with who took it, as a column of the statement that reads it. */
function eventsOfApplication(eb: ExpressionBuilder<Database, 'application'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('application_event')
      // The platform's own step (a lapsed 容缺 promise) has no actor: named '' and shown as the platform.
      .leftJoin('account', 'account.id', 'application_event.actor_id')
      .select([
        'application_event.seq',
        'application_event.action',
        'application_event.step',
        'application_event.actor_id',
        'application_event.from_state',
        'application_event.to_state',
        'account.display_name',
        'application_event.actor_roles',
        'application_event.reason',
        'application_event.decision',
        'application_event.at',
      ])
      .whereRef('application_event.application_id', '=', 'application.id')
      .orderBy('application_event.seq'),
  );
}
