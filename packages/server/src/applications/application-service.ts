import type { ApplicantFacts, ClaimFacts, Decision, IsoDate, PolicyEngine } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { CalendarService } from '../calendar/calendar-service.js';
import type { FundService } from '../funds/fund-service.js';
import type { RiskService } from '../risk/risk-service.js';
import type { Database } from '../db/schema.js';
import { failpoint } from '../failpoints.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { shanghaiDateOf } from '../http/today.js';
import { languageOf, message } from '../i18n/messages.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { Vault } from '../security/vault.js';
import type { ApplicationViewT, CreateApplication, ListApplications, Transition } from './applications.schemas.js';
import { ApplicationReads } from './application-reads.js';
import { recordTransition } from './transition-record.js';
import { applicantFor, assertListsFit, liveClaim, nextApplicationNumber } from './applicant-filing.js';
import { ApplicantPath } from './applicant-path.js';
import { DeferredMaterialsDesk } from './deferred-materials-desk.js';
import { filesOnline, fileWithMaterials } from './file-with-promise.js';
import { markPaidInBulk } from './paid-in-bulk.js';
import { checkDeclarations, recordDeclarations } from './declarations.js';
import { keepVerifiedFacts, unansweredDeclarations, verifyFacts } from './verified-facts.js';
import { assertSeparationOfDuties } from './separation-of-duties.js';
import { filingKey, priorFiling } from './filing-idempotency.js';
import { engineFacts, judgedOn, storedClaim, type CatalogueStandardOf } from './claim-facts.js';
import { periodKey, serviceSite } from './period.js';
import { assertServiceClaimFits, duplicateServiceClaim } from './service-site-claims.js';
import { visibleApplications } from './visibility.js';
import { stepTimeLimit } from './time-limits.js';
import { EFFECTS, type RowChanges } from './transition-effects.js';
import { ACTION_NAMES, STATE_NAMES, STEP_OF_STATE, transitionFor, type ApplicationState } from './workflow.js';
import { saysSomething } from '../http/said.js';

type Db = Kysely<Database>;

/**
 * Applications from draft to payment. Every change of state happens in one transaction that locks
 * the application row, checks the workflow table, the actor's permission and region, separation of
 * duties, and (where the step decides) the policy engine; then writes the new state, an event with
 * the engine's decision and the facts it saw (sealed), and an audit entry. A crash at any point
 * leaves either all of it or none of it.
 */
export class ApplicationService {
  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly calendar: CalendarService,
    private readonly funds: FundService,
    private readonly risk: RiskService,
    /** The catalogue standard behind a certificate issued here (training's `catalogueStandardOf`, wired by the composition root: training imports applications). */
    private readonly catalogueStandardOf: CatalogueStandardOf,
  ) {
    this.reads = new ApplicationReads(db, vault, clock, policies, calendar);
    this.applicant = new ApplicantPath(db, vault, clock, policies, catalogueStandardOf, this.reads, calendar);
    this.deferrals = new DeferredMaterialsDesk(db, vault, clock, this.reads);
  }

  private readonly reads: ApplicationReads;
  /** The applicant's side before and at filing: the preview, the self-check, declarations, materials. */
  readonly applicant: ApplicantPath;
  /** 容缺受理 after filing: supplying what was promised, the clerk's check, the deadline sweep. */
  readonly deferrals: DeferredMaterialsDesk;

  /** One application as the caller may see it, with its history and risk flags. */
  get(actor: Actor, id: string): Promise<ApplicationViewT> {
    return this.reads.get(actor, id);
  }

  reproduce(actor: Actor, id: string, seq: number) {
    return this.reads.reproduce(actor, id, seq);
  }

  list(actor: Actor, q: ListApplications) {
    return this.reads.list(actor, q);
  }

  queue(actor: Actor) {
    return this.reads.queue(actor);
  }

  /**
   * Files an application. `prepared`: the sweep files it for a person or unit in the caller's
   * regions, for a subsidy needing no application, and it goes straight to review.
   * `payeeOrganisationId`: paid into that unit's account instead of the applicant's (set by the
   * training module for an institution-paid catalogue item, never taken from a request).
   * `fromOffer`: filed from an offer the platform made on what it holds (政策找人); the materials it
   * still needs on paper are asked for at acceptance, as at a counter.
   */
  async create(
    actor: Actor,
    input: CreateApplication,
    language?: string,
    options: { prepared?: boolean; payeeOrganisationId?: string; fromOffer?: boolean } = {},
  ): Promise<{ application: ApplicationViewT; created: boolean }> {
    const engine = await this.policies.engine();
    const subsidy = engine.subsidy(input.subsidy);
    if (!subsidy) throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: input.subsidy });
    assertListsFit(subsidy, input.claim ?? {});
    const applicant = await applicantFor(this.db, actor, subsidy, input, options.prepared === true);
    const declared = checkDeclarations(subsidy, input.declarations, this.clock.today());
    const claim = await storedClaim(this.db, this.vault, input.claim ?? {});
    const today = this.clock.today();
    const key = filingKey(input.idempotencyKey, [
      input.subsidy,
      applicant.personId,
      applicant.organisationId,
      claim,
      ...(declared.length ? [declared] : []),
    ]);
    // A retry with the same key finds the first; the same key for different content is refused.
    const replay = async () => {
      const prior = await priorFiling(this.db, actor.accountId, input.idempotencyKey, key);
      return prior ? { application: await this.get(actor, prior), created: false } : undefined;
    };
    const earlier = await replay();
    if (earlier) return earlier;

    await this.calendar.calendar();
    // 免证办: the business the claim names, the graduation and the statuses the household and poverty
    // lists hold, from the datasets rather than on paper.
    const verified = await verifyFacts(this.db, applicant, claim.businessCreditCode);
    const warnings: string[] = [];
    const period = periodKey(subsidy, claim, today);
    const submit: Transition = { action: 'submit', ...(input.promise ? { promise: input.promise } : {}) };
    const online = options.fromOffer !== true && filesOnline(actor);
    const site = serviceSite(claim);
    const id = await this.db.transaction().execute(async (trx) => {
      if (claim.service)
        await assertServiceClaimFits(trx, { subsidyId: subsidy.id, applicant, periodKey: period, site });
      const inserted = await trx
        .insertInto('application')
        .values({
          number: nextApplicationNumber(applicant.regionCode, today),
          subsidy_id: subsidy.id,
          applicant_kind: subsidy.applicant,
          person_id: applicant.personId,
          organisation_id: applicant.organisationId,
          region_code: applicant.regionCode,
          period_key: period,
          service_site: site,
          claim: JSON.stringify(claim),
          state: 'draft',
          requested_by: actor.accountId,
          idempotency_key: key,
          payee_organisation_id: options.payeeOrganisationId ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning(['id', 'number'])
        .executeTakeFirst();
      if (!inserted) return undefined;
      if (applicant.personId)
        await keepVerifiedFacts(trx, applicant.personId, verified, actor.accountId, this.clock.now());
      // What the records or lists hold needs no declaration for the clerk to confirm.
      await recordDeclarations(trx, inserted.id, unansweredDeclarations(declared, verified));
      await trx
        .insertInto('application_event')
        .values({
          application_id: inserted.id,
          seq: 1,
          action: 'create',
          from_state: null,
          to_state: 'draft',
          actor_id: actor.accountId,
          actor_roles: [...actor.roles],
          step: 'application',
          // On the application's clock, as every later event is: the history reads in time order.
          at: this.clock.now(),
        })
        .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'application.created',
        entityType: 'application',
        entityId: inserted.id,
        regionCode: applicant.regionCode,
        after: { number: inserted.number, subsidy: subsidy.id },
      });
      // Filed and submitted in one transaction: a retry never finds a half-submitted draft.
      if (options.prepared)
        await this.applyTransition(trx, engine, actor, inserted.id, { action: 'prepare' }, warnings, language);
      else if (input.submit)
        await this.applyTransition(trx, engine, actor, inserted.id, submit, warnings, language, online);
      return inserted.id;
    });
    if (!id) {
      const again = await replay();
      if (again) return again;
      const existing = (await liveClaim(this.db, subsidy.id, applicant, period, site))?.number;
      if (site && claim.service?.site) throw duplicateServiceClaim(claim.service.site, existing, period);
      throw new AppError('DUPLICATE_APPLICATION', 409, undefined, { value: existing ?? '' });
    }
    return { application: await this.get(actor, id), created: true };
  }

  async transition(actor: Actor, id: string, input: Transition, language?: string): Promise<ApplicationViewT> {
    const warnings: string[] = [];
    // Loaded before the transaction: on the embedded database the transaction holds the only
    // connection, so a first load inside it would wait for itself.
    const engine = await this.policies.engine();
    await this.calendar.calendar();
    if (input.action === 'release') {
      // Checked again before payment, and kept even if they then stop the release.
      await this.db.transaction().execute(async (trx) => {
        const app = await visibleApplications(trx, actor).selectAll().where('id', '=', id).executeTakeFirst();
        if (app && (app.state === 'approved' || app.state === 'publicised'))
          await this.risk.assess(trx, engine, app, 'payment');
      });
    }
    await this.db
      .transaction()
      .execute((trx) => this.applyTransition(trx, engine, actor, id, input, warnings, language, filesOnline(actor)));
    const view = await this.get(actor, id);
    if (warnings.length === 0) return view;
    const lang = languageOf(language);
    return {
      ...view,
      warnings: warnings.map((code) => ({
        code,
        message: message('CALENDAR_NOT_PUBLISHED', lang, { value: String(Number(this.clock.today().slice(0, 4)) + 1) }),
      })),
    };
  }

  /** The application as the caller may see it (not found otherwise): what other modules check against. */
  async locate(
    actor: Actor,
    id: string,
  ): Promise<{ id: string; state: string; subsidyId: string; regionCode: string; createdOn: string }> {
    const app = await visibleApplications(this.db, actor)
      .select(['id', 'state', 'subsidy_id', 'region_code', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    return {
      id: app.id,
      state: app.state,
      subsidyId: app.subsidy_id,
      regionCode: app.region_code,
      createdOn: shanghaiDateOf(app.created_at),
    };
  }

  /** A reviewer clears a `review` warning after checking it, with the reason. */
  async clearRiskFlag(actor: Actor, id: string, flagId: string, reason: string): Promise<ApplicationViewT> {
    const app = await this.locate(actor, id);
    await this.risk.clear(actor, id, flagId, reason, app.regionCode);
    return this.get(actor, id);
  }

  /** Loads what transitions need before a caller opens its own transaction (see `transition`). */
  async prepare(): Promise<PolicyEngine> {
    const engine = await this.policies.engine();
    await this.calendar.calendar();
    return engine;
  }

  /** A payment the bank confirmed, settled inside the payment batch's transaction. */
  async markPaid(
    trx: Transaction<Database>,
    engine: PolicyEngine,
    actor: Actor,
    id: string,
    reference: string,
  ): Promise<void> {
    await this.applyTransition(trx, engine, actor, id, { action: 'pay', paymentReference: reference }, []);
  }

  /**
   * Payments the bank confirmed, many at once inside the caller's transaction (see
   * `markPaidInBulk`); the ledger is the caller's to post, in the regions returned.
   */
  markPaidMany(
    trx: Transaction<Database>,
    actor: Actor,
    paid: readonly { readonly applicationId: string; readonly reference: string }[],
  ): Promise<string[]> {
    return markPaidInBulk(trx, this.clock.now(), actor, paid);
  }

  /** A payment the bank sent back after it was made, booked inside the return file's transaction. */
  async markBounced(
    trx: Transaction<Database>,
    engine: PolicyEngine,
    actor: Actor,
    id: string,
    reason: string,
  ): Promise<void> {
    await this.applyTransition(trx, engine, actor, id, { action: 'bounce', reason }, []);
  }

  /** One transition inside the caller's transaction: checks, decision, new state, event, audit entry. */
  private async applyTransition(
    trx: Transaction<Database>,
    engine: PolicyEngine,
    actor: Actor,
    id: string,
    input: Transition,
    warnings: string[],
    language?: string,
    materialsRequired = false,
  ): Promise<void> {
    const app = await visibleApplications(trx, actor).selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!app) throw new AppError('APPLICATION_NOT_FOUND', 404);
    const state = app.state as ApplicationState;
    const rule = transitionFor(input.action, state);
    const english = languageOf(language) === 'en-US';
    const notAllowed = () =>
      new AppError('TRANSITION_NOT_ALLOWED', 409, 'action', {
        state: STATE_NAMES[state][english ? 'en' : 'zh'],
        action: ACTION_NAMES[input.action][english ? 'en' : 'zh'],
      });
    if (!rule) throw notAllowed();
    if (!rule.permissions.some((p) => actor.permissions.has(p))) throw new AppError('FORBIDDEN', 403);
    if (input.version !== undefined && input.version !== app.version)
      throw new AppError('STALE_VERSION', 409, 'version');
    const reason = input.reason?.trim();
    if (rule.reasonRequired && !saysSomething(reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
    await assertSeparationOfDuties(trx, actor, app, rule.step);
    await this.risk.assertClear(trx, id, input.action, english ? 'en' : 'zh');

    const subsidy = engine.subsidy(app.subsidy_id);
    if (!subsidy) throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: app.subsidy_id });
    const today = this.clock.today();
    const filing = input.action === 'submit' || input.action === 'resubmit' || input.action === 'prepare';
    if (input.action === 'submit' || input.action === 'resubmit') {
      const ctx = { trx, vault: this.vault, engine, calendar: this.calendar, actor, app, today, english };
      await fileWithMaterials({ ...ctx, materialsRequired, promise: input.promise });
    } else if (input.promise) throw new AppError('VALIDATION_FAILED', 400, 'promise', { detail: 'submit / resubmit' });
    const judgedDay = judgedOn(app, filing, today);

    let decision: Decision | undefined;
    let facts: { applicant: ApplicantFacts; claim: ClaimFacts } | undefined;
    if (rule.decides) {
      facts = await engineFacts(trx, this.vault, this.catalogueStandardOf, app);
      decision = engine.evaluate({
        subsidy: subsidy.id,
        region: app.region_code,
        date: judgedDay,
        applicant: facts.applicant,
        claim: facts.claim,
      });
    }

    const update: RowChanges & { due_on?: IsoDate | null } = {
      ...(await EFFECTS[input.action]?.({
        trx,
        engine,
        actor,
        app,
        from: state,
        subsidy,
        decision,
        input,
        today,
        english,
        funds: this.funds,
        calendar: this.calendar,
        notAllowed,
      })),
    };

    const step = STEP_OF_STATE[rule.to];
    let dueOn: IsoDate | null = null;
    if (step) {
      dueOn = await this.calendar.deadline(today, stepTimeLimit(engine, step, app.region_code, today));
      if (!dueOn) warnings.push('CALENDAR_NOT_PUBLISHED');
    }
    update.due_on = dueOn;

    await trx
      .updateTable('application')
      .set({ ...update, state: rule.to, version: app.version + 1, updated_at: this.clock.now() })
      .where('id', '=', id)
      .execute();
    await failpoint('application.transition.after-state-update');
    if (filing)
      await this.risk.assess(trx, engine, app, 'submit', facts && decision ? { ...facts, decision } : undefined);
    await recordTransition(trx, this.vault, this.clock.now(), {
      app,
      actor,
      rule,
      input,
      reason,
      decision,
      facts,
      changes: update,
    });
  }
}
