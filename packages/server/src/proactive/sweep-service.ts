import type { ApplicantFacts, PolicyEngine, SubsidyDefinition } from '@huimin/policy';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { ApplicationViewT } from '../applications/applications.schemas.js';
import { periodKey } from '../applications/period.js';
import { TERMINAL_STATES } from '../applications/workflow.js';
import { appendAudit } from '../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database, OfferTable } from '../db/schema.js';
import { failpoint } from '../failpoints.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import { noApplicationParameter } from '../parameters/server-parameters.js';
import { regionRange } from '../regions/region-scope.js';
import { idNumbersOf, listedIn, organisationFacts, personFacts, receivedFrom, type FactRow, type OrganisationRow, type PaidRow, type PersonRow } from '../registry/engine-facts.js';
import type { Vault } from '../security/vault.js';
import type { OfferView, SweepView } from './proactive.schemas.js';

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATES);


export interface SweepProgress {
  readonly phase: 'people' | 'units' | 'filing';
  readonly done: number;
  readonly total: number;
}

/** A person or unit in a batch, with its facts and its applications, as the batch query returns it. */
type BatchApplication = PaidRow & { state: string; period_key: string };
type PersonInBatch = PersonRow & { region_code: string; facts: FactRow[]; applications: BatchApplication[] };
type UnitInBatch = OrganisationRow & { facts: FactRow[]; applications: BatchApplication[] };

type NewOffer = Insertable<OfferTable>;

/**
 * The proactive sweep (政策找人, 免申即享; 庆阳 方案 第2条; 川办发〔2024〕34号 (一)): every person and
 * every unit in the region is decided for every subsidy open to them, on the registry as it
 * stands; where the engine finds them eligible and they have not applied, they get an offer they
 * confirm in one step, or, where the region marks the subsidy as needing no application, the
 * sweep files the application itself and it goes straight to review.
 *
 * The job walks people, then units, in (region, id) order and saves its place with each batch in
 * the same transaction as the batch's offers, so a killed job resumes where it stopped and a second
 * run creates nothing twice. Applications are filed last, from the offers, each under the offer's
 * own idempotency key, so a filing interrupted half-way is found again, not repeated.
 */
export class SweepService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly applications: ApplicationService,
    // Large batches: the cost is per query on the embedded database (bench:sweep measured 20,000 best).
    private readonly batchSize = 20_000,
  ) {}

  /** Jobs this process is running, so a second request to resume one does not run it twice. */
  private readonly running = new Set<string>();

  async start(actor: Actor): Promise<SweepView> {
    const range = regionRange(actor.regionCode);
    const count = async (table: 'person' | 'organisation') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('region_code', '>=', range.low).where('region_code', '<=', range.high).executeTakeFirstOrThrow()).n);
    const people = await count('person');
    const units = await count('organisation');
    const job = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('sweep_job')
        .values({ region_code: actor.regionCode, judged_on: this.clock.today(), state: 'running', people_total: people, units_total: units, started_by: actor.accountId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, { actor, action: 'sweep.started', entityType: 'sweep_job', entityId: row.id, regionCode: actor.regionCode, after: { people, units } });
      return row;
    });
    return this.get(actor, job.id);
  }

  /** Runs (or resumes) a job to the end, batch by batch; `actor` files what needs no application. */
  async run(jobId: string, actor: Actor, options: { batchSize?: number; onProgress?: (progress: SweepProgress) => void } = {}): Promise<void> {
    if (this.running.has(jobId)) return;
    this.running.add(jobId);
    try {
      await this.runToEnd(jobId, actor, options.batchSize ?? this.batchSize, options.onProgress);
    } finally {
      this.running.delete(jobId);
    }
  }

  private async runToEnd(jobId: string, actor: Actor, batchSize: number, onProgress?: (progress: SweepProgress) => void): Promise<void> {
    const engine = await this.policies.engine();
    const job = await this.db.selectFrom('sweep_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.state === 'done') return;
    await this.db.updateTable('sweep_job').set({ state: 'running', error: null, updated_at: this.clock.now() }).where('id', '=', jobId).execute();
    const range = regionRange(job.region_code);
    const sweep = { jobId, judgedOn: job.judged_on, engine };
    try {
      let phase = job.phase;
      // A job saved before the (region, id) order kept only an id; it starts its phase again (offers are never made twice).
      let cursor = job.cursor !== null && job.cursor_region !== null ? { region: job.cursor_region, id: job.cursor } : null;
      // Without a saved place the phase starts from the beginning, so its count does too.
      let done = cursor === null ? 0 : phase === 'people' ? job.people_done : job.units_done;
      if (phase === 'people') {
        const subsidies = engine.catalogue().filter((s) => s.applicant === 'person');
        for (;;) {
          const batch = await this.batch<PersonInBatch>('person', range, cursor, batchSize);
          if (batch.length === 0) break;
          const offers = batch.flatMap((p) => this.offersFor(sweep, subsidies, p.id, null, p.region_code, p.applications, personFacts(this.vault, p, p.facts, received(p.applications, 'person_id'))));
          cursor = lastOf(batch);
          done += batch.length;
          await this.save(jobId, 'people', cursor, done, offers);
          onProgress?.({ phase: 'people', done, total: job.people_total });
          await failpoint('sweep.after-batch');
        }
        phase = 'units';
        cursor = null;
        done = 0;
        await this.db.updateTable('sweep_job').set({ phase, cursor: null, cursor_region: null, updated_at: this.clock.now() }).where('id', '=', jobId).execute();
      }
      const subsidies = engine.catalogue().filter((s) => s.applicant === 'organisation');
      for (;;) {
        const batch = await this.batch<UnitInBatch>('organisation', range, cursor, batchSize);
        if (batch.length === 0) break;
        // A unit's paid lists name hires by registry id; its per-hire rules need their ID numbers.
        const idNumbers = await idNumbersOf(this.db, this.vault, listedIn(batch.flatMap((u) => u.applications.filter((a) => a.state === 'paid'))));
        const offers = batch.flatMap((u) =>
          this.offersFor(sweep, subsidies, null, u.id, u.region_code, u.applications, organisationFacts(u, u.facts, received(u.applications, 'organisation_id', (id) => idNumbers.get(id)))),
        );
        cursor = lastOf(batch);
        done += batch.length;
        await this.save(jobId, 'units', cursor, done, offers);
        onProgress?.({ phase: 'units', done, total: job.units_total });
        await failpoint('sweep.after-batch');
      }
      await this.fileWhatNeedsNoApplication(jobId, actor, onProgress);
      await this.db.updateTable('sweep_job').set({ state: 'done', finished_at: this.clock.now(), updated_at: this.clock.now() }).where('id', '=', jobId).execute();
    } catch (error) {
      await this.db.updateTable('sweep_job').set({ state: 'failed', error: String(error), updated_at: this.clock.now() }).where('id', '=', jobId).execute();
      throw error;
    }
  }

  /**
   * The next batch after the cursor, with each one's facts and applications, as one JSON document:
   * one query and one parse instead of three result sets of tens of thousands of rows (on the
   * embedded database the per-row cost dominated).
   */
  private async batch<T>(table: 'person' | 'organisation', range: { low: string; high: string }, cursor: { region: string; id: string } | null, size: number): Promise<T[]> {
    const owner = table === 'person' ? sql.ref('f.person_id') : sql.ref('f.organisation_id');
    const applicant = table === 'person' ? sql.ref('a.person_id') : sql.ref('a.organisation_id');
    const columns =
      table === 'person'
        ? sql`t.id, t.region_code, t.id_number_cipher, t.name, t.birth_date, t.sex, t.retirement_category, t.hukou_region, t.rural, t.household_id`
        : sql`t.id, t.region_code, t.credit_code, t.credit_code_override, t.name, t.category, t.size_class`;
    const { rows } = await sql<{ batch: string | null }>`
      select json_agg(b order by b.region_code, b.id)::text as batch from (
        select ${columns},
          coalesce((select json_agg(json_build_object('kind', f.kind, 'data', f.data) order by f.recorded_at) from registry_fact f
                    where ${owner} = t.id and f.retracted_at is null), '[]') as facts,
          coalesce((select json_agg(json_build_object('person_id', a.person_id, 'organisation_id', a.organisation_id, 'subsidy_id', a.subsidy_id, 'region_code', a.region_code,
                      'amount_fen', a.amount_fen::text, 'claim', a.claim, 'updated_at', a.updated_at, 'state', a.state, 'period_key', a.period_key)) from application a
                    where ${applicant} = t.id), '[]') as applications
        from ${sql.table(table)} t
        where t.region_code >= ${range.low} and t.region_code <= ${range.high}
          -- From the start: every region code sorts after '', whatever the id.
          and (t.region_code, t.id) > (${cursor?.region ?? ''}, ${cursor?.id ?? NO_ONE}::uuid)
        order by t.region_code, t.id
        limit ${size}
      ) b`.execute(this.db);
    const text = rows[0]?.batch;
    return text ? (JSON.parse(text) as T[]) : [];
  }

  /** Offers for one person or unit: every subsidy the engine finds it eligible for and not applied for. */
  private offersFor(
    sweep: { jobId: string; judgedOn: string; engine: PolicyEngine },
    subsidies: readonly SubsidyDefinition[],
    personId: string | null,
    organisationId: string | null,
    region: string,
    applications: readonly BatchApplication[],
    applicant: ApplicantFacts,
  ): NewOffer[] {
    const applied = new Set(applications.filter((a) => !TERMINAL.has(a.state)).map((a) => `${a.subsidy_id}|${a.period_key}`));
    const out: NewOffer[] = [];
    for (const subsidy of subsidies) {
      const decision = sweep.engine.evaluate({ subsidy: subsidy.id, region, date: sweep.judgedOn, applicant });
      if (!decision.eligible || decision.amountFen === 0) continue;
      const period = periodKey(subsidy, {}, sweep.judgedOn);
      if (applied.has(`${subsidy.id}|${period}`)) continue;
      out.push({
        person_id: personId,
        organisation_id: organisationId,
        subsidy_id: subsidy.id,
        period_key: period,
        region_code: region,
        amount_fen: decision.amountFen === null ? null : String(decision.amountFen),
        no_application: needsNoApplication(sweep.engine, subsidy.id, region, sweep.judgedOn),
        state: 'open',
        sweep_job_id: sweep.jobId,
      });
    }
    return out;
  }

  /** A batch's offers and the job's new place, in one transaction. */
  private async save(jobId: string, phase: 'people' | 'units', cursor: { region: string; id: string } | null, done: number, offers: readonly NewOffer[]): Promise<void> {
    const people = offers.filter((o) => o.person_id !== null);
    const units = offers.filter((o) => o.organisation_id !== null);
    await this.db.transaction().execute(async (trx) => {
      let created = 0;
      if (people.length > 0) created += (await trx.insertInto('offer').values(people).onConflict((oc) => oc.columns(['person_id', 'subsidy_id', 'period_key']).doNothing()).returning('id').execute()).length;
      if (units.length > 0)
        created += (
          await trx
            .insertInto('offer')
            .values(units)
            .onConflict((oc) => oc.columns(['organisation_id', 'subsidy_id', 'period_key']).where('organisation_id', 'is not', null).doNothing())
            .returning('id')
            .execute()
        ).length;
      await trx
        .updateTable('sweep_job')
        .set((eb) => ({
          cursor: cursor?.id ?? null,
          cursor_region: cursor?.region ?? null,
          ...(phase === 'people' ? { people_done: done } : { units_done: done }),
          offers_created: eb('offers_created', '+', created),
          updated_at: this.clock.now(),
        }))
        .where('id', '=', jobId)
        .execute();
    });
  }

  /**
   * 免申即享: each offer the region marked as needing no application becomes an application filed
   * by the system and sent to review. The offer's id is the idempotency key, so a filing that was
   * interrupted after the application but before the offer was marked finds the same application.
   */
  private async fileWhatNeedsNoApplication(jobId: string, actor: Actor, onProgress?: (progress: SweepProgress) => void): Promise<void> {
    const total = Number((await this.db.selectFrom('offer').select((eb) => eb.fn.countAll<string>().as('n')).where('sweep_job_id', '=', jobId).where('no_application', '=', true).where('application_id', 'is', null).where('state', '=', 'open').executeTakeFirstOrThrow()).n);
    let done = 0;
    for (;;) {
      const offers = await this.db.selectFrom('offer').selectAll().where('sweep_job_id', '=', jobId).where('no_application', '=', true).where('application_id', 'is', null).where('state', '=', 'open').orderBy('id').limit(200).execute();
      if (offers.length === 0) return;
      for (const offer of offers) {
        const applicationId = await this.fileFor(actor, offer);
        await this.db.transaction().execute(async (trx) => {
          await trx.updateTable('offer').set({ state: 'filed', application_id: applicationId }).where('id', '=', offer.id).execute();
          await trx.updateTable('sweep_job').set((eb) => ({ applications_filed: eb('applications_filed', '+', 1), updated_at: this.clock.now() })).where('id', '=', jobId).execute();
        });
        onProgress?.({ phase: 'filing', done: ++done, total });
      }
    }
  }

  private async fileFor(actor: Actor, offer: { id: string; person_id: string | null; organisation_id: string | null; subsidy_id: string; period_key: string }): Promise<string> {
    try {
      const input = { subsidy: offer.subsidy_id, idempotencyKey: `offer-${offer.id}`, ...(offer.person_id ? { personId: offer.person_id } : { organisationId: offer.organisation_id ?? NO_ONE }) };
      return (await this.applications.create(actor, input, undefined, { prepared: true })).application.id;
    } catch (error) {
      // Applied for in the meantime by the person or at the counter: that application stands for the offer.
      if (!(error instanceof AppError) || error.code !== 'DUPLICATE_APPLICATION') throw error;
      const existing = await this.db
        .selectFrom('application')
        .select('id')
        .where('subsidy_id', '=', offer.subsidy_id)
        .where(offer.person_id ? 'person_id' : 'organisation_id', '=', offer.person_id ?? offer.organisation_id ?? NO_ONE)
        .where('period_key', '=', offer.period_key)
        .where('state', 'not in', [...TERMINAL_STATES])
        .executeTakeFirstOrThrow();
      return existing.id;
    }
  }

  async get(actor: Actor, id: string): Promise<SweepView> {
    const range = regionRange(actor.regionCode);
    const j = await this.db.selectFrom('sweep_job').selectAll().where('id', '=', id).where('region_code', '>=', range.low).where('region_code', '<=', range.high).executeTakeFirst();
    if (!j) throw new AppError('SWEEP_NOT_FOUND', 404);
    return {
      id: j.id,
      regionCode: j.region_code,
      judgedOn: j.judged_on,
      state: j.state,
      phase: j.phase,
      peopleTotal: j.people_total,
      peopleDone: j.people_done,
      unitsTotal: j.units_total,
      unitsDone: j.units_done,
      offersCreated: j.offers_created,
      applicationsFiled: j.applications_filed,
      startedAt: j.started_at.toISOString(),
      ...(j.finished_at ? { finishedAt: j.finished_at.toISOString() } : {}),
      ...(j.error ? { error: j.error } : {}),
    };
  }

  /** Offers the caller may see: an applicant or unit, their own; staff, their regions. */
  async offers(actor: Actor, state?: OfferView['state']): Promise<OfferView[]> {
    let q = this.db.selectFrom('offer').selectAll();
    if (actor.permissions.has('application:read')) {
      const range = regionRange(actor.regionCode);
      q = q.where('region_code', '>=', range.low).where('region_code', '<=', range.high);
    } else q = q.where((eb) => eb.or([eb('person_id', '=', actor.personId ?? NO_ONE), eb('organisation_id', '=', actor.organisationId ?? NO_ONE)]));
    if (state) q = q.where('state', '=', state as 'open');
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((o) => ({
      id: o.id,
      ...(o.person_id ? { personId: o.person_id } : {}),
      ...(o.organisation_id ? { organisationId: o.organisation_id } : {}),
      subsidy: o.subsidy_id,
      periodKey: o.period_key,
      ...(o.amount_fen !== null ? { amountFen: Number(o.amount_fen) } : {}),
      noApplication: o.no_application,
      state: o.state,
      ...(o.application_id ? { applicationId: o.application_id } : {}),
      createdAt: o.created_at.toISOString(),
    }));
  }

  /** The person or unit confirms in one step: their application is filed and submitted. */
  async confirm(actor: Actor, offerId: string, language?: string): Promise<ApplicationViewT> {
    const offer = await this.ownOpenOffer(actor, offerId);
    const { application } = await this.applications.create(actor, { subsidy: offer.subsidy_id, idempotencyKey: `offer-${offer.id}`, submit: true }, language);
    await this.db.updateTable('offer').set({ state: 'confirmed', application_id: application.id }).where('id', '=', offer.id).where('state', '=', 'open').execute();
    return application;
  }

  /** The person or unit says no: the offer is closed and the next sweep does not make it again. */
  async decline(actor: Actor, offerId: string): Promise<OfferView> {
    const offer = await this.ownOpenOffer(actor, offerId);
    await this.db.updateTable('offer').set({ state: 'declined' }).where('id', '=', offer.id).where('state', '=', 'open').execute();
    const [view] = (await this.offers(actor)).filter((o) => o.id === offer.id);
    if (!view) throw new AppError('OFFER_NOT_FOUND', 404);
    return view;
  }

  private async ownOpenOffer(actor: Actor, offerId: string) {
    const offer = await this.db
      .selectFrom('offer')
      .selectAll()
      .where('id', '=', offerId)
      .where((eb) => eb.or([eb('person_id', '=', actor.personId ?? NO_ONE), eb('organisation_id', '=', actor.organisationId ?? NO_ONE)]))
      .where('state', '=', 'open')
      .where('no_application', '=', false)
      .executeTakeFirst();
    if (!offer) throw new AppError('OFFER_NOT_FOUND', 404);
    return offer;
  }
}

function lastOf(batch: readonly { region_code: string; id: string }[]): { region: string; id: string } | null {
  const last = batch[batch.length - 1];
  return last ? { region: last.region_code, id: last.id } : null;
}

/** What one person or unit was paid, from its own applications in the batch. */
function received(applications: readonly BatchApplication[], column: 'person_id' | 'organisation_id', idNumberOf?: (personId: string) => string | undefined) {
  const paid = applications.filter((a) => a.state === 'paid');
  return paid.length === 0 ? [] : [...receivedFrom(paid, column, idNumberOf).values()].flat();
}

function needsNoApplication(engine: PolicyEngine, subsidy: string, region: string, on: string): boolean {
  return engine.parameters.resolve(noApplicationParameter(subsidy), region, on)?.value === 1;
}
