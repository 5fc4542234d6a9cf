import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.js';

/** A list's count, exact up to a cap; past it, only that there are more. */
export interface CappedCount {
  readonly total: number;
  /** There are more rows than `total`. */
  readonly totalIsLowerBound: boolean;
}

/**
 * Counts a list's rows up to `cap`, reading at most one row past it: an exact count of a region's
 * or an account's hundreds of thousands of rows costs more than the page itself, and past the cap a
 * person narrows the list rather than pages through it. `rows` selects one column of each row.
 */
export async function countUpTo<TB extends keyof Database, O>(
  db: Kysely<Database>,
  rows: SelectQueryBuilder<Database, TB, O>,
  cap: number,
): Promise<CappedCount> {
  const counted = await db
    .selectFrom(rows.limit(cap + 1).as('capped'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return { total: Math.min(n, cap), totalIsLowerBound: n > cap };
}
