import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Loading a year of the State Council's calendar: every day named must exist and fall in that
 * year, or deadlines counted on it would skip days that are not there. A refused load changes
 * nothing: the year stays as it was.
 */
let app: TestApp;
let admin: Client;
const YEAR = 2031;
beforeAll(async () => {
  app = await startTestApp();
  admin = await staff(app, 'calendar-loader', ['administrator'], '510000');
  const loaded = await admin.request('PUT', `/api/v1/calendar/${YEAR}`, { holidays: [`${YEAR}-01-01`], workdays: [] });
  expect(loaded.statusCode).toBe(204);
});
afterAll(() => app.close());

async function stored(): Promise<unknown> {
  return (await admin.request('GET', `/api/v1/calendar/${YEAR}`)).json();
}

describe('loading a calendar year', () => {
  it.each([
    ['a day that does not exist', { holidays: [`${YEAR}-01-01`, `${YEAR}-02-30`], workdays: [] }, 'holidays[1]'],
    ['a month that does not exist', { holidays: [], workdays: [`${YEAR}-13-01`] }, 'workdays[0]'],
    ['a day of another year', { holidays: [`${YEAR + 1}-01-01`], workdays: [] }, 'holidays[0]'],
  ])('refuses %s, naming the day, and keeps the year as it was', async (_name, body, field) => {
    const before = await stored();
    const res = await admin.request('PUT', `/api/v1/calendar/${YEAR}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field });
    expect(res.json<{ message: string }>().message).toContain(field.startsWith('holidays') ? '节假日' : '工作日');
    expect(await stored()).toEqual(before);
  });

  it('names the day in English for an English caller', async () => {
    const res = await admin.request(
      'PUT',
      `/api/v1/calendar/${YEAR}`,
      { holidays: [`${YEAR + 1}-05-01`], workdays: [] },
      { 'accept-language': 'en-US' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain(`${YEAR}`);
    expect(res.json<{ message: string }>().message).toMatch(/holidays/);
  });
});

describe('the load in the audit trail', () => {
  it('is read by the auditors of the region of whoever loaded it', async () => {
    const auditor = await staff(app, 'calendar-auditor', ['auditor'], '510000');
    const page = (await auditor.request('GET', '/api/v1/audit?action=calendar.year-loaded')).json<{
      entries: { entityId: string }[];
    }>();
    expect(page.entries.map((e) => e.entityId)).toContain(String(YEAR));
  });
});
