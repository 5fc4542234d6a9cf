import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import type { SmsSender } from '../accounts/sms-sender.js';
import { applicant, expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { fileOnline } from '../applications/online-filing.test-kit.js';
import { NotificationService } from './notification-service.js';

/** What an applicant is told, step by step, in the message list and by text to the phone on record. */
const clock = TestClock.at('2026-11-23T10:00:00+08:00'); // a Monday
let app: TestApp;
let clerk: Client, counter: Client, reviewer: Client, approver: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  await fundRegion(app, '510104', 100_000_000);
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  counter = await staff(app, 'counter', ['clerk'], '510104');
  reviewer = await staff(app, 'reviewer', ['reviewer'], '510100');
  approver = await staff(app, 'approver', ['approver'], '510100');
  // Pays once publicity is over (logs in then: the session would have expired).
  await staff(app, 'finance', ['finance'], '510100');
});
afterAll(() => app.close());

let people = 0;
/** A 2027 graduate of a 低保 family whose phone the bureau has on record, with her own bound account. */
async function graduate(phone?: string): Promise<{ client: Client; personId: string; username: string }> {
  const id = idNumber('2004-03-05', 'female', '510104');
  const name = `通知${++people}`;
  const created = await clerk.request('POST', '/api/v1/people', {
    idNumber: id,
    name,
    regionCode: '510104',
    ...(phone ? { phone } : {}),
    facts: [
      { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
  });
  expectOk(created, 201);
  const username = `notify-${people}`;
  const client = await applicant(app, { kind: 'person', idNumber: id, name, regionCode: '510104', username });
  return { client, personId: created.json<{ id: string }>().id, username };
}

const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.request('POST', `/api/v1/applications/${id}/transitions`, body);
const file = async (c: Client) => {
  const res = await fileOnline(c, {
    subsidy: 'one-time-job-seeking',
    idempotencyKey: `notify-${++people}`,
    submit: true,
  });
  expectOk(res);
  return res.json<{ id: string; number: string }>();
};
type List = {
  total: number;
  unread: number;
  notifications: { id: string; kind: string; message: string; applicationNumber: string; readAt?: string }[];
};
const messages = async (c: Client, language = 'zh-CN') =>
  (await c.request('GET', '/api/v1/notifications', undefined, { 'accept-language': language })).json<List>();
const outbox = () => app.database.db.selectFrom('sms_outbox').selectAll().orderBy('created_at').execute();

describe('an applicant is told what happened and what to do next', () => {
  it('returned for correction names the clerk’s reason and asks for a new submission, in both languages', async () => {
    const { client } = await graduate('13800001111');
    const application = await file(client);
    expect((await messages(client)).total).toBe(0);
    expectOk(await act(counter, application.id, { action: 'return', reason: '毕业证书复印件不清晰' }));

    const zh = await messages(client);
    expect(zh).toMatchObject({ total: 1, unread: 1 });
    expect(zh.notifications[0]).toMatchObject({ kind: 'returned', applicationNumber: application.number });
    expect(zh.notifications[0]?.message).toContain('毕业证书复印件不清晰');
    expect(zh.notifications[0]?.message).toContain('重新提交');
    expect(zh.notifications[0]?.message).toContain('一次性求职补贴');
    const en = await messages(client, 'en-US');
    expect(en.notifications[0]?.message).toMatch(
      /needs correcting: 毕业证书复印件不清晰\. Correct it and submit it again/,
    );
  });

  it('read one, then the rest; another applicant cannot touch them', async () => {
    const { client } = await graduate();
    const { id } = await file(client);
    expectOk(await act(counter, id, { action: 'accept' }));
    expectOk(await act(reviewer, id, { action: 'reject', reason: '不属于本补贴对象' }));
    const [first] = (await messages(client)).notifications;
    const stranger = (await graduate()).client;
    expect((await stranger.request('POST', `/api/v1/notifications/${first?.id}/read`)).json()).toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
    });
    expectOk(await client.request('POST', `/api/v1/notifications/${first?.id}/read`), 204);
    expect(await messages(client)).toMatchObject({ total: 2, unread: 1 });
    expect((await client.request('POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await messages(client)).unread).toBe(0);
    const unreadOnly = (await client.request('GET', '/api/v1/notifications?unread=true')).json<List>();
    expect(unreadOnly.notifications).toEqual([]);
  });
});

describe('text messages to the phone on record', () => {
  it('are sent once each after the event, signed and with the phone masked in the demonstration outbox', async () => {
    const { client } = await graduate('13900003333');
    const { id, number } = await file(client);
    expectOk(await act(counter, id, { action: 'accept' }));
    const before = (await outbox()).length;
    const first = await app.notifications.dispatchPending();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const sent = (await outbox()).slice(before);
    const ours = sent.filter((m) => m.body.includes(number));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ phone_masked: '139****3333', region_code: '510104' });
    expect(ours[0]?.body).toMatch(/^【惠民】您的一次性求职补贴申请（.+）已受理/);
    // Nothing is sent twice.
    expect(await app.notifications.dispatchPending()).toEqual({ sent: 0, none: 0, failed: 0 });
    expect((await outbox()).filter((m) => m.body.includes(number))).toHaveLength(1);
  });

  it('a person with no phone on record is told in the message list only', async () => {
    const { client } = await graduate();
    const { id } = await file(client);
    expectOk(await act(counter, id, { action: 'accept' }));
    const result = await app.notifications.dispatchPending();
    expect(result.none).toBeGreaterThanOrEqual(1);
    expect((await messages(client)).total).toBe(1);
  });

  it('a sweep’s thousand messages of one instant go out in two dispatches, as many awaiting the gateway as it admits', async () => {
    const { client, personId } = await graduate('13600005555');
    const { id } = await file(client);
    await app.notifications.dispatchPending();
    const db = app.database.db;
    await db
      .insertInto('notification')
      .values(
        Array.from({ length: 1_000 }, () => ({
          application_id: id,
          person_id: personId,
          kind: 'accepted' as const,
          params: '{}',
          sms_state: 'pending' as const,
        })),
      )
      .execute();
    let inFlight = 0;
    let most = 0;
    let sent = 0;
    const gateway: SmsSender = {
      kind: 'outbox',
      send: async () => {
        most = Math.max(most, ++inFlight);
        // Answers on a later turn of the event loop, as a gateway over the network would.
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        sent++;
      },
    };
    const service = new NotificationService(db, app.vault, clock, app.policies, gateway);
    // A dispatch hands the worker back after the most it may send; the next one goes on from there.
    // The first is held to a gateway admitting two calls at once (HUIMIN_SMS_IN_FLIGHT=2).
    expect(await service.dispatchPending({ most: 300, inFlight: 2 })).toEqual({ sent: 300, none: 0, failed: 0 });
    expect(most).toBeLessThanOrEqual(2);
    most = 0;
    expect(await service.dispatchPending()).toEqual({ sent: 700, none: 0, failed: 0 });
    expect(sent).toBe(1_000);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
    const pending = await db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('sms_state', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
  });

  it('a gateway that fails is tried again by the next dispatch, and given up after the fifth try', async () => {
    const { client } = await graduate('13700004444');
    const { id } = await file(client);
    await app.notifications.dispatchPending();
    expectOk(await act(counter, id, { action: 'accept' }));
    let calls = 0;
    const failing: SmsSender = {
      kind: 'outbox',
      send: async () => void (calls++, await Promise.reject(new Error('gateway down'))),
    };
    const service = new NotificationService(app.database.db, app.vault, clock, app.policies, failing);
    for (let i = 1; i <= 4; i++) expect(await service.dispatchPending()).toEqual({ sent: 0, none: 0, failed: 0 });
    expect(await service.dispatchPending()).toEqual({ sent: 0, none: 0, failed: 1 });
    expect(calls).toBe(5);
    expect(await service.dispatchPending()).toEqual({ sent: 0, none: 0, failed: 0 });
  });
});

// Last: it moves the clock past the publicity period.
describe('from filing to payment', () => {
  it('each step the applicant waits on is one message, newest first: accepted, approved with its amount, publicised, paid', async () => {
    const { client, username } = await graduate('13800002222');
    const { id } = await file(client);
    expectOk(await act(counter, id, { action: 'accept' }));
    expectOk(await act(reviewer, id, { action: 'review' }));
    expectOk(await act(approver, id, { action: 'approve' }));
    expectOk(await act(approver, id, { action: 'publicise' }));
    // Publicity ends a week later (the 30th, inclusive): everyone has logged in again by then.
    clock.setDate('2026-12-01');
    expectOk(await act(await login(app, 'approver'), id, { action: 'release' }));
    expectOk(await act(await login(app, 'finance'), id, { action: 'pay', paymentReference: 'BANK-N1' }));

    const list = await messages(await login(app, username));
    expect(list.notifications.map((n) => n.kind)).toEqual(['paid', 'publicised', 'approved', 'accepted']);
    expect(list.notifications.find((n) => n.kind === 'approved')?.message).toContain('1,500元');
    expect(list.notifications.find((n) => n.kind === 'publicised')?.message).toContain('2026-11-30');
    expect(list.notifications.find((n) => n.kind === 'paid')?.message).toContain('已拨付');
    const inEnglish = await messages(await login(app, username), 'en-US');
    expect(inEnglish.notifications.find((n) => n.kind === 'approved')?.message).toContain('approved for ¥1,500.00.');
    expect(inEnglish.notifications.find((n) => n.kind === 'paid')?.message).toMatch(/^¥1,500\.00 of /);
  });
});
