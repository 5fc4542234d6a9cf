import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import { databaseBefore } from './migration.test-kit.js';

/**
 * 0048 on a database that already holds spot checks: every earlier draw gets the day it was made
 * (Beijing time), and where a region drew more than once in a day — which nothing stopped before —
 * the first stands and the later ones become its redraws, with a reason saying none was asked.
 */
const NAME = '20261205-0048-spot-check-one-draw-per-day';
let database: DatabaseHandle;
let m0048: Migration;

beforeAll(async () => {
  ({ database, migration: m0048 } = await databaseBefore(NAME));
}, 120_000);
afterAll(() => database?.close());

describe('migration 0048: one spot-check draw per region and day', () => {
  it('keeps the day’s first draw and makes the later ones its redraws', async () => {
    const db = database.db;
    const { id: account } = await db
      .insertInto('account')
      .values({
        username: 'old-supervisor',
        display_name: '监督员',
        roles: ['supervisor'],
        region_code: '510100',
        password_hash: 'not-a-login',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const drawAt = async (at: string) =>
      (
        await sql<{ id: string }>`insert into spot_check (region_code, seed, candidates, inspectors, sample_size, created_by, created_at)
          values ('510100', ${at}, '[]', '[]', 1, ${account}, ${at}::timestamptz) returning id`.execute(db)
      ).rows[0]!.id;
    // 23:30 UTC on the 22nd is 07:30 on the 23rd in Beijing: the same bureau day as the next two.
    const first = await drawAt('2026-11-22T23:30:00Z');
    const second = await drawAt('2026-11-23T02:00:00Z');
    const third = await drawAt('2026-11-23T09:00:00Z');
    const nextDay = await drawAt('2026-11-23T17:00:00Z');

    await m0048.up(db as never);

    const rows = await sql<{ id: string; period: string; redraw_of: string | null; reason: string | null }>`
      select id, period::text as period, redraw_of, reason from spot_check order by created_at`.execute(db);
    expect(rows.rows.map((r) => [r.id, r.period, r.redraw_of])).toEqual([
      [first, '2026-11-23', null],
      [second, '2026-11-23', first],
      [third, '2026-11-23', first],
      [nextDay, '2026-11-24', null],
    ]);
    expect(rows.rows[1]!.reason).toContain('未要求填写理由');

    // From now on the database itself lets one first draw stand per region and day.
    await expect(
      sql`insert into spot_check (region_code, period, seed, candidates, inspectors, sample_size, created_by)
          values ('510100', '2026-11-23', 's', '[]', '[]', 1, ${account})`.execute(db),
    ).rejects.toThrow(/spot_check_one_per_region_day/);
    // And a redraw always says why.
    await expect(
      sql`insert into spot_check (region_code, period, seed, candidates, inspectors, sample_size, created_by, redraw_of)
          values ('510100', '2026-11-23', 's', '[]', '[]', 1, ${account}, ${first})`.execute(db),
    ).rejects.toThrow(/spot_check_redraw_has_reason/);
  });
});
