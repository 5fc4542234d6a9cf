import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../../policy/src/testing/builders.js';
import { applicant, expectOk, staff, TestClock, type Client } from '../../testing/fixtures.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

/** 岗位推荐 as the person referred lives it: told of it, shown the job, and free to say no with a reason. */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client, employer: Client, seeker: Client, other: Client;
const seekerIdNumber = idNumber('1996-04-04', 'female', '510104');

const post = (c: Client, url: string, body?: unknown) => c.request('POST', url, body);
type OwnReferral = {
  id: string;
  state: string;
  reason?: string;
  postingTitle: string;
  posting: { id: string; contact: string; open: boolean };
};
const mine = async (c: Client) =>
  (await c.request('GET', '/api/v1/labour-market/my-profile/referrals')).json<{ referrals: OwnReferral[] }>().referrals;
const decline = (c: Client, id: string, body: unknown) =>
  post(c, `/api/v1/labour-market/my-profile/referrals/${id}/decline`, body);

let postingNo = 0;
/** A published posting, and the seeker referred to it by the clerk: the referral's id. */
async function referred(): Promise<string> {
  postingNo += 1;
  const made = await post(employer, '/api/v1/labour-market/my-postings', {
    title: `数控车工${postingNo}号岗`,
    occupationCode: '6-18-01-01',
    headcount: 2,
    payMinFen: 450_000,
    payMaxFen: 650_000,
    regionCode: '510104',
    place: '锦江区工业园1号',
    requirements: '',
    description: '操作数控车床',
    contact: '人事部 028-0000000',
    validFrom: '2026-11-23',
    validTo: '2027-01-31',
  });
  expectOk(made, 201);
  const postingId = made.json<{ id: string }>().id;
  expectOk(await post(clerk, `/api/v1/labour-market/postings/${postingId}/review`, { publish: true }));
  const seekerId = (await seeker.request('GET', '/api/v1/labour-market/my-profile')).json<{ seeker: { id: string } }>()
    .seeker.id;
  const referral = await post(clerk, '/api/v1/labour-market/referrals', { seekerId, postingId, note: '技能对口' });
  expectOk(referral, 201);
  return referral.json<{ id: string }>().id;
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'ra-clerk', ['clerk'], '510104');
  employer = await applicant(app, {
    kind: 'organisation',
    creditCode: creditCode('510104'),
    name: '锦江精密机械有限公司',
    category: 'enterprise',
    regionCode: '510104',
    username: 'ra-unit',
  });
  expectOk(
    await post(clerk, '/api/v1/people', {
      idNumber: seekerIdNumber,
      name: '求职甲',
      regionCode: '510104',
      phone: '13800006666',
    }),
    201,
  );
  seeker = await applicant(app, {
    kind: 'person',
    idNumber: seekerIdNumber,
    name: '求职甲',
    regionCode: '510104',
    username: 'ra-seeker',
  });
  other = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('1997-07-07', 'male', '510104'),
    name: '求职乙',
    regionCode: '510104',
    username: 'ra-other',
  });
  expectOk(
    await seeker.request('PUT', '/api/v1/labour-market/my-profile', {
      regionCode: '510104',
      occupationCodes: ['6-18-01-01'],
      payMinFen: 400_000,
      availableFrom: '2026-11-23',
      skills: '数控车床',
    }),
  );
});
afterAll(() => app.close());

describe('a person referred to a job', () => {
  it('is told in their messages and by text, naming the job and the unit, in both languages', async () => {
    const id = await referred();
    const list = (await seeker.request('GET', '/api/v1/notifications')).json<{
      notifications: { kind: string; referralId?: string; message: string }[];
    }>().notifications;
    expect(list[0]).toMatchObject({ kind: 'referred', referralId: id });
    expect(list[0]?.message).toContain('锦江精密机械有限公司“数控车工1号岗”');
    expect(list[0]?.message).toContain('我的求职');
    const en = (await seeker.request('GET', '/api/v1/notifications', undefined, { 'accept-language': 'en-US' })).json<{
      notifications: { message: string }[];
    }>().notifications[0]?.message;
    expect(en).toContain('My job search');
    expect(en?.replace(/数控车工1号岗|锦江精密机械有限公司/g, '')).not.toMatch(/[\u4e00-\u9fff]/);

    const before = (await app.database.db.selectFrom('sms_outbox').select('id').execute()).length;
    await app.notifications.dispatchPending();
    const sent = (
      await app.database.db.selectFrom('sms_outbox').selectAll().orderBy('created_at').orderBy('id').execute()
    ).slice(before);
    expect(sent).toEqual([expect.objectContaining({ phone_masked: '138****6666' })]);
    expect(sent[0]?.body).toMatch(/^【惠民】就业服务机构为您推荐了岗位：锦江精密机械有限公司“数控车工1号岗”/);
  });

  it('sees the referral in their job search with the job as it is now; no one else does', async () => {
    const [first] = await mine(seeker);
    expect(first).toMatchObject({
      state: 'referred',
      postingTitle: '数控车工1号岗',
      posting: { contact: '人事部 028-0000000', open: true },
    });
    expect(await mine(other)).toEqual([]);
    expect(await mine(employer)).toEqual([]);
  });

  it('declines it with a reason; without one, or someone else’s, changes nothing', async () => {
    const [first] = await mine(seeker);
    const id = first?.id ?? '';
    expect((await decline(seeker, id, { reason: '  ' })).json()).toMatchObject({
      code: 'REQUIRED_FIELD',
      field: 'reason',
    });
    expect((await decline(seeker, id, {})).statusCode).toBe(400);
    expect((await decline(other, id, { reason: '不想去' })).statusCode).toBe(404);
    expect((await decline(employer, id, { reason: '不想去' })).statusCode).toBe(404);
    expect((await mine(seeker))[0]?.state).toBe('referred');

    const declined = await decline(seeker, id, { reason: '已在别处就业' });
    expectOk(declined);
    expect(declined.json()).toMatchObject({
      state: 'declined',
      declinedReason: '已在别处就业',
      declinedOn: '2026-11-23',
    });
    // The unit sees why, and can no longer answer; the person cannot decline twice.
    const unitSide = (await employer.request('GET', '/api/v1/labour-market/my-referrals'))
      .json<{ referrals: { id: string; state: string; declinedReason?: string }[] }>()
      .referrals.find((r) => r.id === id);
    expect(unitSide).toMatchObject({ state: 'declined', declinedReason: '已在别处就业' });
    expect(
      (await post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, { answer: 'interview' })).json(),
    ).toMatchObject({ code: 'REFERRAL_ANSWERED' });
    expect((await decline(seeker, id, { reason: '再说一次' })).json()).toMatchObject({ code: 'REFERRAL_ANSWERED' });
  });

  it('may decline after an interview is offered, not after the unit has hired', async () => {
    const interviewed = await referred();
    expectOk(
      await post(employer, `/api/v1/labour-market/my-referrals/${interviewed}/answer`, {
        answer: 'interview',
        reason: '12月1日上午面试',
      }),
    );
    // The person's reason is kept beside the unit's: the interview's details stay.
    expect((await decline(seeker, interviewed, { reason: '通勤太远' })).json()).toMatchObject({
      state: 'declined',
      reason: '12月1日上午面试',
      declinedReason: '通勤太远',
    });

    const hired = await referred();
    expectOk(
      await post(employer, `/api/v1/labour-market/my-referrals/${hired}/answer`, {
        answer: 'hired',
        hiredOn: '2026-11-23',
      }),
    );
    expect((await decline(seeker, hired, { reason: '晚了' })).statusCode).toBe(409);
    expect((await mine(seeker)).find((r) => r.id === hired)?.state).toBe('hired');
  });

  it('declining while the unit refuses, 50 calls at once: one answer stands, the others are told it came late', async () => {
    const id = await referred();
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? decline(seeker, id, { reason: `第${i}次` })
        : post(employer, `/api/v1/labour-market/my-referrals/${id}/answer`, { answer: 'refused', reason: '岗位已满' }),
    );
    const codes = (await Promise.all(calls)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const audits = await app.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'in', ['labour-market.referral-declined', 'labour-market.referral-refused'])
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('the database keeps a message’s referral: none made up, none deleted from under it', async () => {
    const db = app.database.db;
    const person = await db.selectFrom('person').select('id').executeTakeFirstOrThrow();
    await expect(
      sql`insert into notification (referral_id, person_id, kind, sms_state)
          values ('00000000-0000-4000-8000-000000000000', ${person.id}, 'referred', 'none')`.execute(db),
    ).rejects.toMatchObject({ code: '23503' });
    const [told] = await db.selectFrom('notification').select('referral_id').where('kind', '=', 'referred').execute();
    await expect(sql`delete from job_referral where id = ${told?.referral_id ?? ''}`.execute(db)).rejects.toMatchObject(
      { code: '23503' },
    );
  });
});
