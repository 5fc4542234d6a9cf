import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { queueDatabase } from './queue-database.js';

/**
 * What background work a process does (decision 024). `serve` answers HTTP and only enqueues;
 * `worker` runs the jobs and the queue's upkeep (expiring the runs of workers that died, retries);
 * `all` does both — the embedded database, where one process holds the data folder.
 */
export type JobRole = 'serve' | 'worker' | 'all';

export const JOB_ROLES: readonly JobRole[] = ['serve', 'worker', 'all'];

/** `HUIMIN_ROLE`: `all` when unset. */
export function jobRoleFrom(value: string | undefined): JobRole {
  if (value === undefined || value === '') return 'all';
  if ((JOB_ROLES as readonly string[]).includes(value)) return value as JobRole;
  throw new Error(`HUIMIN_ROLE must be serve, worker or all, got ${value}`);
}

/** The run of one job, as its handler sees it. */
export interface JobContext {
  readonly id: string;
  /** 0 on the first run; 1, 2 … when it runs again after a failure or after its worker died. */
  readonly retryCount: number;
}

/**
 * A kind of job. Its effects must be at most once by its own means (a unique key, a saved place,
 * a conditional update): the queue runs a job at least once — again after a failure, and again
 * when the worker that had it died or ran past `expireInSeconds`.
 */
export interface JobDefinition<T extends object> {
  /** The queue's name: letters, digits and `.`, e.g. `sweep.run`. */
  readonly name: string;
  readonly retryLimit: number;
  /** The wait before the first retry, doubled for each later one (with jitter, by pg-boss). */
  readonly retryDelaySeconds: number;
  /** A run still active after this long is taken as dead, failed and retried by another worker. */
  readonly expireInSeconds: number;
  /** `stately`: at most one waiting and one running — a periodic tick that must not pile up. */
  readonly policy?: 'standard' | 'stately';
  run(data: T, job: JobContext): Promise<object | void>;
}

export interface JobQueueSettings {
  readonly role: JobRole;
  /** How often an idle worker asks for work (pg-boss's floor is 0.5 s). */
  readonly pollingIntervalSeconds?: number;
  /** How often a worker expires dead runs and archives old ones. */
  readonly maintenanceIntervalSeconds?: number;
  /** A queue error (a failed poll, a lost connection); the queue goes on. */
  readonly onError?: (error: Error) => void;
}

export interface JobStatus {
  readonly state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  readonly retryCount: number;
  readonly output: unknown;
}

/**
 * The job queue: pg-boss (decision 024) in the platform's own database — the PostgreSQL server, or
 * the embedded database where the one process is both server and worker. Definitions are added
 * before `start`; a `serve` process creates their queues but never runs them.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private started = false;

  constructor(
    db: Kysely<never>,
    readonly settings: JobQueueSettings,
  ) {
    const works = settings.role !== 'serve';
    this.boss = new PgBoss({
      db: queueDatabase(db),
      migrate: true,
      // Expiring dead runs and archiving belong to the processes that run jobs.
      supervise: works,
      // No cron: periodic work is a worker's tick enqueueing a stately job (see `every`).
      schedule: false,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds ?? 60,
    });
    this.boss.on('error', (error: Error) => settings.onError?.(error));
  }

  get role(): JobRole {
    return this.settings.role;
  }

  /** The kinds of job this process runs: none in a `serve` process. */
  get runs(): readonly string[] {
    return this.settings.role === 'serve' || !this.started ? [] : [...this.definitions.keys()];
  }

  define<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
    if (this.started) throw new Error(`job ${definition.name} defined after the queue started`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
    return definition;
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const d of this.definitions.values()) {
      const options = {
        name: d.name,
        policy: d.policy ?? 'standard',
        retryLimit: d.retryLimit,
        retryDelay: d.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: d.expireInSeconds,
      } as const;
      await this.boss.createQueue(d.name, options);
      // A queue made by an earlier version keeps its row: bring its settings up to this definition.
      await this.boss.updateQueue(d.name, options);
    }
    this.started = true;
    if (this.settings.role === 'serve') return;
    for (const d of this.definitions.values())
      await this.boss.work<object>(
        d.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 2 },
        async ([job]) => (job ? d.run(job.data, { id: job.id, retryCount: job.retryCount }) : undefined),
      );
  }

  /**
   * Enqueues a job. With `key`, the job's id is derived from it, so sending the same key again while
   * the first is kept (two weeks) enqueues nothing and returns null. With `trx`, the job is part of
   * the caller's transaction: it exists only if that commits. With `afterSeconds`, no worker takes
   * it before then (a safety net behind work done elsewhere first).
   */
  async send<T extends object>(
    definition: JobDefinition<T>,
    data: T,
    options: { key?: string; trx?: Kysely<never>; afterSeconds?: number } = {},
  ): Promise<string | null> {
    return this.boss.send(definition.name, data, {
      ...(options.key ? { id: keyedId(definition.name, options.key) } : {}),
      ...(options.trx ? { db: queueDatabase(options.trx) } : {}),
      ...(options.afterSeconds ? { startAfter: options.afterSeconds } : {}),
    });
  }

  async status(definition: JobDefinition<object>, id: string): Promise<JobStatus | null> {
    const job = await this.boss.getJobById(definition.name, id, { includeArchive: true });
    return job ? { state: job.state, retryCount: job.retryCount, output: job.output } : null;
  }

  /**
   * Enqueues `definition` every `seconds` from this process while it runs jobs: a cron finer than
   * a minute. The job's `stately` policy keeps one waiting at most, however many workers tick.
   */
  every<T extends object>(definition: JobDefinition<T>, seconds: number, data: T): void {
    if (this.settings.role === 'serve') return;
    const tick = setInterval(() => {
      this.send(definition, data).catch((error: unknown) => this.settings.onError?.(error as Error));
    }, seconds * 1000);
    tick.unref();
    this.ticks.push(tick);
  }

  private readonly ticks: NodeJS.Timeout[] = [];

  /**
   * Takes no more jobs; those running go on. The first half of a worker's shutdown, and how a test
   * makes a worker that froze in a job look dead to the others (it never asks for work again).
   */
  async stopTaking(): Promise<void> {
    for (const tick of this.ticks.splice(0)) clearInterval(tick);
    for (const name of this.definitions.keys()) await this.boss.offWork(name);
  }

  /** Stops fetching, lets running jobs finish (up to `timeoutMs`), then fails what is still running so it is retried. */
  async stop(timeoutMs = 30_000): Promise<void> {
    for (const tick of this.ticks.splice(0)) clearInterval(tick);
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}

/** A job id from a key: the same key always names the same job. */
function keyedId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
