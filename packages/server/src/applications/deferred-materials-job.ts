import type { JobDefinition } from '../jobs/job-queue-service.js';
import type { ApplicationService } from './application-service.js';

/**
 * 容缺受理's deadline sweep as a worker's tick (decision 026): `stately`, so however many workers
 * tick, one waits and one runs. Running it twice in a day changes nothing the first did not: each
 * application is returned once, checked again under its row lock.
 */
export function deferredMaterialsJob(applications: ApplicationService): JobDefinition<Record<string, never>> {
  return {
    name: 'applications.deferred-materials',
    policy: 'stately',
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 900,
    run: () => applications.deferrals.lapseOverdue(),
  };
}

/** How often a worker runs the sweep: hourly, so an application is returned within the hour its deadline passes. */
export const DEFERRED_MATERIALS_SWEEP_SECONDS = 3600;
