import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { workbook } from '../../testing/sheets.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { REGISTRATION_COLUMNS } from './registration-sheets.js';

/**
 * A person has one 就业创业证. A clerk registering them reads that they hold none and issues one;
 * an import of their old registration, with the old system's number, does the same. On a
 * PostgreSQL server the two truly run at once: the clerk's registration is held at the region-year's
 * serial (as another clerk issuing a card would hold it) after reading "no card", while the import
 * runs. Without the card-holder locks the import recorded its number meanwhile and the clerk then
 * issued a second card.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
/** A file in the template's columns, each row by column key. */
const file = (rows: Record<string, string>[]) =>
  workbook(
    REGISTRATION_COLUMNS.map((c) => `${c.zh} (${c.key})`),
    rows.map((row) => REGISTRATION_COLUMNS.map((c) => row[c.key] ?? '')),
  );

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'race-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

describe.skipIf(!process.env.DATABASE_URL)('a clerk and an import giving one person a card at once', () => {
  it('leave the person one card', async () => {
    const id = idNumber('1988-08-08');
    const created = await clerk.request('POST', '/api/v1/people', { idNumber: id, name: '并发', regionCode: '510104' });
    expectOk(created, 201);
    const personId = created.json<{ id: string }>().id;

    const side = new pg.Client({ connectionString: app.databaseUrl });
    await side.connect();
    try {
      await side.query('begin');
      await side.query(`select pg_advisory_xact_lock(hashtextextended('card-number:510104-2026-', 0))`);
      // Sent now (an injected request goes out when it is first awaited).
      const registering = Promise.resolve(
        clerk.request('POST', '/api/v1/employment-services/registrations', {
          personId,
          kind: 'unemployment',
          regionCode: '510104',
          basis: 'residence',
          startsOn: '2026-09-01',
        }),
      );
      await waitForAdvisoryWaiters(side, 1);
      let importDone = false;
      const importing = file([
        {
          idNumber: id,
          kind: '失业登记',
          regionCode: '510104',
          basis: '常住地',
          startsOn: '2020-01-01',
          endsOn: '2020-06-30',
          endReason: '已就业',
          cardNumber: 'OLD-RACE-1',
        },
      ])
        .then((sheet) =>
          clerk.request('POST', '/api/v1/employment-services/registrations/import', sheet, {
            'content-type': 'application/octet-stream',
          }),
        )
        .finally(() => (importDone = true));
      // The import either waits for the clerk's registration (the lock) or, without it, finishes.
      await waitForAdvisoryWaiters(side, 2, () => importDone);
      await side.query('commit');
      expectOk(await registering, 201);
      const imported = await importing;
      expect(imported.statusCode).toBe(422);
      expect(imported.body).toContain('此人已持有就业创业证 510104-2026-');
    } finally {
      await side.end();
    }
    const cards = await app.database.db
      .selectFrom('employment_registration')
      .select('card_number')
      .distinct()
      .where('person_id', '=', personId)
      .execute();
    expect(cards).toHaveLength(1);
    // Reading a workbook on a busy machine can take a while; nothing here is timed.
  }, 180_000);
});

/** Until `count` statements of this database wait on an advisory lock, or `done` says to stop looking. */
async function waitForAdvisoryWaiters(client: pg.Client, count: number, done = () => false): Promise<void> {
  while (!done()) {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`,
    );
    if (Number(rows[0]?.n) >= count) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
