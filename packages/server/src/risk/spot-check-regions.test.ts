import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { approvedClaim } from './spot-check.test-kit.js';

/**
 * 随机选派检查人员 within each inspector's reach: a city's draw covers its counties, but a county's
 * inspector can open only their own county's files, so they are never sent to another's.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
const applications: string[] = [];
let countyHead: Client;

type View = { items: { applicationId: string; applicationNumber: string; inspector: string }[] };

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510105', 10_000_000);
  const clerk = await staff(app, 'clerk-105', ['clerk'], '510105');
  const counter = await staff(app, 'counter-105', ['clerk'], '510105');
  const reviewer = await staff(app, 'reviewer-105', ['reviewer'], '510105');
  // A county with too few staff, where one person approves and supervises (an exception a region
  // may declare, 第二十五条; the account is made directly here): having approved every claim,
  // they may inspect none of them.
  countyHead = await staff(app, 'head-105', ['approver', 'supervisor'], '510105');
  for (let i = 0; i < 6; i++)
    applications.push(await approvedClaim({ clerk, counter, reviewer, approver: countyHead }, '510105', `青羊${i}`));
}, 60_000);
afterAll(() => app.close());

describe('spot-check inspectors are sent only where their region reaches', () => {
  it('a draw is refused while some claim has nobody who may inspect it, naming how many and which', async () => {
    const res = await countyHead.request('POST', '/api/v1/spot-checks', { sampleSize: 2 });
    expect(res.statusCode).toBe(409);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe('SPOT_CHECK_NO_INSPECTOR');
    expect(body.message).toContain('有 6 件');
    // Nothing was drawn.
    const today = (await countyHead.request('GET', '/api/v1/spot-checks/today')).json<{ draws: unknown[] }>();
    expect(today.draws).toEqual([]);
  });

  it('a city draw sends a county’s claims to the city’s inspectors or that county’s, never another county’s', async () => {
    const city = await staff(app, 'city-supervisor', ['supervisor'], '510100');
    const own = await staff(app, 'auditor-105', ['auditor'], '510105');
    // Three inspectors of another county: were they eligible, most items would land on them.
    const others = await Promise.all(['a', 'b', 'c'].map((n) => staff(app, `auditor-104-${n}`, ['auditor'], '510104')));
    const res = await city.request('POST', '/api/v1/spot-checks', { sampleSize: 6 });
    expectOk(res, 201);
    const drawn = res.json<View>();
    expect(drawn.items.map((i) => i.applicationId).sort()).toEqual([...applications].sort());
    const inspectors: Record<string, Client> = { 'city-supervisor': city, 'auditor-105': own };
    for (const item of drawn.items) {
      const inspector = inspectors[item.inspector];
      expect(inspector, `${item.applicationNumber} went to ${item.inspector}`).toBeDefined();
      // …and they can open the file they are to inspect.
      expectOk(await inspector!.request('GET', `/api/v1/applications/${item.applicationId}`));
    }
    for (const other of others)
      expect((await other.request('GET', '/api/v1/spot-checks/assigned')).json()).toEqual({ inspections: [], open: 0 });
  });
});
