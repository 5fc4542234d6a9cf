import { idNumber } from '../../../policy/src/testing/builders.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, login, PASSWORD, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

const clock = TestClock.at('2026-11-23T09:00:00+08:00');
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  admin = await staff(app, 'admin', ['administrator'], '510100');
});
afterAll(() => app.close());

const attempt = (username: string, password: string) =>
  app.http.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    headers: { 'accept-language': 'en-US' },
  });

describe('login and lockout (等保 2.0: lock after more than 5 failures, 30 minutes)', () => {
  it('a wrong password and an unknown username read the same', async () => {
    await staff(app, 'same', ['clerk'], '510104');
    const wrong = await attempt('same', 'Wrong-pass-1');
    const unknown = await attempt('nobody', 'Wrong-pass-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('the 5th failure still answers “wrong”; the 6th locks; the right password is refused while locked; 30 minutes later it works', async () => {
    await staff(app, 'locky', ['clerk'], '510104');
    for (let i = 1; i <= 5; i++)
      expect((await attempt('locky', 'Wrong-pass-1')).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((await attempt('locky', 'Wrong-pass-1')).json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringContaining('30 minutes'),
    });
    expect((await attempt('locky', PASSWORD)).statusCode).toBe(423);
    clock.advanceMinutes(29);
    expect((await attempt('locky', PASSWORD)).statusCode).toBe(423);
    clock.advanceMinutes(2);
    expect((await attempt('locky', PASSWORD)).statusCode).toBe(200);
  });

  it('25 wrong passwords sent at once lock the account: each is counted, and the right password is then refused', async () => {
    await staff(app, 'raced', ['clerk'], '510104');
    const answers = await Promise.all(Array.from({ length: 25 }, () => attempt('raced', 'Wrong-pass-1')));
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 423)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 423).length).toBeGreaterThan(0);
    expect((await attempt('raced', PASSWORD)).statusCode).toBe(423);
  });

  it('every failure is in the audit trail', async () => {
    const failures = await app.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failures.map((f) => f.action)).toContain('account.locked');
    expect(failures.length).toBeGreaterThanOrEqual(8);
  });
});

describe('sessions', () => {
  it('a change without the CSRF token is refused and changes nothing', async () => {
    const clerk = await staff(app, 'csrf', ['clerk'], '510104');
    const cookie = (await attempt('csrf', PASSWORD)).headers['set-cookie'];
    const res = await app.http.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: String(cookie).split(';')[0] ?? '' },
      payload: { idNumber: '11010519491231002X', name: '某', regionCode: '510104' },
    });
    expect(res.json()).toMatchObject({ code: 'CSRF_FAILED' });
    expect((await clerk.request('GET', '/api/v1/people?idNumber=11010519491231002X')).json()).toMatchObject({
      total: 0,
    });
  });

  it('ends after 10 idle minutes, and at logout', async () => {
    const clerk = await staff(app, 'idle', ['clerk'], '510104');
    clock.advanceMinutes(9);
    expectOk(await clerk.request('GET', '/api/v1/session'));
    clock.advanceMinutes(9);
    expectOk(await clerk.request('GET', '/api/v1/session'));
    clock.advanceMinutes(11);
    expect((await clerk.request('GET', '/api/v1/session')).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    const again = await login(app, 'idle');
    expect((await again.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    expect((await again.request('GET', '/api/v1/session')).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('without a cookie, protected routes ask for login', async () => {
    const res = await app.http.inject({ url: '/api/v1/applications', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'NOT_AUTHENTICATED', message: 'Please log in first' });
  });
});

describe('accounts managed by the administrator', () => {
  // The clock moved on above; the administrator logs in afresh.
  beforeAll(async () => {
    admin = await login(app, 'admin');
  });

  it('creates a staff account whose first password must be changed, under the password rules', async () => {
    const weak = await admin.request('POST', '/api/v1/accounts', {
      username: 'newclerk',
      displayName: '新受理员',
      roles: ['clerk'],
      regionCode: '510104',
      idNumber: idNumber('1990-01-01'),
      password: 'abcdefgh',
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    // It says what is wrong in words, not the rule's code.
    expect(weak.json<{ message: string }>().message).toMatch(/^密码所含字符不足3类：密码须至少8位/);
    expect(weak.json<{ message: string }>().message).not.toContain('too-simple');
    const created = await admin.request('POST', '/api/v1/accounts', {
      username: 'newclerk',
      displayName: '新受理员',
      roles: ['clerk'],
      regionCode: '510104',
      idNumber: idNumber('1990-01-01'),
      password: 'First-pass-1',
    });
    expectOk(created, 201);
    expect(created.json()).toMatchObject({ mustChangePassword: true, roles: ['clerk'] });

    const fresh = await login(app, 'newclerk', 'First-pass-1');
    expect((await fresh.request('GET', '/api/v1/applications')).json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
    });
    expect(
      (
        await fresh.request('POST', '/api/v1/session/password', {
          currentPassword: 'First-pass-1',
          newPassword: 'First-pass-1',
        })
      ).json(),
    ).toMatchObject({ code: 'PASSWORD_REUSED' });
    expect(
      (
        await fresh.request('POST', '/api/v1/session/password', {
          currentPassword: 'First-pass-1',
          newPassword: 'Second-pass-2',
        })
      ).statusCode,
    ).toBe(204);
    expectOk(await fresh.request('GET', '/api/v1/applications'));
  });

  it('refuses unknown roles, regions outside its own, and applicant accounts', async () => {
    const base = {
      username: 'x-user',
      displayName: 'X',
      regionCode: '510104',
      idNumber: idNumber('1991-01-01'),
      password: 'First-pass-1',
    };
    expect((await admin.request('POST', '/api/v1/accounts', { ...base, roles: ['king'] })).json()).toMatchObject({
      code: 'UNKNOWN_ROLE',
      field: 'roles[0]',
    });
    expect((await admin.request('POST', '/api/v1/accounts', { ...base, roles: ['applicant'] })).json()).toMatchObject({
      code: 'UNKNOWN_ROLE',
    });
    expect(
      (await admin.request('POST', '/api/v1/accounts', { ...base, roles: ['clerk'], regionCode: '620100' })).json(),
    ).toMatchObject({
      code: 'OUT_OF_REGION',
      field: 'regionCode',
      // The region by its name, with its code: a code alone tells an administrator nothing.
      message: expect.stringContaining('兰州市（620100）'),
    });
    expect(
      (await admin.request('POST', '/api/v1/accounts', { ...base, roles: ['clerk'], regionCode: '999999' })).json(),
    ).toMatchObject({ code: 'UNKNOWN_REGION' });
  });

  it('resets a password, which lifts a lockout and ends the holder’s sessions', async () => {
    const holder = await staff(app, 'forgetful', ['clerk'], '510104');
    const id = holder.accountId;
    for (let i = 0; i < 6; i++) await attempt('forgetful', 'Wrong-pass-1');
    expect(
      (await admin.request('POST', `/api/v1/accounts/${id}/password-reset`, { password: 'Reset-pass-3' })).statusCode,
    ).toBe(204);
    expect((await holder.request('GET', '/api/v1/session')).json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    const back = await login(app, 'forgetful', 'Reset-pass-3');
    expect((await back.request('GET', '/api/v1/session')).json()).toMatchObject({ mustChangePassword: true });
  });

  it('the administrator reads no applications and no audit trail', async () => {
    expect((await admin.request('GET', '/api/v1/applications')).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await admin.request('GET', '/api/v1/audit')).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
