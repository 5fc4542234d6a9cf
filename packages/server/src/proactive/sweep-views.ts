import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { SweepJobTable } from '../db/tables/proactive.js';
import { AppError } from '../http/errors.js';
import { regionRange } from '../regions/region-scope.js';
import type { SweepView } from './proactive.schemas.js';

type SweepJobRow = Selectable<SweepJobTable>;

/** A sweep in the caller's regions as staff follow it: its state, phase and counts. */
export async function sweepView(db: Kysely<Database>, actor: Actor, id: string): Promise<SweepView> {
  const [view] = await sweepsInScope(db, actor, (q) => q.where('id', '=', id));
  if (!view) throw new AppError('SWEEP_NOT_FOUND', 404);
  return view;
}

/**
 * The sweeps of the caller's regions, newest first: what was found when, and an interrupted one to
 * resume, without its id having been kept anywhere.
 */
export function recentSweeps(db: Kysely<Database>, actor: Actor, limit = 50): Promise<SweepView[]> {
  return sweepsInScope(db, actor, (q) => q.orderBy('started_at', 'desc').orderBy('id').limit(limit));
}

type JobQuery = ReturnType<typeof jobsIn>;
const jobsIn = (db: Kysely<Database>, range: { low: string; high: string }) =>
  db.selectFrom('sweep_job').selectAll().where('region_code', '>=', range.low).where('region_code', '<=', range.high);

/** The chosen sweeps of the caller's regions as views, their parts read in one statement. */
async function sweepsInScope(
  db: Kysely<Database>,
  actor: Actor,
  choose: (q: JobQuery) => JobQuery,
): Promise<SweepView[]> {
  const jobs = await choose(jobsIn(db, regionRange(actor.regionCode))).execute();
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
