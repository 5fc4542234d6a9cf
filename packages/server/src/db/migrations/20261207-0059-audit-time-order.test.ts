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

const order = async () =>
  (
    await sql<{ ordered_from: string; older_max_at: Date | null }>`
      select ordered_from::text, older_max_at from audit_time_order`.execute(database.db)
  ).rows.map((r) => [r.ordered_from, r.older_max_at && new Date(r.older_max_at).toISOString()])[0];

describe('migration 0059: the audit trail in time order', () => {
  it('starts the ordered part after the trail it finds, then keeps it as entries are appended', async () => {
    await entry(1, '2026-12-01T10:00:00Z');
    await entry(2, '2026-12-01T10:00:05Z'); // the latest of the trail before 0059
    await entry(3, '2026-12-01T10:00:02Z'); // a server three seconds behind
    // As the migrator runs it: in a transaction (the trail is locked until it commits).
    await database.db.transaction().execute((trx) => m0059.up(trx));
    expect(await order()).toEqual(['4', '2026-12-01T10:00:05.000Z']);

    const { rows } = await sql<{ seq: string; hash: string; at: Date }>`
      select seq::text, hash, at from audit_chain_tail()`.execute(database.db);
    expect(rows.map((r) => [r.seq, r.hash, new Date(r.at).toISOString()])).toEqual([
      ['3', 'h3', '2026-12-01T10:00:02.000Z'],
    ]);

    await entry(4, '2026-12-01T10:01:00Z');
    await entry(5, '2026-12-01T10:01:00Z'); // the same instant is in order
    expect(await order()).toEqual(['4', '2026-12-01T10:00:05.000Z']);
    await entry(6, '2026-12-01T10:00:59.999Z'); // a millisecond earlier than the one before
    expect(await order()).toEqual(['6', '2026-12-01T10:01:00.000Z']);
    await entry(7, '2026-12-01T10:02:00Z');
    expect(await order()).toEqual(['6', '2026-12-01T10:01:00.000Z']);
  });

  it('sees a break whichever of the two entries around it is inserted first', async () => {
    // One statement inserting 9 before 8: when 8 goes in, 9 is already there and earlier than it.
    await sql`insert into audit_entry (seq, at, action, outcome, prev_hash, hash)
      values (9, '2026-12-01T10:03:00Z', 'test.entry', 'success', 'p', 'h9'),
             (8, '2026-12-01T10:04:00Z', 'test.entry', 'success', 'p', 'h8')`.execute(database.db);
    expect(await order()).toEqual(['9', '2026-12-01T10:04:00.000Z']);
  });
});
