import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { permissionsOf } from '../auth/roles.js';
import { staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { CalendarService } from './calendar-service.js';

/** Several server processes on one database: a calendar year loaded through one is seen by the others. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await staff(app, 'calendar-admin', ['administrator'], '510000');
});
afterAll(() => app.close());

describe('the working-day calendar across server processes', () => {
  it('a year loaded through another process is used at the next check, without a restart', async () => {
    const db = app.database.db;
    const other = new CalendarService(db, app.vault, 0);
    // The first year neither bundled nor loaded yet.
    let year = 2026;
    while ((await other.year(year)) !== undefined) year++;
    const admin = await db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'calendar-admin')
      .executeTakeFirstOrThrow();
    await new CalendarService(db, app.vault).loadYear(
      {
        accountId: admin.id,
        username: 'calendar-admin',
        displayName: 'admin',
        roles: ['administrator'],
        permissions: permissionsOf(['administrator']),
        regionCode: '510000',
        personId: null,
        householdId: null,
        organisationId: null,
        ip: null,
      },
      { year, holidays: [`${year}-01-01`], workdays: [] },
    );
    // The re-read runs behind the use that starts it; the year is in use once it is read.
    await vi.waitFor(
      async () => expect(await other.year(year)).toMatchObject({ holidays: [`${year}-01-01`], loaded: true }),
      { timeout: 20_000 },
    );
  });

  it('between checks the calendar is kept, not read again per use', async () => {
    const kept = new CalendarService(app.database.db, app.vault);
    expect(await kept.calendar()).toBe(await kept.calendar());
  });
});
