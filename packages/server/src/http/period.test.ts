import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A report asked for days that end before they begin answers PERIOD_REVERSED at `to`, in the
 * caller's language, rather than an empty report that would read as "nothing happened".
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let finance: Client, auditor: Client;
let fundId: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  finance = await staff(app, 'period-finance', ['finance'], '510104');
  auditor = await staff(app, 'period-auditor', ['auditor'], '510104');
  const fund = await finance.request('POST', '/api/v1/funds', {
    code: 'PERIOD-REPORT',
    name: '报表期间',
    source: 'county-employment',
    year: 2026,
    regionCode: '510104',
  });
  expectOk(fund, 201);
  fundId = fund.json<{ id: string }>().id;
}, 180_000);
afterAll(() => app?.close());

describe('a report period whose end comes before its start', () => {
  const reports = () => [
    { who: finance, url: '/api/v1/funds/execution?' },
    { who: finance, url: `/api/v1/funds/execution/items?regionCode=510104&fundId=${fundId}&` },
    { who: auditor, url: '/api/v1/audit?' },
  ];

  it('is refused naming the end, “to”, in Chinese by default and in English when asked', async () => {
    for (const { who, url } of reports()) {
      const reversed = `${url}from=2026-11-01&to=2026-10-31`;
      const zh = await who.request('GET', reversed);
      expect([url, zh.statusCode, zh.json()]).toEqual([
        url,
        400,
        {
          code: 'PERIOD_REVERSED',
          field: 'to',
          message: '字段 截止：截止日期 2026-10-31 早于起始日期 2026-11-01',
          reason: '截止日期 2026-10-31 早于起始日期 2026-11-01',
        },
      ]);
      const en = await who.request('GET', reversed, undefined, { 'accept-language': 'en-US' });
      expect(en.json()).toEqual({
        code: 'PERIOD_REVERSED',
        field: 'to',
        message: 'Field to: the end (2026-10-31) is before the start (2026-11-01)',
        reason: 'The end (2026-10-31) is before the start (2026-11-01)',
      });
    }
  });

  it('is answered when the period is one day, from and to the same', async () => {
    for (const { who, url } of reports()) expectOk(await who.request('GET', `${url}from=2026-11-01&to=2026-11-01`));
  });
});
