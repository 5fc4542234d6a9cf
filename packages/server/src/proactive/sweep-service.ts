import type { ApplicantFacts } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { ApplicationViewT } from '../applications/applications.schemas.js';
import { periodKey } from '../applications/period.js';
import { TERMINAL_STATES } from '../applications/workflow.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { failpoint } from '../failpoints.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import { regionPrefix } from '../regions/region-scope.js';
import { personFactsFrom, receivedFrom } from '../registry/engine-facts.js';
import type { Vault } from '../security/vault.js';

const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_STATES);

export interface SweepView {
  id: string;
  regionCode: string;
  judgedOn: string;
  state: string;
  peopleTotal: number;
  peopleDone: number;
  offersCreated: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

export interface OfferView {
  id: string;
  personId: string;
  subsidy: string;
  periodKey: string;
  amountFen?: number;
  state: string;
  applicationId?: string;
  createdAt: string;
}

/**
 * The proactive sweep (政策找人, 免申即享; 庆阳 方案 第2条; 川办发〔2024〕34号 (一)): every person in the
 * region is decided for every subsidy open to people, on the registry as it stands; where the
 * engine finds them eligible and they have not applied, they get an offer they confirm in one
 * step. The job walks people in id order and saves its place with each batch, in the same
 * transaction as the batch's offers, so a killed job resumes where it stopped and a second run
 * creates nothing twice.
 */
export class SweepService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly applications: ApplicationService,
  ) {}

  async start(actor: Actor): Promise<SweepView> {
    const prefix = regionPrefix(actor.regionCode);
    const total = Number((await this.db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).where('region_code', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n);
    const job = await this.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('sweep_job').values({ region_code: actor.regionCode, judged_on: this.clock.today(), state: 'running', people_total: total, started_by: actor.accountId }).returning('id').executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, { actor, action: 'sweep.started', entityType: 'sweep_job', entityId: row.id, regionCode: actor.regionCode, after: { people: total } });
      return row;
    });
    return this.get(actor, job.id);
  }

  /** Runs (or resumes) a job to the end, batch by batch. */
  async run(jobId: string, options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
    // Large batches: the cost is per query on the embedded database (bench:sweep measured 20,000 best).
    const batchSize = options.batchSize ?? 20_000;
    const engine = await this.policies.engine();
    const job = await this.db.selectFrom('sweep_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.state === 'done') return;
    await this.db.updateTable('sweep_job').set({ state: 'running', error: null, updated_at: this.clock.now() }).where('id', '=', jobId).execute();
    const prefix = regionPrefix(job.region_code);
    const people = engine.catalogue().filter((s) => s.applicant === 'person');
    let cursor = job.cursor;
    let done = job.people_done;
    try {
      for (;;) {
        // One batch: the next people by id, their facts and their applications, each by one query
        // over the same batch (a subquery rather than two thousand parameters).
        const after = cursor;
        const inBatch = this.db
          .selectFrom('person')
          .select('id')
          .where('region_code', 'like', `${prefix}%`)
          .$if(after !== null, (qb) => qb.where('id', '>', after as string))
          .orderBy('id')
          .limit(batchSize);
        const batch = await this.db
          .selectFrom('person')
          .selectAll()
          .where('region_code', 'like', `${prefix}%`)
          .$if(after !== null, (qb) => qb.where('id', '>', after as string))
          .orderBy('id')
          .limit(batchSize)
          .execute();
        if (batch.length === 0) break;
        const ids = batch.map((p) => p.id);
        const factRows = await this.db.selectFrom('registry_fact').select(['person_id', 'kind', 'data']).where('person_id', 'in', inBatch).where('retracted_at', 'is', null).orderBy('recorded_at').execute();
        const apps = await this.db
          .selectFrom('application')
          .select(['person_id', 'organisation_id', 'subsidy_id', 'region_code', 'amount_fen', 'claim', 'updated_at', 'state', 'period_key'])
          .where('person_id', 'in', inBatch)
          .execute();
        const facts = personFactsFrom(this.vault, batch, factRows, receivedFrom(apps.filter((a) => a.state === 'paid'), 'person_id'));
        const applied = new Set(apps.filter((a) => !TERMINAL.has(a.state)).map((a) => `${a.person_id}|${a.subsidy_id}|${a.period_key}`));
        const offers: { person_id: string; subsidy_id: string; period_key: string; region_code: string; amount_fen: string | null; state: 'open'; sweep_job_id: string }[] = [];
        for (const p of batch) {
          const applicant = facts.get(p.id) as ApplicantFacts | undefined;
          if (!applicant) continue;
          for (const subsidy of people) {
            const decision = engine.evaluate({ subsidy: subsidy.id, region: p.region_code, date: job.judged_on, applicant });
            if (!decision.eligible || decision.amountFen === 0) continue;
            const period = periodKey(subsidy, {}, job.judged_on);
            if (applied.has(`${p.id}|${subsidy.id}|${period}`)) continue;
            offers.push({ person_id: p.id, subsidy_id: subsidy.id, period_key: period, region_code: p.region_code, amount_fen: decision.amountFen === null ? null : String(decision.amountFen), state: 'open', sweep_job_id: jobId });
          }
        }
        cursor = ids[ids.length - 1] ?? cursor;
        done += batch.length;
        const last = cursor;
        await this.db.transaction().execute(async (trx) => {
          const created = offers.length
            ? await trx
                .insertInto('offer')
                .values(offers)
                .onConflict((oc) => oc.columns(['person_id', 'subsidy_id', 'period_key']).doNothing())
                .returning('id')
                .execute()
            : [];
          await trx
            .updateTable('sweep_job')
            .set((eb) => ({ cursor: last, people_done: done, offers_created: eb('offers_created', '+', created.length), updated_at: this.clock.now() }))
            .where('id', '=', jobId)
            .execute();
        });
        options.onProgress?.(done, job.people_total);
        await failpoint('sweep.after-batch');
      }
      await this.db.updateTable('sweep_job').set({ state: 'done', finished_at: this.clock.now(), updated_at: this.clock.now() }).where('id', '=', jobId).execute();
    } catch (error) {
      await this.db.updateTable('sweep_job').set({ state: 'failed', error: String(error), updated_at: this.clock.now() }).where('id', '=', jobId).execute();
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<SweepView> {
    const j = await this.db.selectFrom('sweep_job').selectAll().where('id', '=', id).where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`).executeTakeFirst();
    if (!j) throw new AppError('SWEEP_NOT_FOUND', 404);
    return {
      id: j.id,
      regionCode: j.region_code,
      judgedOn: j.judged_on,
      state: j.state,
      peopleTotal: j.people_total,
      peopleDone: j.people_done,
      offersCreated: j.offers_created,
      startedAt: j.started_at.toISOString(),
      ...(j.finished_at ? { finishedAt: j.finished_at.toISOString() } : {}),
      ...(j.error ? { error: j.error } : {}),
    };
  }

  /** Offers the caller may see: an applicant, their own; staff, their regions. */
  async offers(actor: Actor, state?: string): Promise<OfferView[]> {
    let q = this.db.selectFrom('offer').selectAll();
    q = actor.permissions.has('application:read') ? q.where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`) : q.where('person_id', '=', actor.personId ?? '00000000-0000-0000-0000-000000000000');
    if (state) q = q.where('state', '=', state as 'open');
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((o) => ({
      id: o.id,
      personId: o.person_id,
      subsidy: o.subsidy_id,
      periodKey: o.period_key,
      ...(o.amount_fen !== null ? { amountFen: Number(o.amount_fen) } : {}),
      state: o.state,
      ...(o.application_id ? { applicationId: o.application_id } : {}),
      createdAt: o.created_at.toISOString(),
    }));
  }

  /** The person confirms in one step: their application is filed and submitted. */
  async confirm(actor: Actor, offerId: string, language?: string): Promise<ApplicationViewT> {
    const offer = await this.db.selectFrom('offer').selectAll().where('id', '=', offerId).where('person_id', '=', actor.personId ?? '00000000-0000-0000-0000-000000000000').where('state', '=', 'open').executeTakeFirst();
    if (!offer) throw new AppError('OFFER_NOT_FOUND', 404);
    const { application } = await this.applications.create(actor, { subsidy: offer.subsidy_id, idempotencyKey: `offer-${offer.id}`, submit: true }, language);
    await this.db.updateTable('offer').set({ state: 'confirmed', application_id: application.id }).where('id', '=', offer.id).where('state', '=', 'open').execute();
    return application;
  }
}
