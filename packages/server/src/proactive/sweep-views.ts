import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionRange } from '../regions/region-scope.js';
import type { SweepView } from './proactive.schemas.js';

/** A sweep in the caller's regions as staff follow it: its state, phase and counts. */
export async function sweepView(db: Kysely<Database>, actor: Actor, id: string): Promise<SweepView> {
  const range = regionRange(actor.regionCode);
  const j = await db
    .selectFrom('sweep_job')
    .selectAll()
    .where('id', '=', id)
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high)
    .executeTakeFirst();
  if (!j) throw new AppError('SWEEP_NOT_FOUND', 404);
  // The sweep is among people while any of its parts is.
  const amongPeople = await db
    .selectFrom('sweep_part')
    .select('part')
    .where('sweep_job_id', '=', id)
    .where('phase', '=', 'people')
    .executeTakeFirst();
  const parts = await db
    .selectFrom('sweep_part')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sweep_job_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: j.id,
    regionCode: j.region_code,
    judgedOn: j.judged_on,
    state: j.state,
    phase: Number(parts.n) === 0 ? j.phase : amongPeople ? 'people' : 'units',
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
