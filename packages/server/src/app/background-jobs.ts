import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { deferredMaterialsJob } from '../applications/deferred-materials-job.js';
import type { Database } from '../db/schema.js';
import { JobQueue, jobRoleFrom, type JobDefinition, type JobRole } from '../jobs/job-queue-service.js';
import type { ReturnImportJobSettings } from '../payments/return-import-job.js';
import type { SweepJobSettings } from '../proactive/sweep-jobs.js';
import type { Services } from './build-app.js';

/** How the composition root sets up background work (decision 024). */
export interface JobOptions {
  /** `serve` enqueues only; `worker` runs jobs; `all` (default) both, in one process. */
  readonly role?: JobRole;
  /** How often an idle worker asks for work, in seconds (pg-boss's floor is 0.5; default 2). */
  readonly pollingIntervalSeconds?: number;
  /** How often a worker fails runs past their expiry so they are retried (default 60). */
  readonly maintenanceIntervalSeconds?: number;
  /** Seconds between sendings of pending text messages (a worker's tick); none when absent. */
  readonly notificationDispatchSeconds?: number;
  /** How many text messages may await the gateway at once (the notification service's default when absent). */
  readonly smsInFlight?: number;
  /** Seconds between runs of 容缺受理's deadline sweep (a worker's tick, decision 026); none when absent. */
  readonly deferredMaterialsSweepSeconds?: number;
  /** The sweep's slices: their size and expiry. */
  readonly sweep?: SweepJobSettings;
  /** Which return files are imported by a worker, and how long one may run. */
  readonly returnImports?: ReturnImportJobSettings;
}

/**
 * The queue's settings from the environment: `HUIMIN_ROLE`, `HUIMIN_JOB_MAINTENANCE_SECONDS` (how
 * often a worker expires dead runs, default 60) and `HUIMIN_SWEEP_SLICE_SECONDS` (how long a sweep
 * slice may run before it is taken as dead, default 900) and `HUIMIN_SWEEP_PARTS` (how many parts a
 * sweep is cut into for workers to take side by side, default 1; decision 009).
 */
export function jobOptionsFrom(env: NodeJS.ProcessEnv): JobOptions {
  const seconds = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${value}`);
    return n;
  };
  const maintenance = seconds('HUIMIN_JOB_MAINTENANCE_SECONDS');
  const slice = seconds('HUIMIN_SWEEP_SLICE_SECONDS');
  const parts = seconds('HUIMIN_SWEEP_PARTS');
  const sweep = { ...(slice ? { expireInSeconds: slice } : {}), ...(parts ? { parts } : {}) };
  return {
    role: jobRoleFrom(env.HUIMIN_ROLE),
    ...(maintenance ? { maintenanceIntervalSeconds: maintenance } : {}),
    ...(slice || parts ? { sweep } : {}),
  };
}

/**
 * Announcing ended sweeps' offers, then sending pending text messages (decision 016), once a
 * worker's tick every few seconds. `stately`: however many workers tick, one waits and one runs;
 * each sweep and each message is claimed anyway.
 */
function notificationDispatchJob(services: Services, smsInFlight?: number): JobDefinition<Record<string, never>> {
  return {
    name: 'notifications.dispatch',
    policy: 'stately',
    retryLimit: 1,
    retryDelaySeconds: 5,
    expireInSeconds: 600,
    run: async () => ({
      announced: await services.notifications.announceEndedSweeps(),
      ...(await services.notifications.dispatchPending(smsInFlight ? { inFlight: smsInFlight } : {})),
    }),
  };
}

/** The queue with every kind of job defined, started in its role. */
export async function startJobs(
  db: Kysely<Database>,
  services: Services,
  options: JobOptions,
  log: FastifyBaseLogger,
): Promise<JobQueue> {
  const queue = new JobQueue(db as unknown as Kysely<never>, {
    role: options.role ?? 'all',
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    onError: (error) => log.error({ err: error }, 'job queue error'),
  });
  const actorOf = (accountId: string) => services.sessions.actorOf(accountId, null);
  services.sweeps.runOn(queue, actorOf, options.sweep);
  services.payments.runOn(queue, actorOf, options.returnImports);
  const dispatch = queue.define(notificationDispatchJob(services, options.smsInFlight));
  const deferred = queue.define(deferredMaterialsJob(services.applications));
  await queue.start();
  if (options.notificationDispatchSeconds) queue.every(dispatch, options.notificationDispatchSeconds, {});
  if (options.deferredMaterialsSweepSeconds) queue.every(deferred, options.deferredMaterialsSweepSeconds, {});
  return queue;
}
