import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, login, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * 三员分立 (等保 2.0 三级) and 权限不相容 (财社〔2023〕181号 第二十五条): roles one account may not hold
 * together, a region's declared exception, and a staff ID number that keeps staff off their own claims.
 */
let app: TestApp;
let admin: Client, security: Client;
let n = 0;

beforeAll(async () => {
  app = await startTestApp();
  admin = await staff(app, 'admin', ['administrator'], '510100');
  security = await staff(app, 'security', ['security-administrator'], '510100');
});
afterAll(() => app.close());

const create = (roles: string[], regionCode = '510104', extra: object = {}) =>
  admin.request('POST', '/api/v1/accounts', {
    username: `staff${++n}`,
    displayName: `工作人员${n}`,
    roles,
    regionCode,
    idNumber: idNumber('1980-01-01'),
    password: 'First-pass-1',
    ...extra,
  });

describe('roles one account may not hold together', () => {
  it('the system administrator and the auditor are two people; so are the security administrator and anyone else', async () => {
    const res = await create(['administrator', 'auditor']);
    expect(res.json()).toMatchObject({
      code: 'ROLES_INCOMPATIBLE',
      field: 'roles',
      message: expect.stringContaining('「系统管理员」与「审计员」'),
    });
    expect((await create(['security-administrator', 'supervisor'])).json()).toMatchObject({
      code: 'ROLES_INCOMPATIBLE',
    });
    const english = await admin.request(
      'POST',
      '/api/v1/accounts',
      {
        username: `staff${++n}`,
        displayName: 'x',
        roles: ['administrator', 'auditor'],
        regionCode: '510104',
        idNumber: idNumber('1980-01-01'),
        password: 'First-pass-1',
      },
      { 'accept-language': 'en-US' },
    );
    expect(english.json<{ message: string }>().message).toContain('Administrator and Auditor');
  });

  it('clerk, reviewer, approver and finance on one account are refused; each alone is accepted', async () => {
    expect((await create(['clerk', 'reviewer', 'approver', 'finance'])).json()).toMatchObject({
      code: 'ROLES_INCOMPATIBLE',
    });
    expect((await create(['approver', 'parameter-officer'])).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    for (const role of ['clerk', 'reviewer', 'approver', 'finance', 'parameter-officer'])
      expectOk(await create([role]), 201);
  });

  it('a staff account needs its holder’s ID number', async () => {
    const res = await admin.request('POST', '/api/v1/accounts', {
      username: `staff${++n}`,
      displayName: 'x',
      roles: ['clerk'],
      regionCode: '510104',
      password: 'First-pass-1',
    });
    expect(res.json()).toMatchObject({ code: 'REQUIRED_FIELD', field: 'idNumber' });
  });
});

describe('a declared exception (small office)', () => {
  it('lets the region and those below it combine that one pair, is audited, and stops when revoked', async () => {
    expect((await create(['clerk', 'reviewer'])).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    expect(
      (
        await admin.request('POST', '/api/v1/role-exceptions', {
          regionCode: '510104',
          roles: ['clerk', 'reviewer'],
          reason: '街道所仅两人',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await security.request('POST', '/api/v1/role-exceptions', {
          regionCode: '510104',
          roles: ['auditor', 'clerk'],
          reason: '试图让审计员兼任受理员',
        })
      ).json(),
    ).toMatchObject({ code: 'ROLE_EXCEPTION_NOT_ALLOWED', field: 'roles[0]' });
    // Four marks fit the length a reason may have, yet say nothing to whoever reviews the exception.
    for (const reason of ['!!!!!!', 'x!!!'])
      expect(
        (
          await security.request('POST', '/api/v1/role-exceptions', {
            regionCode: '510104',
            roles: ['reviewer', 'clerk'],
            reason,
          })
        ).json(),
      ).toMatchObject({ code: 'REASON_TOO_BRIEF', field: 'reason' });
    const declared = await security.request('POST', '/api/v1/role-exceptions', {
      regionCode: '510104',
      roles: ['reviewer', 'clerk'],
      reason: '锦江区某街道所仅两名工作人员，经局党组研究同意',
    });
    expectOk(declared, 201);
    expectOk(await create(['clerk', 'reviewer'], '510104'), 201);
    expect((await create(['clerk', 'reviewer'], '510105')).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    expect((await create(['clerk', 'approver'], '510104')).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    expect(
      (await security.request('GET', '/api/v1/role-exceptions')).json<{ exceptions: unknown[] }>().exceptions,
    ).toHaveLength(1);
    expect(
      (await security.request('POST', `/api/v1/role-exceptions/${declared.json<{ id: string }>().id}/revocation`))
        .statusCode,
    ).toBe(204);
    expect((await create(['clerk', 'reviewer'], '510104')).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
    const audit = await app.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', 'like', 'role-exception.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['role-exception.declared', 'role-exception.revoked']);
  });

  it('a pair declared twice at once is declared once, so one revocation ends it', async () => {
    const body = { regionCode: '510105', roles: ['clerk', 'reviewer'], reason: '青羊区某街道所仅两名工作人员' };
    const sent = await Promise.all(
      Array.from({ length: 10 }, () => security.request('POST', '/api/v1/role-exceptions', body)),
    );
    expect(sent.map((r) => r.statusCode).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    expect(sent.find((r) => r.statusCode === 409)?.json()).toMatchObject({ code: 'ROLE_EXCEPTION_EXISTS' });
    const declared = sent.find((r) => r.statusCode === 201)?.json<{ id: string }>().id;
    expect((await security.request('POST', `/api/v1/role-exceptions/${declared}/revocation`)).statusCode).toBe(204);
    expect((await create(['clerk', 'reviewer'], '510105')).json()).toMatchObject({ code: 'ROLES_INCOMPATIBLE' });
  });
});

describe('staff and their own claims', () => {
  it('a reviewer whose ID number is on the account cannot review a claim of theirs filed at the counter', async () => {
    const clerk = await staff(app, 'own-claim-clerk', ['clerk'], '510104');
    const mine = idNumber('1984-04-04');
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: mine,
      name: '审核员本人',
      regionCode: '510104',
    });
    expectOk(person, 201);
    const created = await admin.request('POST', '/api/v1/accounts', {
      username: 'own-reviewer',
      displayName: '审核员本人',
      roles: ['reviewer'],
      regionCode: '510104',
      idNumber: mine,
      password: 'First-pass-1',
    });
    expectOk(created, 201);
    const first = await login(app, 'own-reviewer', 'First-pass-1');
    expect(
      (
        await first.request('POST', '/api/v1/session/password', {
          currentPassword: 'First-pass-1',
          newPassword: 'Second-pass-2',
        })
      ).statusCode,
    ).toBe(204);
    const reviewer = await login(app, 'own-reviewer', 'Second-pass-2');
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: person.json<{ id: string }>().id,
      idempotencyKey: 'own-claim-1',
      submit: true,
    });
    expectOk(filed, 201);
    const id = filed.json<{ id: string }>().id;
    const accepter = await staff(app, 'own-claim-accepter', ['clerk'], '510104');
    expectOk(
      await accepter.request('POST', `/api/v1/applications/${id}/transitions`, {
        action: 'accept',
        reason: '材料齐全，资格由审核核定',
      }),
    );
    expect(
      (
        await reviewer.request('POST', `/api/v1/applications/${id}/transitions`, {
          action: 'review',
          reason: '本人审核',
        })
      ).json(),
    ).toMatchObject({ code: 'SOD_OWN_CLAIM' });
  });

  it('the supervisor, read-only, cannot set what is paid; the parameter officer can', async () => {
    const supervisor = await staff(app, 'ro-supervisor', ['supervisor'], '510104');
    const officer = await staff(app, 'param-officer', ['parameter-officer'], '510104');
    const body = {
      parameter: 'startup.amount',
      regionCode: '510104',
      from: '2027-01-01',
      value: 1_000_000,
      note: '分离测试：与默认值相同',
    };
    expect((await supervisor.request('POST', '/api/v1/parameters', body)).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await officer.request('POST', '/api/v1/parameters', body)).statusCode).not.toBe(403);
  });
});
