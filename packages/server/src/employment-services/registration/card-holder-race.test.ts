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
  it('leave the person one card', async ({ signal }) => {
    const id = idNumber('1988-08-08');
    const created = await clerk.request('POST', '/api/v1/people', { idNumber: id, name: '并发', regionCode: '510104' });
    expectOk(created, 201);
    const personId = created.json<{ id: string }>().id;

    const row = {
      idNumber: id,
      kind: '失业登记',
      regionCode: '510104',
      basis: '常住地',
      startsOn: '2020-01-01',
      endsOn: '2020-06-30',
      endReason: '已就业',
      cardNumber: 'OLD-RACE-1',
    };
    const sheet = await file([row]);
    const importSheet = (body: Buffer) =>
      clerk.request('POST', '/api/v1/employment-services/registrations/import', body, {
        'content-type': 'application/octet-stream',
      });
    // The sheet reader's thread starts (loading exceljs, seconds on a busy machine) before the window
    // opens, with a file naming nobody on record, which is refused by row.
    expect((await importSheet(await file([{ ...row, idNumber: idNumber('1977-07-07') }]))).statusCode).toBe(422);

    const side = new pg.Client({ connectionString: app.databaseUrl });
    await side.connect();
    try {
      await side.query('begin');
      await side.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [SERIAL_LOCK]);
      const registering = settled(
        clerk.request('POST', '/api/v1/employment-services/registrations', {
          personId,
          kind: 'unemployment',
          regionCode: '510104',
          basis: 'residence',
          startsOn: '2026-09-01',
        }),
      );
      // The clerk's registration has read "no card" and waits for the serial (or ended otherwise).
      await waitUntilWaiting(side, SERIAL_LOCK, registering, signal);
      const importing = settled(importSheet(sheet));
      // The import either waits for the clerk's registration (the lock) or, without it, finishes.
      await waitUntilWaiting(side, CARD_HOLDERS_LOCK, importing, signal);
      await side.query('commit');
      expectOk(await registering.response, 201);
      const imported = await importing.response;
      expect(imported.statusCode).toBe(422);
      expect(imported.body).toContain('此人已持有就业创业证 510104-2026-');
    } finally {
      // Ending the side connection lets go of its lock, whatever happened above.
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

/** The region-year's serial a new card takes (`newCardNumber`), and the lock an import takes alone. */
const SERIAL_LOCK = 'card-number:510104-2026-';
const CARD_HOLDERS_LOCK = 'card-holders';

interface Settling<T> {
  readonly response: Promise<T>;
  readonly done: () => boolean;
}

/** A request sent now (an injected one goes out when first awaited), and whether it has answered. */
function settled<T>(request: PromiseLike<T>): Settling<T> {
  let done = false;
  const response = Promise.resolve(request).finally(() => (done = true));
  response.catch(() => undefined);
  return { response, done: () => done };
}

/**
 * Until a statement of this database waits for the advisory lock named `key`, or `request` has
 * answered. Watching that one lock, not any advisory wait: the job queue takes advisory locks of
 * its own. If the test is cut off first, what waits in this database is logged, and the caller's
 * `finally` lets go of the side connection's lock so the app can close.
 */
async function waitUntilWaiting(
  client: pg.Client,
  key: string,
  request: Settling<unknown>,
  signal: AbortSignal,
): Promise<void> {
  while (!request.done()) {
    if (signal.aborted) {
      const { rows } = await client.query(
        `select state, wait_event_type, wait_event, regexp_replace(left(query, 160), '\\s+', ' ', 'g') as query
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      // The timeout's own error is what vitest reports; this is what the log shows beside it.
      console.error(`never waited for ${key}; this database's sessions:`, rows);
      throw new Error(`never waited for ${key}`);
    }
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_locks
        where locktype = 'advisory' and not granted and objsubid = 1
          and database = (select oid from pg_database where datname = current_database())
          and ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
      [key],
    );
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
