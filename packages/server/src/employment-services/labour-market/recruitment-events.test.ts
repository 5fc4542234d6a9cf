import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

// 10:00 in 成都; the live stream runs 10:05–10:12 the same day (sessions stay alive across the steps).
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const base = '/api/v1/labour-market/events';
let app: TestApp;
let clerk: Client, clerk2: Client, otherClerk: Client, seekerClient: Client, noProfile: Client;
let unitId: string, published: string, waiting: string;

const job = {
  title: '直播间运营',
  occupationCode: '4-01-02-07',
  headcount: 2,
  payMinFen: 500_000,
  payMaxFen: 800_000,
  regionCode: '510104',
  place: '锦江区直播基地',
  requirements: '',
  description: '直播间运营与投放',
  contact: '人事部',
  validFrom: '2026-11-23',
  validTo: '2027-01-31',
};
const stream = (extra: Record<string, unknown> = {}) => ({
  kind: 'live-stream',
  title: '锦江区“就选锦江”直播带岗第12期',
  regionCode: '510104',
  base: '锦江区直播带岗基地',
  brand: '就选锦江',
  anchor: '就业服务专员 小李',
  startsAt: '2026-11-23T10:05:00+08:00',
  endsAt: '2026-11-23T10:12:00+08:00',
  postingIds: [published],
  ...extra,
});
const post = (c: Client, url: string, body?: unknown) => c.request('POST', url, body);

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'ev-clerk', ['clerk'], '510104');
  clerk2 = await staff(app, 'ev-clerk2', ['clerk'], '510104');
  otherClerk = await staff(app, 'ev-other', ['clerk'], '620102');
  const unit = await applicant(app, {
    kind: 'organisation',
    creditCode: creditCode('510104'),
    name: '锦江直播科技有限公司',
    category: 'enterprise',
    regionCode: '510104',
    username: 'ev-unit',
  });
  unitId = (await unit.request('GET', '/api/v1/session')).json<{ account: { organisationId: string } }>().account
    .organisationId;
  published = (await post(clerk, '/api/v1/labour-market/postings', { organisationId: unitId, ...job })).json<{
    id: string;
  }>().id;
  expectOk(await post(clerk2, `/api/v1/labour-market/postings/${published}/review`, { publish: true }));
  waiting = (
    await post(clerk, '/api/v1/labour-market/postings', { organisationId: unitId, ...job, title: '直播间运营助理' })
  ).json<{
    id: string;
  }>().id;
  seekerClient = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2002-02-02', 'female', '510104'),
    name: '求职者乙',
    regionCode: '510104',
    username: 'ev-seeker',
  });
  expectOk(
    await seekerClient.request('PUT', '/api/v1/labour-market/my-profile', {
      regionCode: '510104',
      occupationCodes: ['4-01-02-07'],
      payMinFen: 400_000,
      availableFrom: '2026-11-23',
      skills: '',
    }),
  );
  noProfile = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('2001-01-01', 'male', '510104'),
    name: '求职者丙',
    regionCode: '510104',
    username: 'ev-noprofile',
  });
}, 60_000);
afterAll(() => app.close());

describe('a live stream (直播带岗): reviewed postings, CVs while live, results afterwards', () => {
  let eventId: string;

  it('presents only reviewed, published postings, names the one that is not', async () => {
    const res = await post(clerk, base, stream({ postingIds: [published, waiting] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'EVENT_POSTING_NOT_OPEN', field: 'postingIds[1]' });
    expect((await clerk.request('GET', base)).json()).toEqual({ events: [] });
  });

  it('refuses an end before the start, a stream without an anchor, and another region', async () => {
    const reversed = await post(clerk, base, stream({ endsAt: '2026-11-23T10:04:00+08:00' }));
    expect(reversed.json()).toMatchObject({ code: 'EVENT_ENDS_BEFORE_START', field: 'endsAt' });
    // 31 days is taken (a January event, not live in this test's November); a second more, or a
    // year typed as 2037, is not.
    const january = { startsAt: '2027-01-01T09:00:00+08:00' };
    expectOk(await post(clerk, base, stream({ ...january, endsAt: '2027-02-01T09:00:00+08:00' })), 201);
    for (const endsAt of ['2027-02-01T09:00:01+08:00', '2037-01-01T12:00:00+08:00'])
      expect((await post(clerk, base, stream({ ...january, endsAt }))).json()).toMatchObject({
        code: 'EVENT_TOO_LONG',
        field: 'endsAt',
      });
    expect((await post(clerk, base, stream({ anchor: ' ' }))).json()).toMatchObject({ field: 'anchor' });
    expect((await post(otherClerk, base, stream())).json()).toMatchObject({ code: 'OUT_OF_REGION' });
  });

  it('is set up with its base, brand and anchor; seen in its region only', async () => {
    const res = await post(clerk, base, stream());
    expectOk(res, 201);
    eventId = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({ brand: '就选锦江', postingIds: [published], cvsReceived: 0 });
    expect((await otherClerk.request('GET', `${base}/${eventId}`)).statusCode).toBe(404);
  });

  it('takes CVs only while live, for its postings, once each, from a seeker with a profile', async () => {
    const send = (c: Client, postingId = published) => post(c, `${base}/${eventId}/cvs`, { postingId });
    const live = async () =>
      (await seekerClient.request('GET', '/api/v1/labour-market/live-events')).json<{
        events: { id: string; postings: { id: string }[]; sent: string[] }[];
      }>().events;
    expect((await send(seekerClient)).json()).toMatchObject({ code: 'EVENT_NOT_LIVE' });
    expect(await live()).toEqual([]);
    clock.advanceMinutes(10); // 10:10
    // While it runs, the seeker sees it with the postings it presents, none sent to yet.
    expect(await live()).toEqual([
      expect.objectContaining({ id: eventId, postings: [expect.objectContaining({ id: published })], sent: [] }),
    ]);
    expect((await send(noProfile)).json()).toMatchObject({ code: 'EVENT_NEEDS_PROFILE' });
    expect((await send(seekerClient, waiting)).json()).toMatchObject({
      code: 'EVENT_POSTING_NOT_PRESENTED',
      field: 'postingId',
    });
    const both = await Promise.all([send(seekerClient), send(seekerClient)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const cvs = (await clerk.request('GET', `${base}/${eventId}/cvs`)).json<{ cvs: { name: string }[] }>().cvs;
    expect(cvs.map((c) => c.name)).toEqual(['求职者乙']);
    expect((await live())[0]?.sent).toEqual([published]);
  });

  it('takes results once over, hires ≤ interviews ≤ CVs and no fewer CVs than the platform received', async () => {
    const results = { views: 12_800, cvs: 46, interviews: 20, hires: 7 };
    expect((await clerk.request('PUT', `${base}/${eventId}/results`, results)).json()).toMatchObject({
      code: 'EVENT_NOT_OVER',
    });
    clock.advanceMinutes(5); // 10:15
    const put = (body: object) => clerk.request('PUT', `${base}/${eventId}/results`, body);
    expect((await put({ ...results, cvs: 0, interviews: 0, hires: 0 })).json()).toMatchObject({ field: 'cvs' });
    expect((await put({ ...results, hires: 21 })).json()).toMatchObject({ field: 'hires' });
    expect((await put({ ...results, interviews: 47 })).json()).toMatchObject({ field: 'interviews' });
    const done = await put(results);
    expectOk(done);
    expect(done.json()).toMatchObject({ cvsReceived: 1, results });
  });
});
