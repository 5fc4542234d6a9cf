import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { AssignedInspectionT, SpotCheckSummaryT } from './spot-check.schemas.js';

/** What the spot-check pages read besides one draw: an inspector's work, and the region's past draws. */

/** Open items listed at most, the oldest first; the count of all open ones comes with them. */
export const OPEN_LISTED = 500;

/**
 * The caller's own inspections (我的抽查任务): every item still open, oldest draw first, then the
 * last recorded ones, newest first, so an inspector finds the work of any earlier day. Only the
 * draws that stand: a redraw is kept on record beside the first of its day, which is the one
 * inspected (以第一次抽取为准).
 */
export async function assignedInspections(
  db: Kysely<Database>,
  actor: Actor,
): Promise<{ inspections: AssignedInspectionT[]; open: number }> {
  // The caller's items of the draws that stand; listed with their application, or counted.
  const items = () =>
    db
      .selectFrom('spot_check_item as i')
      .innerJoin('spot_check as c', 'c.id', 'i.spot_check_id')
      .where('i.inspector_id', '=', actor.accountId)
      .where('c.redraw_of', 'is', null);
  const mine = () =>
    items()
      .innerJoin('application as a', 'a.id', 'i.application_id')
      .select([
        'i.id',
        'i.spot_check_id',
        'c.period',
        'c.region_code',
        'i.application_id',
        'a.number',
        'a.subsidy_id',
        'i.outcome',
        'i.note',
        'i.recorded_at',
      ]);
  const [open, recorded, count] = await Promise.all([
    mine()
      .where('i.outcome', 'is', null)
      .orderBy('c.period')
      .orderBy('c.created_at')
      .orderBy('i.rank')
      .limit(OPEN_LISTED)
      .execute(),
    mine()
      .where('i.outcome', 'is not', null)
      .orderBy('i.recorded_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(50)
      .execute(),
    // How many are open in all, so a list cut at OPEN_LISTED says so.
    items()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('i.outcome', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    open: Number(count.n),
    inspections: [...open, ...recorded].map((r) => ({
      spotCheckId: r.spot_check_id,
      itemId: r.id,
      period: r.period,
      regionCode: r.region_code,
      applicationId: r.application_id,
      applicationNumber: r.number,
      subsidy: r.subsidy_id,
      ...(r.outcome ? { outcome: r.outcome } : {}),
      ...(r.note ? { note: r.note } : {}),
      ...(r.recorded_at ? { recordedAt: r.recorded_at.toISOString() } : {}),
    })),
  };
}

export interface HistoryQuery {
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * 历次抽查: the draws of the caller's region and those below it, newest first, each with how many
 * of its items have an outcome and how many found a problem, so a supervisor or auditor can see
 * what was drawn on any day (a redraw beside the first it replaced) and open it.
 */
export async function drawHistory(
  db: Kysely<Database>,
  actor: Actor,
  q: HistoryQuery,
): Promise<{ total: number; draws: SpotCheckSummaryT[] }> {
  let base = db.selectFrom('spot_check as c').where('c.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
  if (q.from) base = base.where('c.period', '>=', q.from);
  if (q.to) base = base.where('c.period', '<=', q.to);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .leftJoin('spot_check_item as i', 'i.spot_check_id', 'c.id')
      .select((eb) => [
        'c.id',
        'c.period',
        'c.region_code',
        'c.sample_size',
        'c.redraw_of',
        'c.reason',
        'c.created_at',
        sql<number>`jsonb_array_length(c.candidates)`.as('candidates'),
        eb.fn.count<string>('i.id').as('items'),
        eb.fn.count<string>('i.outcome').as('recorded'),
        sql<string>`count(*) filter (where i.outcome = 'problem-found')`.as('problems'),
      ])
      .groupBy('c.id')
      .orderBy('c.period', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    draws: rows.map((r) => ({
      id: r.id,
      period: r.period,
      regionCode: r.region_code,
      sampleSize: r.sample_size,
      candidates: Number(r.candidates),
      items: Number(r.items),
      recorded: Number(r.recorded),
      problems: Number(r.problems),
      createdAt: r.created_at.toISOString(),
      ...(r.redraw_of ? { redrawOf: r.redraw_of, reason: r.reason ?? '' } : {}),
    })),
  };
}
