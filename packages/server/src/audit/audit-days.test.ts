import { sql } from 'kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditorOf, pageThrough } from '../testing/auditor.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { AuditService } from './audit-service.js';
import { recordAudit, SKEW_TOLERATED_MS } from './audit-trail.js';

/**
 * An auditor's search by days finds what a filter of the whole trail by time finds, page after
 * page, whether the days fall in the ordered part of the trail (one range of numbers, migration
 * 0059), before it (times in no promised order), or across both.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const REGIONS = ['510104', '510105', '510300'];
const START = Date.parse('2026-03-01T00:00:00+08:00');

/**
 * Twelve days of entries about two hours apart in three regions, written as servers would with
 * clocks that disagree: at the 30th a server three hours behind, at the 121st one two days behind
 * (each starts the ordered part again), the rest in order.
 */
function trailTimes(): number[] {
  const times: number[] = [];
  for (let i = 0; i < 150; i++) {
    const on = START + i * 2 * HOUR_MS + (i % 7) * 60_000;
    times.push(i === 29 ? on - 3 * HOUR_MS : i >= 120 ? on - 2 * DAY_MS : on);
  }
  return times;
}

async function writeTrail(): Promise<void> {
  const db = app.database.db;
  const { rows } = await sql<{ seq: string | null }>`select max(seq)::text as seq from audit_entry`.execute(db);
  let seq = Number(rows[0]?.seq ?? 0);
  for (const [i, at] of trailTimes().entries()) {
    seq++;
    await sql`insert into audit_entry (seq, at, region_code, action, outcome, prev_hash, hash)
      values (${seq}, ${new Date(at)}, ${REGIONS[i % 3]}, 'test.entry', 'success', 'p', ${`h${seq}`})`.execute(db);
  }
}

const day = (offset: number) => new Date(START + offset * DAY_MS + 8 * HOUR_MS).toISOString().slice(0, 10);

describe('searching the audit trail by days', () => {
  it('finds, page by page, every entry of the days and no other, wherever the days fall', async () => {
    await writeTrail();
    const db = app.database.db;
    const everything = await db.selectFrom('audit_entry').selectAll().orderBy('seq', 'desc').execute();
    const firstOutOfOrder = everything.at(-1 - 120)?.seq; // the 121st of the trail, counting from its start
    const { rows } = await sql<{ ordered_from: string }>`select ordered_from::text from audit_time_order`.execute(db);
    expect(rows[0]?.ordered_from).toBe(firstOutOfOrder);
    const service = new AuditService(db, app.vault);

    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: -2, max: 13 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('510100', '510000', '510104'),
        async (fromDay, span, limit, region) => {
          const from = fromDay === undefined ? undefined : day(fromDay);
          const to = span === undefined ? undefined : day((fromDay ?? 0) + span);
          const low = from ? Date.parse(`${from}T00:00:00+08:00`) : -Infinity;
          const high = to ? Date.parse(`${to}T00:00:00+08:00`) + DAY_MS : Infinity;
          const prefix = region.replace(/0+$/, '');
          const expected = everything
            .filter((e) => (e.region_code ?? '').startsWith(prefix) && e.at.getTime() >= low && e.at.getTime() < high)
            .map((e) => e.seq);
          const query = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
          expect(await pageThrough(service, auditorOf(region), query, limit)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stamps an entry no earlier than the last one when this clock is a little behind, and believes it when far behind', async () => {
    const db = app.database.db;
    const tail = async () =>
      (await db.selectFrom('audit_entry').select(['seq', 'at', 'hash']).orderBy('seq', 'desc').limit(1).execute())[0]!;
    const orderedFrom = async () =>
      (await sql<{ ordered_from: string }>`select ordered_from::text from audit_time_order`.execute(db)).rows[0]
        ?.ordered_from;
    const aheadBy = async (ms: number) => {
      const last = await tail();
      await sql`insert into audit_entry (seq, at, action, outcome, prev_hash, hash)
        values (${String(BigInt(last.seq) + 1n)}, ${new Date(Date.now() + ms)}, 'test.ahead', 'success', ${last.hash}, 'h')`.execute(
        db,
      );
      return tail();
    };
    await recordAudit(db, app.vault, { actor: null, action: 'test.now' });

    // Another server's clock half a minute ahead wrote the last entry: this one's is stamped no earlier.
    const ahead = await aheadBy(SKEW_TOLERATED_MS / 2);
    const ordered = await orderedFrom();
    await recordAudit(db, app.vault, { actor: null, action: 'test.after-ahead' });
    const next = await tail();
    expect(next.at.getTime()).toBeGreaterThanOrEqual(ahead.at.getTime());
    expect(await orderedFrom()).toBe(ordered);

    // Ten minutes ahead is a wrong clock, not skew: this entry keeps its own time, and the ordered
    // part of the trail starts again at it.
    const farAhead = await aheadBy(10 * 60_000);
    await recordAudit(db, app.vault, { actor: null, action: 'test.after-far-ahead' });
    const own = await tail();
    expect(own.at.getTime()).toBeLessThan(farAhead.at.getTime());
    expect(await orderedFrom()).toBe(own.seq);
  });
});
