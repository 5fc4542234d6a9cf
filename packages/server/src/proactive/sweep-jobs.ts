import type { Actor } from '../auth/actor.js';
import type { JobDefinition } from '../jobs/job-queue-service.js';
import { hostname } from 'node:os';
import { emptyTally } from './sweep-batch.js';
import type { SweepService } from './sweep-service.js';

const workerName = () => `${hostname()}:${process.pid}`;

/** What a queued sweep needs: the job row holds the rest (region, date, who started it, its place). */
export interface SweepRunData {
  readonly sweepJobId: string;
  /** The part to run; without one, the job queues each unfinished part (a resumption), or finishes the sweep. */
  readonly part?: number;
}

/** The staff account a sweep runs as, from its id (the sessions' `actorOf`, handed in by the composition root). */
export type ActorOf = (accountId: string) => Promise<Actor>;

export interface SweepJobSettings {
  /** Batches one queued slice decides before it queues the next (default 10: 200,000 people). */
  readonly sliceBatches?: number;
  /** A slice still running after this long is taken as dead and retried elsewhere (default 15 minutes). */
  readonly expireInSeconds?: number;
  /** Parts a sweep started over the API is cut into, for that many workers at once (`HUIMIN_SWEEP_PARTS`, default 1). */
  readonly parts?: number;
}

/**
 * The sweep as parts by (region, id) range (decision 009), each a chain of queued slices (decision
 * 024): a slice runs a few batches of its part from the part's saved place, as the account that
 * started the sweep, then queues the part's next, so the parts are walked side by side by whichever
 * workers take them, and a worker that dies costs one slice's expiry. The part that ends last files
 * what needs no application and ends the sweep. Effects are at most once by the sweep's own means:
 * a batch saves its part's place only if the place is still the one it read after, and a retried
 * slice resumes from the saved place.
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
    async run({ sweepJobId, part }, job) {
      const startedBy = await sweeps.startedByIfUnfinished(sweepJobId);
      if (!startedBy) return { sweepJobId, outcome: 'already done' };
      const actor = await actorOf(startedBy);
      if (part === undefined) {
        // A resumption (or a job queued before parts): each unfinished part goes back on the queue.
        const queued = await sweeps.queueUnfinishedParts(sweepJobId);
        const outcome = queued === 'queued' ? 'parts queued' : await sweeps.run(sweepJobId, actor);
        return { sweepJobId, outcome };
      }
      const tally = emptyTally();
      const started = performance.now();
      const outcome = await sweeps.runPart(sweepJobId, part, actor, {
        maxBatches: settings.sliceBatches ?? 10,
        tally,
      });
      if (outcome === 'paused') await sweeps.continueInBackground(sweepJobId, part);
      // The output (pgboss.job) says which worker ran the slice and what it did: bench:sweep's split.
      const ms = Math.round(performance.now() - started);
      const did = Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, Math.round(v)]));
      return { sweepJobId, part, outcome, retryCount: job.retryCount, worker: workerName(), ms, ...did };
    },
  };
}
