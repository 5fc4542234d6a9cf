import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Where some days lie in the audit trail's numbers (decision 004: searching a province's trail).
 * From `ordered_from` on, each entry is no earlier than the one before (migration 0059), so the
 * entries of any days there are one range of numbers, found by two probes of `audit_entry_at`; a
 * page is then a walk back through that range, where it walked back from the newest entry to the
 * days asked for. Entries before `ordered_from` are in no promised order and are searched by their
 * times alone.
 */
export interface DaysInTrail {
  /** The first entry of the ordered part; null when the table is missing its row (search by times alone). */
  readonly orderedFrom: bigint | null;
  /** No entry before `orderedFrom` is later than this; null when none is known. */
  readonly olderMaxAt: Date | null;
  /** The ordered part's entries in the days, first and last number; null when it has none. */
  readonly range: { readonly low: string; readonly high: string } | null;
}

/**
 * The ordered part's entries at or after `from` and before `toEnd` (either may be open). Each bound
 * is one probe in time order, starting no earlier than the ordered part's first entry's time, so it
 * does not walk the older part's entries of the same days.
 */
export async function daysInTrail(db: Kysely<Database>, from: Date | null, toEnd: Date | null): Promise<DaysInTrail> {
  const low = from
    ? sql`(select a.seq from audit_entry a
            where a.seq >= o.ordered_from and a.at >= greatest(${from}::timestamptz, o.first_at)
            order by a.at, a.seq limit 1)`
    : sql`case when o.first_at is not null then o.ordered_from end`;
  const high = toEnd
    ? sql`(select a.seq from audit_entry a
            where a.seq >= o.ordered_from and a.at >= o.first_at and a.at < ${toEnd}::timestamptz
            order by a.at desc, a.seq desc limit 1)`
    : sql`(select max(a.seq) from audit_entry a)`;
  const { rows } = await sql<{
    ordered_from: string | null;
    older_max_at: Date | string | null;
    low: string | null;
    high: string | null;
  }>`
    -- The first entry's time by its number, in a subquery: as a join, the planner (knowing nothing of
    -- a one-row table it has no statistics for) hashed the whole trail to find it.
    with o as materialized (
      select t.ordered_from, t.older_max_at,
             (select a.at from audit_entry a where a.seq = t.ordered_from) as first_at
        from audit_time_order t
    )
    select o.ordered_from::text as ordered_from, o.older_max_at, ${low}::text as low, ${high}::text as high
      from (select 1) one
      left join o on true`.execute(db);
  const { ordered_from = null, older_max_at = null, low: first = null, high: last = null } = rows[0] ?? {};
  const orderedFrom = ordered_from === null ? null : BigInt(ordered_from);
  const olderMaxAt = older_max_at === null ? null : new Date(older_max_at);
  // No first entry (nothing recorded since the order began): `first_at` is null and no probe finds one.
  const range = first !== null && last !== null && BigInt(first) <= BigInt(last) ? { low: first, high: last } : null;
  return { orderedFrom, olderMaxAt, range };
}
