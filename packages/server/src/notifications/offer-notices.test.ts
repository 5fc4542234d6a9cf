import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { recordOffersMade } from './notification-repository.js';

/** 免申即享: whoever the sweep finds entitled is told so, once, and told where to confirm it. */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, supervisor: Client;
const withPhone = idNumber('2004-05-05', 'female', '510104');
const withoutPhone = idNumber('2004-06-06', 'male', '510104');

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'clerk', ['clerk'], '510104');
  supervisor = await staff(app, 'supervisor', ['supervisor'], '510104');
  for (const [id, name, phone] of [
    [withPhone, '主动甲', '13800005555'],
    [withoutPhone, '主动乙', undefined],
  ] as const)
    expectOk(
      await clerk.request('POST', '/api/v1/people', {
        idNumber: id,
        name,
        regionCode: '510104',
        ...(phone ? { phone } : {}),
        facts: [
          { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
          { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
        ],
      }),
      201,
    );
});
afterAll(() => app.close());

type Notice = { kind: string; offerId?: string; applicationId?: string; message: string };
const messages = async (c: Client, language = 'zh-CN') =>
  (await c.request('GET', '/api/v1/notifications', undefined, { 'accept-language': language })).json<{
    total: number;
    unread: number;
    notifications: Notice[];
  }>();
const sweep = async () => {
  const actor = await app.sessions.actorOf(supervisor.accountId, null);
  const job = await app.sweeps.start(actor);
  await app.sweeps.run(job.id, actor);
  return job.id;
};
const offeredRows = () =>
  app.database.db.selectFrom('notification').select('offer_id').where('kind', '=', 'offered').execute();

describe('an offer the sweep makes is announced', () => {
  it('in the message list, naming the subsidy, the amount and where to confirm it, in both languages', async () => {
    const sweepId = await sweep();
    // Not by the sweep, which ends without waiting on them: by the notification job's next tick.
    expect(await offeredRows()).toEqual([]);
    const [first, second] = await Promise.all([
      app.notifications.announceEndedSweeps(),
      app.notifications.announceEndedSweeps(),
    ]);
    expect([first, second]).toContainEqual({ sweeps: 1, messages: 2 });
    expect([first, second]).toContainEqual({ sweeps: 0, messages: 0 });
    const me = await applicant(app, {
      kind: 'person',
      idNumber: withPhone,
      name: '主动甲',
      regionCode: '510104',
      username: 'offer-told',
    });
    const [offer] = (await me.request('GET', '/api/v1/offers?state=open')).json<{ offers: { id: string }[] }>().offers;
    const zh = await messages(me);
    expect(zh).toMatchObject({ total: 1, unread: 1 });
    expect(zh.notifications[0]).toEqual({
      id: expect.any(String),
      kind: 'offered',
      offerId: offer?.id,
      message: expect.stringContaining('一次性求职补贴'),
      createdAt: expect.any(String),
    });
    expect(zh.notifications[0]?.message).toContain('1,500元');
    expect(zh.notifications[0]?.message).toContain('可享政策');
    const en = (await messages(me, 'en-US')).notifications[0]?.message;
    expect(en).toContain('¥1,500.00');
    expect(en).toContain('Offers for me');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);

    // Once: a second sweep makes no new offer, and announcing a sweep again writes nothing twice.
    await sweep();
    expect(await app.notifications.announceEndedSweeps()).toEqual({ sweeps: 1, messages: 0 });
    const again = await app.database.db
      .transaction()
      .execute((trx) => recordOffersMade(trx, sweepId, { low: '510000', high: '519999' }));
    expect(again).toBe(0);
    expect(await offeredRows()).toHaveLength(2);
    expect((await messages(me)).total).toBe(1);
  });

  it('by text message to a phone on record, once; without a phone, in the list only', async () => {
    const before = await app.database.db.selectFrom('sms_outbox').select('body').execute();
    expect(await app.notifications.dispatchPending()).toEqual({ sent: 1, none: 1, failed: 0 });
    const sent = (await app.database.db.selectFrom('sms_outbox').selectAll().execute()).slice(before.length);
    expect(sent).toEqual([expect.objectContaining({ phone_masked: '138****5555', region_code: '510104' })]);
    expect(sent[0]?.body).toMatch(/^【惠民】经数据比对，您符合一次性求职补贴的享受条件，金额1,500元/);
    expect(await app.notifications.dispatchPending()).toEqual({ sent: 0, none: 0, failed: 0 });
  });

  it('once the offer is confirmed, leads to the application it became', async () => {
    const me = await applicant(app, {
      kind: 'person',
      idNumber: withoutPhone,
      name: '主动乙',
      regionCode: '510104',
      username: 'offer-confirmed',
    });
    const [offer] = (await me.request('GET', '/api/v1/offers?state=open')).json<{ offers: { id: string }[] }>().offers;
    const filed = await me.request('POST', `/api/v1/offers/${offer?.id}/confirmation`);
    expectOk(filed, 201);
    const application = filed.json<{ id: string; number: string }>();
    // The message now leads to the application the offer became.
    const list = await messages(me);
    expect(list.notifications).toEqual([
      expect.objectContaining({
        kind: 'offered',
        offerId: offer?.id,
        applicationId: application.id,
        applicationNumber: application.number,
      }),
    ]);
  });

  it('the database refuses a message about both an application and an offer, or an offer message about none', async () => {
    const [row] = await offeredRows();
    const person = await app.database.db.selectFrom('person').select('id').executeTakeFirstOrThrow();
    await expect(
      sql`insert into notification (person_id, kind, sms_state) values (${person.id}, 'offered', 'none')`.execute(
        app.database.db,
      ),
    ).rejects.toThrow(/notification_about_one/);
    await expect(
      sql`insert into notification (offer_id, person_id, kind, sms_state)
          values (${row?.offer_id}, ${person.id}, 'accepted', 'none')`.execute(app.database.db),
    ).rejects.toThrow(/notification_offer_kind|notification_offer_once/);
  });

  it('names an offer that exists; an offer a message is about is not deleted', async () => {
    const person = await app.database.db.selectFrom('person').select('id').executeTakeFirstOrThrow();
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(
      sql`insert into notification (offer_id, person_id, kind, sms_state)
          values (${missing}, ${person.id}, 'offered', 'none')`.execute(app.database.db),
    ).rejects.toMatchObject({ code: '23503' });
    const [row] = await offeredRows();
    await expect(sql`delete from offer where id = ${row?.offer_id}`.execute(app.database.db)).rejects.toMatchObject({
      code: '23503',
    });
    await expect(sql`truncate offer cascade`.execute(app.database.db)).rejects.toMatchObject({ code: '23503' });
    // Its message first, then the offer: what the tests that start over do.
    await app.database.db.deleteFrom('notification').where('offer_id', '=', row!.offer_id).execute();
    await app.database.db.deleteFrom('offer').where('id', '=', row!.offer_id).execute();
  });
});
