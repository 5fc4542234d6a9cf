import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Place } from './sweep-batch.js';

/** One part's share of the (region, id) order: the keys after `after` up to `upto`, both null at the open ends. */
export interface PartBounds {
  readonly after: Place;
  readonly upto: Place;
}

/** How many people (or units) a region holds now: the sweep's totals, which its parts share. */
export async function countIn(
  db: Kysely<Database>,
  table: 'person' | 'organisation',
  range: { low: string; high: string },
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Cuts a region's people (or units) into `parts` ranges of the (region, id) order, about equal in
 * number as the registry stands (decision 009). The ends are keys read now, and the first part is
 * open below, the last above, so together the parts cover every key there is or will be, with no
 * gap and no overlap: one added during the sweep falls in exactly one part, and is decided if that
 * part has not yet walked past it, as in a sweep of one part. With fewer rows than parts some parts
 * are empty (their ends equal).
 */
export async function partBounds(
  db: Kysely<Database>,
  table: 'person' | 'organisation',
  range: { low: string; high: string },
  count: number,
  parts: number,
): Promise<PartBounds[]> {
  // The last key of each part but the last: the one at the end of its share of `count`.
  const ends: Place[] = [];
  for (let i = 1; i < parts; i++) {
    const taken = Math.floor((count * i) / parts);
    const { rows } =
      taken === 0
        ? { rows: [] }
        : await sql<{ region_code: string; id: string }>`
            select region_code, id from ${sql.table(table)}
            where region_code >= ${range.low} and region_code <= ${range.high}
            order by region_code, id offset ${taken - 1} limit 1`.execute(db);
    const row = rows[0];
    // No key yet (or fewer than counted): the part ends before every key and is empty; the next,
    // from the same place, takes them.
    ends.push(row ? { region: row.region_code, id: row.id } : (ends[ends.length - 1] ?? BEFORE_ALL));
  }
  return Array.from({ length: parts }, (_, i) => ({
    after: i === 0 ? null : (ends[i - 1] ?? null),
    upto: i === parts - 1 ? null : (ends[i] ?? null),
  }));
}

/**
 * The sweep's parts, each with its people's and units' ends, starting after its lower end (the
 * first, from the region's start).
 */
export async function insertParts(
  trx: Kysely<Database>,
  sweepJobId: string,
  people: readonly PartBounds[],
  units: readonly PartBounds[],
): Promise<void> {
  await trx
    .insertInto('sweep_part')
    .values(
      people.map((p, part) => {
        const u = units[part] as PartBounds;
        return {
          sweep_job_id: sweepJobId,
          part,
          people_after_region: p.after?.region ?? null,
          people_after_id: p.after?.id ?? null,
          people_upto_region: p.upto?.region ?? null,
          people_upto_id: p.upto?.id ?? null,
          units_after_region: u.after?.region ?? null,
          units_after_id: u.after?.id ?? null,
          units_upto_region: u.upto?.region ?? null,
          units_upto_id: u.upto?.id ?? null,
          cursor_region: p.after?.region ?? null,
          cursor: p.after?.id ?? null,
        };
      }),
    )
    .execute();
}

/** A sweep's parts not yet done, in order. */
export function unfinishedParts(db: Kysely<Database>, sweepJobId: string): Promise<{ part: number }[]> {
  return db
    .selectFrom('sweep_part')
    .select('part')
    .where('sweep_job_id', '=', sweepJobId)
    .where('phase', '<>', 'done')
    .orderBy('part')
    .execute();
}

/** A place before every key: every region code sorts after '' (the batch query's start, too). */
const BEFORE_ALL = { region: '', id: '00000000-0000-0000-0000-000000000000' };
