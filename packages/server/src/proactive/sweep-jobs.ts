import type { Actor } from '../auth/actor.js';
import type { JobDefinition } from '../jobs/job-queue-service.js';
import { hostname } from 'node:os';
import { emptyTally } from './sweep-batch.js';
import type { SweepService } from './sweep-service.js';

const workerName = () => `${hostname()}:${process.pid}`;

/** What a queued sweep needs: the job row holds the rest (region, date, who started it, its place). */
export interface SweepRunData {
  readonly sweepJobId: string;
}

/** The staff account a sweep runs as, from its id (the sessions' `actorOf`, handed in by the composition root). */
export type ActorOf = (accountId: string) => Promise<Actor>;

export interface SweepJobSettings {
  /** Batches one queued slice decides before it queues the next (default 10: 200,000 people). */
  readonly sliceBatches?: number;
  /** A slice still running after this long is taken as dead and retried elsewhere (default 15 minutes). */
  readonly expireInSeconds?: number;
}

/**
 * The sweep as a chain of queued slices (decision 024): each runs a few batches from the saved
 * place, as the account that started the sweep, then queues the next, so any worker takes the
 * next slice and a worker that dies costs one slice's expiry. Effects are at most once by the
 * sweep's own means: a batch saves its place only if the place is still the one it read after, and
 * a retried slice resumes from the saved place.
 */
export function sweepRunJob(
  sweeps: SweepService,
  actorOf: ActorOf,
  settings: SweepJobSettings,
): JobDefinition<SweepRunData> {
  return {
    name: 'sweep.run',
    retryLimit: 5,
    retryDelaySeconds: 5,
    expireInSeconds: settings.expireInSeconds ?? 900,
    async run({ sweepJobId }, job) {
      const startedBy = await sweeps.startedByIfUnfinished(sweepJobId);
      if (!startedBy) return { sweepJobId, outcome: 'already done' };
      const tally = emptyTally();
      const started = performance.now();
      const outcome = await sweeps.run(sweepJobId, await actorOf(startedBy), {
        maxBatches: settings.sliceBatches ?? 10,
        tally,
      });
      if (outcome === 'paused') await sweeps.continueInBackground(sweepJobId);
      // The output (pgboss.job) says which worker ran the slice and what it did: bench:sweep's split.
      const ms = Math.round(performance.now() - started);
      const did = Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, Math.round(v)]));
      return { sweepJobId, outcome, retryCount: job.retryCount, worker: workerName(), ms, ...did };
    },
  };
}
