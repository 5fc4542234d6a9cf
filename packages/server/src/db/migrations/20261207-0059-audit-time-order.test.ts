import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import { databaseBefore } from './migration.test-kit.js';

/**
 * 0059 on a trail written before it, out of time order (two servers' clocks): the ordered part
 * begins after the last entry there, and from then on an entry stamped earlier than the one before
 * moves its beginning to that entry. The chain's tail now gives its time.
 */
const NAME = '20261207-0059-audit-time-order';
let database: DatabaseHandle;
let m0059: Migration;

beforeAll(async () => {
  ({ database, migration: m0059 } = await databaseBefore(NAME));
}, 120_000);
afterAll(() => database?.close());

const entry = (seq: number, at: string) =>
  sql`insert into audit_entry (seq, at, action, outcome, prev_hash, hash)
      values (${seq}, ${at}::timestamptz, 'test.entry', 'success', 'p', ${`h${seq}`})`.execute(database.db);

const orderedFrom = async () =>
  (await sql<{ ordered_from: string }>`select ordered_from::text from audit_time_order`.execute(database.db)).rows[0]
    ?.ordered_from;

describe('migration 0059: the audit trail in time order', () => {
  it('starts the ordered part after the trail it finds, then keeps it as entries are appended', async () => {
    await entry(1, '2026-12-01T10:00:00Z');
    await entry(2, '2026-12-01T10:00:05Z');
    await entry(3, '2026-12-01T10:00:02Z'); // a server three seconds behind
    await m0059.up(database.db);
    expect(await orderedFrom()).toBe('4');

    const { rows } = await sql<{ seq: string; hash: string; at: Date }>`
      select seq::text, hash, at from audit_chain_tail()`.execute(database.db);
    expect(rows.map((r) => [r.seq, r.hash, new Date(r.at).toISOString()])).toEqual([
      ['3', 'h3', '2026-12-01T10:00:02.000Z'],
    ]);

    await entry(4, '2026-12-01T10:01:00Z');
    await entry(5, '2026-12-01T10:01:00Z'); // the same instant is in order
    expect(await orderedFrom()).toBe('4');
    await entry(6, '2026-12-01T10:00:59.999Z'); // a millisecond earlier than the one before
    expect(await orderedFrom()).toBe('6');
    await entry(7, '2026-12-01T10:02:00Z');
    expect(await orderedFrom()).toBe('6');
  });
});
