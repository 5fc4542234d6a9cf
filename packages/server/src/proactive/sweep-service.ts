import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { ApplicationViewT } from '../applications/applications.schemas.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { failpoint } from '../failpoints.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { JobDefinition, JobQueue } from '../jobs/job-queue-service.js';
import type { PolicyService } from '../policies/policy-service.js';
import { regionRange } from '../regions/region-scope.js';
import { idNumbersOf, listedIn, organisationFacts } from '../registry/engine-facts.js';
import type { Vault } from '../security/vault.js';
import type { OfferView, SweepView } from './proactive.schemas.js';
import {
  lastOf,
  offersFor,
  readBatch,
  received,
  saveBatch,
  SweepMovedOn,
  emptyTally,
  type SweepProgress,
  type SweepTally,
  type UnitInBatch,
} from './sweep-batch.js';
import { DecidingThread } from './sweep-deciding-thread.js';
import { sweepPeople } from './sweep-people.js';
import { OfferService } from './offer-service.js';
import { NoApplicationFiling } from './sweep-filing.js';
import { sweepRunJob, type ActorOf, type SweepJobSettings, type SweepRunData } from './sweep-jobs.js';

/** How a run ended: to the end, or left to another runner of the same job (decision 024). */
export type SweepOutcome = 'done' | 'paused' | 'running in this process' | 'moved on elsewhere';

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
 *
 * Started over the API, a sweep is a job on the queue (`sweep.run`, decision 024) that a worker
 * process runs; the command line and the benchmark run it here, in the caller's process.
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
  ) {
    this.filing = new NoApplicationFiling(db, vault, clock, applications);
    this.offerDesk = new OfferService(db, vault, applications);
  }

  private readonly offerDesk: OfferService;

  private readonly filing: NoApplicationFiling;

  /**
   * Whether batches of people are decided in a worker thread while this one reads and writes (on by
   * the process's configuration where there is more than one core; off in tests unless asked).
   */
  private decideInThread = false;

  /** Decide batches of people in a worker thread (`HUIMIN_SWEEP_THREAD`, decision 009). */
  useDecidingThread(on: boolean): void {
    this.decideInThread = on;
  }

  /** Jobs this process is running, so a second request to resume one does not run it twice. */
  private readonly running = new Set<string>();

  private background: { queue: JobQueue; job: JobDefinition<SweepRunData> } | undefined;

  /** Sweeps started over the API go to this queue; the composition root calls this once. */
  runOn(queue: JobQueue, actorOf: ActorOf, settings: SweepJobSettings = {}): void {
    this.background = { queue, job: queue.define(sweepRunJob(this, actorOf, settings)) };
  }

  /** Starts a sweep and queues it for a worker, in one transaction: no job without its row, nor a row without its job. */
  async startInBackground(actor: Actor): Promise<SweepView> {
    const { queue, job } = this.queue();
    return this.start(actor, (trx, sweepJobId) =>
      queue.send(job, { sweepJobId }, { key: `sweep-${sweepJobId}`, trx: trx as unknown as Kysely<never> }),
    );
  }

  /** Queues an interrupted sweep again; a run already going elsewhere is not disturbed (its place is the guard). */
  async resumeInBackground(actor: Actor, id: string): Promise<SweepView> {
    const view = await this.get(actor, id);
    if (view.state !== 'done') {
      const { queue, job } = this.queue();
      await queue.send(job, { sweepJobId: id });
    }
    return view;
  }

  /**
   * Queues the sweep's next slice. Keyed by the place it starts from, so a slice retried after it
   * had already queued its successor queues nothing more.
   */
  async continueInBackground(id: string): Promise<void> {
    const row = await this.db
      .selectFrom('sweep_job')
      .select(['phase', 'cursor', 'people_done', 'units_done'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const { queue, job } = this.queue();
    await queue.send(job, { sweepJobId: id }, { key: `sweep-${id}-${row.phase}-${row.cursor ?? 'start'}` });
  }

  /** Who started an unfinished sweep (it runs as them); undefined once it is done. */
  async startedByIfUnfinished(id: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('sweep_job')
      .select(['started_by', 'state'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && row.state !== 'done' ? row.started_by : undefined;
  }

  private queue(): { queue: JobQueue; job: JobDefinition<SweepRunData> } {
    if (!this.background) throw new Error('sweeps are run in the background only with a job queue (runOn)');
    return this.background;
  }

  async start(
    actor: Actor,
    alsoInTransaction?: (trx: Kysely<Database>, sweepJobId: string) => Promise<unknown>,
  ): Promise<SweepView> {
    const range = regionRange(actor.regionCode);
    const count = async (table: 'person' | 'organisation') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('region_code', '>=', range.low)
            .where('region_code', '<=', range.high)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const people = await count('person');
    const units = await count('organisation');
    const job = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('sweep_job')
        .values({
          region_code: actor.regionCode,
          judged_on: this.clock.today(),
          state: 'running',
          people_total: people,
          units_total: units,
          started_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'sweep.started',
        entityType: 'sweep_job',
        entityId: row.id,
        regionCode: actor.regionCode,
        after: { people, units },
      });
      await alsoInTransaction?.(trx, row.id);
      return row;
    });
    return this.get(actor, job.id);
  }

  /** Runs (or resumes) a job to the end, batch by batch; `actor` files what needs no application. */
  async run(
    jobId: string,
    actor: Actor,
    options: {
      batchSize?: number;
      onProgress?: (progress: SweepProgress) => void;
      /** Stop after this many batches, the place saved ('paused'): one queued slice of the sweep. */
      maxBatches?: number;
      /** Adds what this run decided and each stage's time to this (the benchmark's split, a slice's output). */
      tally?: SweepTally;
    } = {},
  ): Promise<SweepOutcome> {
    if (this.running.has(jobId)) return 'running in this process';
    this.running.add(jobId);
    try {
      const slice = { left: options.maxBatches ?? Infinity };
      const tally = options.tally ?? emptyTally();
      return await this.runToEnd(jobId, actor, options.batchSize ?? this.batchSize, slice, tally, options.onProgress);
    } catch (error) {
      // Another runner of the same sweep saved a batch first (a retry that overtook a slow run): it goes on.
      if (error instanceof SweepMovedOn) return 'moved on elsewhere';
      throw error;
    } finally {
      this.running.delete(jobId);
    }
  }

  private async runToEnd(
    jobId: string,
    actor: Actor,
    batchSize: number,
    slice: { left: number },
    tally: SweepTally,
    onProgress?: (progress: SweepProgress) => void,
  ): Promise<'done' | 'paused'> {
    const timed = async <T>(stage: 'read' | 'decide' | 'write', work: () => Promise<T> | T): Promise<T> => {
      const t0 = performance.now();
      try {
        return await work();
      } finally {
        tally[stage] += performance.now() - t0;
      }
    };
    const { engine, local } = await this.policies.engineWithSettings();
    const job = await this.db.selectFrom('sweep_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.state === 'done') return 'done';
    await this.db
      .updateTable('sweep_job')
      .set({ state: 'running', error: null, updated_at: this.clock.now() })
      .where('id', '=', jobId)
      .execute();
    const range = regionRange(job.region_code);
    const sweep = { jobId, judgedOn: job.judged_on, engine };
    try {
      const phase = job.phase;
      // A job saved before the (region, id) order kept only an id; it starts its phase again (offers are never made twice).
      let cursor =
        job.cursor !== null && job.cursor_region !== null ? { region: job.cursor_region, id: job.cursor } : null;
      // Without a saved place the phase starts from the beginning, so its count does too.
      let done = cursor === null ? 0 : phase === 'people' ? job.people_done : job.units_done;
      if (phase === 'people') {
        const thread = this.decideInThread ? new DecidingThread({ jobId, judgedOn: job.judged_on, local }) : undefined;
        try {
          const people = await sweepPeople(
            {
              db: this.db,
              vault: this.vault,
              now: () => this.clock.now(),
              sweep,
              subsidies: engine.catalogue().filter((s) => s.applicant === 'person'),
              range,
              batchSize,
              total: job.people_total,
              slice,
              tally,
              ...(thread ? { thread } : {}),
              ...(onProgress ? { onProgress } : {}),
            },
            cursor,
            done,
          );
          if (people.ended === 'paused') return 'paused';
          cursor = people.cursor;
        } finally {
          await thread?.close();
        }
        // Only the runner whose place is the saved one turns the phase (decision 024).
        const last = cursor;
        const turned = await this.db
          .updateTable('sweep_job')
          .set({ phase: 'units', cursor: null, cursor_region: null, updated_at: this.clock.now() })
          .where('id', '=', jobId)
          .where('phase', '=', 'people')
          .where((eb) => (last ? eb('cursor', '=', last.id) : eb('cursor', 'is', null)))
          .executeTakeFirst();
        if (Number(turned.numUpdatedRows) === 0) throw new SweepMovedOn();
        cursor = null;
        done = 0;
      }
      const subsidies = engine.catalogue().filter((s) => s.applicant === 'organisation');
      for (;;) {
        const from = cursor;
        const batch = await timed('read', () =>
          readBatch<UnitInBatch>(this.db, 'organisation', range, cursor, batchSize),
        );
        if (batch.length === 0) break;
        // A unit's paid lists name hires by registry id; its per-hire rules need their ID numbers.
        const idNumbers = await timed('read', () =>
          idNumbersOf(
            this.db,
            this.vault,
            listedIn(batch.flatMap((u) => u.applications.filter((a) => a.state === 'paid'))),
          ),
        );
        const offers = await timed('decide', () =>
          batch.flatMap((u) =>
            offersFor(
              sweep,
              subsidies,
              null,
              u.id,
              u.region_code,
              u.applications,
              organisationFacts(
                u,
                u.facts,
                received(u.applications, 'organisation_id', (id) => idNumbers.get(id)),
              ),
            ),
          ),
        );
        cursor = lastOf(batch);
        done += batch.length;
        tally.units += batch.length;
        await timed('write', () => saveBatch(this.db, this.clock.now(), jobId, 'units', from, cursor, done, offers));
        onProgress?.({ phase: 'units', done, total: job.units_total });
        await failpoint('sweep.after-batch');
        if (--slice.left <= 0) return 'paused';
      }
      await this.filing.fileWhatNeedsNoApplication(jobId, actor, onProgress);
      await this.db
        .updateTable('sweep_job')
        .set({ state: 'done', finished_at: this.clock.now(), updated_at: this.clock.now() })
        .where('id', '=', jobId)
        .execute();
      return 'done';
    } catch (error) {
      if (error instanceof SweepMovedOn) throw error;
      await this.db
        .updateTable('sweep_job')
        .set({ state: 'failed', error: String(error), updated_at: this.clock.now() })
        .where('id', '=', jobId)
        .execute();
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<SweepView> {
    const range = regionRange(actor.regionCode);
    const j = await this.db
      .selectFrom('sweep_job')
      .selectAll()
      .where('id', '=', id)
      .where('region_code', '>=', range.low)
      .where('region_code', '<=', range.high)
      .executeTakeFirst();
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
  offers(actor: Actor, state?: OfferView['state']): Promise<OfferView[]> {
    return this.offerDesk.offers(actor, state);
  }

  /** The person or unit confirms in one step: their application is filed and submitted. */
  confirm(actor: Actor, offerId: string, language?: string): Promise<ApplicationViewT> {
    return this.offerDesk.confirm(actor, offerId, language);
  }

  /** The person or unit says no: the offer is closed and the next sweep does not make it again. */
  decline(actor: Actor, offerId: string): Promise<OfferView> {
    return this.offerDesk.decline(actor, offerId);
  }
}
