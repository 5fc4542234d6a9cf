import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { PolicyService } from '../policies/policy-service.js';
import { regionRange } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import {
  SweepMovedOn,
  turnPart,
  type PartRef,
  type Place,
  type SweepProgress,
  type SweepTally,
} from './sweep-batch.js';
import { DecidingThread } from './sweep-deciding-thread.js';
import { sweepPeople } from './sweep-people.js';
import { sweepUnits } from './sweep-units.js';

/** What walking a part needs from the sweep's service. */
export interface WalkDeps {
  readonly db: Kysely<Database>;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly policies: PolicyService;
  /** Decide batches of people in a worker thread (`HUIMIN_SWEEP_THREAD`, decision 009). */
  readonly decideInThread: boolean;
}

/** The sweep failed: its state says so, with the error, for staff following it. */
export async function markFailed(db: Kysely<Database>, now: Date, jobId: string, error: unknown): Promise<void> {
  await db
    .updateTable('sweep_job')
    .set({ state: 'failed', error: String(error), updated_at: now })
    .where('id', '=', jobId)
    .execute();
}

/** One part's walk: its people, then its units, from its saved place; 'done' once it has none left. */
export async function walkPart(
  deps: WalkDeps,
  at: PartRef,
  batchSize: number,
  slice: { left: number },
  tally: SweepTally,
  onProgress?: (progress: SweepProgress) => void,
): Promise<'done' | 'paused'> {
  const { jobId } = at;
  const { engine, local } = await deps.policies.engineWithSettings();
  const job = await deps.db.selectFrom('sweep_job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  if (job.state === 'done') return 'done';
  const row = await deps.db
    .selectFrom('sweep_part')
    .selectAll()
    .where('sweep_job_id', '=', jobId)
    .where('part', '=', at.part)
    .executeTakeFirstOrThrow();
  if (row.phase === 'done') return 'done';
  await deps.db
    .updateTable('sweep_job')
    .set({ state: 'running', error: null, updated_at: deps.clock.now() })
    .where('id', '=', jobId)
    .where('state', '<>', 'done')
    .execute();
  const place = (region: string | null, id: string | null): Place =>
    region !== null && id !== null ? { region, id } : null;
  const range = regionRange(job.region_code);
  const sweep = { jobId, judgedOn: job.judged_on, engine };
  // What walking people and walking units share.
  const walk = {
    db: deps.db,
    vault: deps.vault,
    now: () => deps.clock.now(),
    sweep,
    range,
    part: at,
    batchSize,
    slice,
    tally,
    ...(onProgress ? { onProgress } : {}),
  };
  try {
    const phase = row.phase;
    let cursor = place(row.cursor_region, row.cursor);
    let done = phase === 'people' ? row.people_done : row.units_done;
    if (phase === 'people') {
      const thread = deps.decideInThread ? new DecidingThread({ jobId, judgedOn: job.judged_on, local }) : undefined;
      try {
        const people = await sweepPeople(
          {
            ...walk,
            subsidies: engine.catalogue().filter((s) => s.applicant === 'person'),
            upto: place(row.people_upto_region, row.people_upto_id),
            total: job.people_total,
            ...(thread ? { thread } : {}),
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
      cursor = await turnPart(
        deps.db,
        deps.clock.now(),
        at,
        'people',
        cursor,
        place(row.units_after_region, row.units_after_id),
      );
      done = 0;
    }
    const units = await sweepUnits(
      {
        ...walk,
        subsidies: engine.catalogue().filter((s) => s.applicant === 'organisation'),
        upto: place(row.units_upto_region, row.units_upto_id),
        total: job.units_total,
      },
      cursor,
      done,
    );
    if (units.ended === 'paused') return 'paused';
    await turnPart(deps.db, deps.clock.now(), at, 'units', units.cursor, null);
    return 'done';
  } catch (error) {
    if (error instanceof SweepMovedOn) throw error;
    await markFailed(deps.db, deps.clock.now(), jobId, error);
    throw error;
  }
}
