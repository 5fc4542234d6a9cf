import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { idNumberLookup } from '../registry/registry-input.js';
import { PASSWORD } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEFAULT_REGISTRATION_LIMITS } from './registration-limits.js';

/**
 * Self-registration (申请人注册) is open to anyone, so it is counted in the database like wrong
 * passwords and text-message codes: twenty an hour from one address, and three unverified accounts
 * a week claiming one ID number. Each refusal is a 429 that says when to try again. The limits are
 * production's own; fifty registrations sent at once (on PostgreSQL, at once for real) get no more.
 */
let app: TestApp;
let n = 0;

beforeAll(async () => {
  app = await startTestApp({ registrationLimits: DEFAULT_REGISTRATION_LIMITS });
});
afterAll(() => app.close());

const register = (from: string, body: Record<string, unknown>, language = 'zh-CN') =>
  app.http.inject({
    method: 'POST',
    url: '/api/v1/register',
    remoteAddress: from,
    headers: { 'accept-language': language },
    payload: { password: PASSWORD, regionCode: '510104', username: `limit${++n}`, ...body },
  });
const person = (id = idNumber('1992-02-02')) => ({ kind: 'person', idNumber: id, name: '注册人' });
const accountsNamed = async (usernames: string[]) =>
  (await app.database.db.selectFrom('account').select('id').where('username', 'in', usernames).execute()).length;

describe('registrations from one client address', () => {
  it('twenty an hour; the next is told in how many minutes to try again, and no account is made', async () => {
    for (let i = 0; i < DEFAULT_REGISTRATION_LIMITS.perAddress; i++)
      expect((await register('203.0.113.7', person())).statusCode).toBe(201);
    const zh = await register('203.0.113.7', person());
    expect(zh.statusCode).toBe(429);
    const body = zh.json<{ code: string; message: string }>();
    expect(body.code).toBe('REGISTRATION_RATE_LIMITED');
    const minutes = Number(/请 (\d+) 分钟后再试/.exec(body.message)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(DEFAULT_REGISTRATION_LIMITS.addressWindowMinutes);
    // The same, for a client that reads headers: seconds, within the window.
    const retryAfter = Number(zh.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan((minutes - 1) * 60);
    expect(retryAfter).toBeLessThanOrEqual(minutes * 60);
    const en = await register('203.0.113.7', person(), 'en-US');
    expect(en.json<{ message: string }>().message).toMatch(
      /^Too many accounts were registered from your network address; try again in \d+ minutes$/,
    );
    expect(await accountsNamed([`limit${n}`, `limit${n - 1}`])).toBe(0);
    // Another address is counted on its own.
    expect((await register('203.0.113.8', person())).statusCode).toBe(201);
  });

  it('fifty at once from one address make twenty accounts, the rest are refused', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => register('198.51.100.50', person())));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULT_REGISTRATION_LIMITS.perAddress);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - DEFAULT_REGISTRATION_LIMITS.perAddress);
  });
});

describe('unverified accounts claiming one ID number', () => {
  it('three in seven days; the fourth is refused naming the ID number, with the day and time to try again', async () => {
    const id = idNumber('1985-05-05');
    for (let i = 0; i < DEFAULT_REGISTRATION_LIMITS.unboundPerSubject; i++)
      expect((await register(`192.0.2.${i + 1}`, person(id))).statusCode).toBe(201);
    const zh = await register('192.0.2.99', person(id));
    expect(zh.statusCode).toBe(429);
    const body = zh.json<{ code: string; field: string; message: string }>();
    expect(body).toMatchObject({ code: 'UNBOUND_CLAIMS_LIMITED', field: 'idNumber' });
    expect(Number(zh.headers['retry-after'])).toBeGreaterThan(6 * 86_400);
    expect(Number(zh.headers['retry-after'])).toBeLessThanOrEqual(7 * 86_400);
    const until = /或于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})（北京时间）后再试/.exec(body.message)?.[1] ?? '';
    // A week after the first of the three, in Beijing time.
    const first = await app.database.db
      .selectFrom('account')
      .select('created_at')
      .where('username', '=', 'limit' + String(n - 3))
      .executeTakeFirstOrThrow();
    const weekLater = new Date(first.created_at.getTime() + (7 * 24 + 8) * 3_600_000).toISOString();
    expect(until).toBe(weekLater.slice(0, 16).replace('T', ' '));
    expect(body.message).toContain('字段 身份证号码：近 7 天已有 3 个以此身份注册、尚未实名核验的账号');
    const en = await register('192.0.2.99', person(id), 'en-US');
    expect(en.json<{ message: string }>().message).toContain(
      '3 accounts claiming this identity were registered in the last 7 days and are not verified yet',
    );
    // A unit's credit code is held to the same count.
    const code = creditCode();
    const unit = { kind: 'organisation', creditCode: code, name: '注册单位' };
    for (let i = 0; i < DEFAULT_REGISTRATION_LIMITS.unboundPerSubject; i++)
      expect((await register(`192.0.2.${i + 10}`, unit)).statusCode).toBe(201);
    expect((await register('192.0.2.20', unit)).json()).toMatchObject({
      code: 'UNBOUND_CLAIMS_LIMITED',
      field: 'creditCode',
    });
  });

  it('fifty at once claiming one ID number from fifty addresses make three accounts', async () => {
    const id = idNumber('1986-06-06');
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => register(`100.64.0.${i + 1}`, person(id))));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(DEFAULT_REGISTRATION_LIMITS.unboundPerSubject);
    for (const a of answers.filter((x) => x.statusCode !== 201))
      expect(a.json()).toMatchObject({ code: 'UNBOUND_CLAIMS_LIMITED', field: 'idNumber' });
    const claims = await app.database.db
      .selectFrom('account')
      .select('id')
      .where('claimed_subject_hmac', '=', idNumberLookup(app.vault, id))
      .execute();
    expect(claims).toHaveLength(DEFAULT_REGISTRATION_LIMITS.unboundPerSubject);
  });
});
