import { sql, type Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { ApplicationViewT } from '../applications/applications.schemas.js';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { JobDefinition, JobQueue } from '../jobs/job-queue-service.js';
import type { PolicyService } from '../policies/policy-service.js';
import { regionRange } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import type { OfferView, SweepView } from './proactive.schemas.js';
import { SweepMovedOn, emptyTally, type SweepProgress, type SweepTally } from './sweep-batch.js';
import { countIn, insertParts, partBounds, unfinishedParts } from './sweep-parts.js';
import { recentSweeps, sweepView } from './sweep-views.js';
import { markFailed, walkPart } from './sweep-walk.js';
import { OfferService } from './offer-service.js';
import { NoApplicationFiling } from './sweep-filing.js';
import { sweepRunJob, type ActorOf, type SweepJobSettings, type SweepRunData } from './sweep-jobs.js';

/** How a run of the sweep is bounded and watched. */
export interface RunOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: SweepProgress) => void;
  /** Stop after this many batches, the place saved ('paused'): one queued slice of the sweep. */
  readonly maxBatches?: number;
  /** Adds what this run decided and each stage's time to this (the benchmark's split, a slice's output). */
  readonly tally?: SweepTally;
}

/** How a run ended: to the end, or left to another runner of the same job (decision 024). */
export type SweepOutcome =
  'done' | 'paused' | 'part done, others left' | 'running in this process' | 'moved on elsewhere';

/**
 * The proactive sweep (政策找人, 免申即享; 庆阳 方案 第2条; 川办发〔2024〕34号 (一)): every person and
 * every unit in the region is decided for every subsidy open to them, on the registry as it
 * stands; where the engine finds them eligible and they have not applied, they get an offer they
 * confirm in one step, or, where the region marks the subsidy as needing no application, the
 * sweep files the application itself and it goes straight to review.
 *
 * The sweep is cut into parts by (region, id) range (decision 009); each part walks its people,
 * then its units, in that order and saves its own place with each batch in the same transaction as
 * the batch's offers, so a killed part resumes where it stopped, a second run creates nothing twice,
 * and parts run side by side on several workers. Applications are filed last, from the offers, each under the offer's
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

  private background: { queue: JobQueue; job: JobDefinition<SweepRunData>; settings: SweepJobSettings } | undefined;

  /** Sweeps started over the API go to this queue; the composition root calls this once. */
  runOn(queue: JobQueue, actorOf: ActorOf, settings: SweepJobSettings = {}): void {
    this.background = { queue, job: queue.define(sweepRunJob(this, actorOf, settings)), settings };
  }

  /**
   * Starts a sweep and queues its parts for the workers, in one transaction: no job without its
   * rows, nor a row without its job. `parts` defaults to the setting (`HUIMIN_SWEEP_PARTS`, 1).
   */
  async startInBackground(actor: Actor, parts?: number): Promise<SweepView> {
    const { queue, job, settings } = this.queue();
    return this.start(
      actor,
      async (trx, sweepJobId, count) => {
        for (let part = 0; part < count; part++)
          await queue.send(
            job,
            { sweepJobId, part },
            { key: `sweep-${sweepJobId}-part-${part}`, trx: trx as unknown as Kysely<never> },
          );
      },
      parts ?? settings.parts ?? 1,
      true,
    );
  }

  /**
   * Queues an interrupted sweep again: one job that queues each unfinished part, or files and
   * finishes if none is left. A run already going elsewhere is not disturbed (its place is the guard).
   */
  async resumeInBackground(actor: Actor, id: string): Promise<SweepView> {
    const view = await this.get(actor, id);
    if (view.state !== 'done') {
      const { queue, job } = this.queue();
      await queue.send(job, { sweepJobId: id });
    }
    return view;
  }

  /** Queues each unfinished part of a sweep (a resumption's job); whether none was left. */
  async queueUnfinishedParts(id: string): Promise<'none left' | 'queued'> {
    const parts = await unfinishedParts(this.db, id);
    // Unkeyed: the job at a part's place may have failed for good, and its key is kept two weeks.
    const { queue, job } = this.queue();
    for (const { part } of parts) await queue.send(job, { sweepJobId: id, part });
    return parts.length === 0 ? 'none left' : 'queued';
  }

  /**
   * Queues a part's next slice. Keyed by the place it starts from, so a slice retried after it had
   * already queued its successor queues nothing more.
   */
  async continueInBackground(id: string, part: number): Promise<void> {
    const row = await this.db
      .selectFrom('sweep_part')
      .select(['phase', 'cursor'])
      .where('sweep_job_id', '=', id)
      .where('part', '=', part)
      .executeTakeFirstOrThrow();
    const { queue, job } = this.queue();
    await queue.send(
      job,
      { sweepJobId: id, part },
      { key: `sweep-${id}-${part}-${row.phase}-${row.cursor ?? 'start'}` },
    );
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

  private queue(): { queue: JobQueue; job: JobDefinition<SweepRunData>; settings: SweepJobSettings } {
    if (!this.background) throw new Error('sweeps are run in the background only with a job queue (runOn)');
    return this.background;
  }

  async start(
    actor: Actor,
    alsoInTransaction?: (trx: Kysely<Database>, sweepJobId: string, parts: number) => Promise<unknown>,
    /** How many (region, id) ranges the sweep is cut into, for as many workers to take side by side. */
    parts = 1,
    /** Answer with the region's sweep already running today, if there is one, instead of a second. */
    orTheOneRunning = false,
  ): Promise<SweepView> {
    if (!Number.isInteger(parts) || parts < 1) throw new Error(`a sweep has one part or more, not ${parts}`);
    // A start repeated while the first runs is answered before the region is counted (at a
    // province's size the counts are the costly part of a start); the check is made again below,
    // under the lock, for starts sent at the same moment.
    const already = orTheOneRunning ? await this.runningToday(this.db, actor.regionCode) : undefined;
    if (already) return this.get(actor, already.id);
    const range = regionRange(actor.regionCode);
    const people = await countIn(this.db, 'person', range);
    const units = await countIn(this.db, 'organisation', range);
    const peopleBounds = await partBounds(this.db, 'person', range, people, parts);
    const unitBounds = await partBounds(this.db, 'organisation', range, units, parts);
    const job = await this.db.transaction().execute(async (trx) => {
      if (orTheOneRunning) {
        // Starts sent at once (a double click, a retry) take turns here and find the first: each
        // started a sweep of its own before, every one walking the whole region (50 for 50).
        await sql`select pg_advisory_xact_lock(hashtextextended(${`sweep-start:${actor.regionCode}`}, 0))`.execute(trx);
        const running = await this.runningToday(trx, actor.regionCode);
        if (running) return running;
      }
      const row = await trx
        .insertInto('sweep_job')
        .values({
          region_code: actor.regionCode,
          judged_on: this.clock.today(),
          state: 'running',
          people_total: people,
          units_total: units,
          started_by: actor.accountId,
          // On the service's clock, as its end is: a sweep never reads as ending before it began.
          started_at: this.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'sweep.started',
        entityType: 'sweep_job',
        entityId: row.id,
        regionCode: actor.regionCode,
        after: { people, units, parts },
      });
      await insertParts(trx, row.id, peopleBounds, unitBounds);
      await alsoInTransaction?.(trx, row.id, parts);
      return row;
    });
    return this.get(actor, job.id);
  }

  /** The region's sweep started today and still running, if any. */
  private runningToday(db: Kysely<Database>, regionCode: string): Promise<{ id: string } | undefined> {
    return db
      .selectFrom('sweep_job')
      .select('id')
      .where('region_code', '=', regionCode)
      .where('judged_on', '=', this.clock.today())
      .where('state', '=', 'running')
      .executeTakeFirst();
  }

  /**
   * Runs (or resumes) a sweep to the end in this process, its unfinished parts one after another
   * (the embedded database, the command line); `actor` files what needs no application.
   */
  async run(jobId: string, actor: Actor, options: RunOptions = {}): Promise<SweepOutcome> {
    const slice = { left: options.maxBatches ?? Infinity };
    const parts = await unfinishedParts(this.db, jobId);
    for (const { part } of parts) {
      const outcome = await this.runPart(jobId, part, actor, options, slice);
      if (outcome !== 'done' && outcome !== 'part done, others left') return outcome;
    }
    return this.finishIfAllPartsDone(jobId, actor, options.onProgress);
  }

  /**
   * Runs (or resumes) one part of a sweep from its saved place, to its end or for `maxBatches`
   * batches ('paused'); the part that ends last files what needs no application and ends the sweep.
   */
  async runPart(
    jobId: string,
    part: number,
    actor: Actor,
    options: RunOptions = {},
    slice = { left: options.maxBatches ?? Infinity },
  ): Promise<SweepOutcome> {
    const key = `${jobId}/${part}`;
    if (this.running.has(key)) return 'running in this process';
    this.running.add(key);
    try {
      const tally = options.tally ?? emptyTally();
      const ended = await walkPart(
        {
          db: this.db,
          vault: this.vault,
          clock: this.clock,
          policies: this.policies,
          decideInThread: this.decideInThread,
        },
        { jobId, part },
        options.batchSize ?? this.batchSize,
        slice,
        tally,
        options.onProgress,
      );
      if (ended === 'paused') return 'paused';
      return await this.finishIfAllPartsDone(jobId, actor, options.onProgress);
    } catch (error) {
      // Another runner of the same part saved a batch first (a retry that overtook a slow run): it goes on.
      if (error instanceof SweepMovedOn) return 'moved on elsewhere';
      throw error;
    } finally {
      this.running.delete(key);
    }
  }

  /**
   * Once every part is done, the 免申即享 filings and the sweep's end. Two parts ending at once may
   * both file: each offer is marked once, and its application is filed under the offer's key.
   */
  private async finishIfAllPartsDone(
    jobId: string,
    actor: Actor,
    onProgress?: (progress: SweepProgress) => void,
  ): Promise<'done' | 'part done, others left'> {
    const left = await this.db
      .selectFrom('sweep_part')
      .select('part')
      .where('sweep_job_id', '=', jobId)
      .where('phase', '<>', 'done')
      .executeTakeFirst();
    if (left) return 'part done, others left';
    const job = await this.db.selectFrom('sweep_job').select('state').where('id', '=', jobId).executeTakeFirstOrThrow();
    if (job.state === 'done') return 'done';
    try {
      await this.filing.fileWhatNeedsNoApplication(jobId, actor, onProgress);
      // Its offers are announced after it ends, by the notification job (decision 016).
      await this.db
        .updateTable('sweep_job')
        .set({ state: 'done', finished_at: this.clock.now(), updated_at: this.clock.now() })
        .where('id', '=', jobId)
        .execute();
      return 'done';
    } catch (error) {
      await markFailed(this.db, this.clock.now(), jobId, error);
      throw error;
    }
  }

  /** A sweep in the caller's regions, with its progress. */
  /** The sweeps of the caller's regions, newest first. */
  list(actor: Actor): Promise<SweepView[]> {
    return recentSweeps(this.db, actor);
  }

  get(actor: Actor, id: string): Promise<SweepView> {
    return sweepView(this.db, actor, id);
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
