import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { SweepJobTable } from '../db/tables/proactive.js';
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
  return toView(j, { parts: Number(parts.n), amongPeople: amongPeople !== undefined });
}

type SweepJobRow = Selectable<SweepJobTable>;

/** The sweep as staff read it; a sweep cut into parts is among people while any part is. */
function toView(j: SweepJobRow, parts: { parts: number; amongPeople: boolean }): SweepView {
  return {
    id: j.id,
    regionCode: j.region_code,
    judgedOn: j.judged_on,
    state: j.state,
    phase: parts.parts === 0 ? j.phase : parts.amongPeople ? 'people' : 'units',
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

/**
 * The sweeps of the caller's regions, newest first: what was found when, and an interrupted one to
 * resume, without its id having been kept anywhere. Their parts are read in one statement.
 */
export async function recentSweeps(db: Kysely<Database>, actor: Actor, limit = 50): Promise<SweepView[]> {
  const range = regionRange(actor.regionCode);
  const jobs = await db
    .selectFrom('sweep_job')
    .selectAll()
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (jobs.length === 0) return [];
  const parts = await db
    .selectFrom('sweep_part')
    .select((eb) => [
      'sweep_job_id',
      eb.fn.countAll<string>().as('parts'),
      sql<boolean>`bool_or(phase = 'people')`.as('among_people'),
    ])
    .where(
      'sweep_job_id',
      'in',
      jobs.map((j) => j.id),
    )
    .groupBy('sweep_job_id')
    .execute();
  const of = new Map(parts.map((p) => [p.sweep_job_id, p]));
  return jobs.map((j) => {
    const p = of.get(j.id);
    return toView(j, { parts: Number(p?.parts ?? 0), amongPeople: p?.among_people === true });
  });
}
