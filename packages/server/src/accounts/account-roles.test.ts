import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, login, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * An administrator moves a member of staff to another post or county (调岗): the same rules as at
 * creation (三员分立; 权限不相容, 财社〔2023〕181号 第二十五条), never on their own account, and recorded.
 */
let app: TestApp;
let admin: Client;
let n = 0;

beforeAll(async () => {
  app = await startTestApp();
  admin = await staff(app, 'roles-admin', ['administrator'], '510100');
});
afterAll(() => app.close());

async function newAccount(roles: string[], regionCode = '510104'): Promise<{ id: string; username: string }> {
  const username = `moved${++n}`;
  const res = await admin.request('POST', '/api/v1/accounts', {
    username,
    displayName: `调岗人员${n}`,
    roles,
    regionCode,
    idNumber: idNumber('1985-05-05'),
    password: 'First-pass-1',
  });
  expectOk(res, 201);
  return { id: res.json<{ id: string }>().id, username };
}

const change = (c: Client, id: string, body: object, headers: Record<string, string> = {}) =>
  c.request('PUT', `/api/v1/accounts/${id}/roles`, body, headers);

describe('changing an account’s roles', () => {
  it('moves a clerk to reviewer in another county; the new post holds at once, and the trail keeps both sides', async () => {
    const account = await newAccount(['clerk']);
    const moved = await change(admin, account.id, { roles: ['reviewer'], regionCode: '510105' });
    expectOk(moved);
    expect(moved.json()).toMatchObject({ roles: ['reviewer'], regionCode: '510105' });

    // The holder's next request is answered under the new post.
    const first = await login(app, account.username, 'First-pass-1');
    expectOk(
      await first.request('POST', '/api/v1/session/password', {
        currentPassword: 'First-pass-1',
        newPassword: 'Second-pass-2',
      }),
      204,
    );
    const holder = await login(app, account.username, 'Second-pass-2');
    const me = (await holder.request('GET', '/api/v1/session')).json<{ account: { permissions: string[] } }>();
    expect(me.account.permissions).toContain('application:review');
    expect(me.account.permissions).not.toContain('application:accept');

    const entry = await app.database.db
      .selectFrom('audit_entry')
      .select(['action', 'before', 'after', 'actor_name'])
      .where('entity_id', '=', account.id)
      .where('action', '=', 'account.roles-changed')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      before: { roles: ['clerk'], regionCode: '510104' },
      after: { roles: ['reviewer'], regionCode: '510105' },
    });
  });

  it('refuses what creation refuses: the three administrators alone, incompatible posts, unknown roles', async () => {
    const account = await newAccount(['clerk']);
    expect(
      (await change(admin, account.id, { roles: ['auditor', 'clerk'], regionCode: '510104' })).json(),
    ).toMatchObject({ code: 'ROLES_INCOMPATIBLE', field: 'roles' });
    const english = await change(
      admin,
      account.id,
      { roles: ['clerk', 'finance'], regionCode: '510104' },
      { 'accept-language': 'en-US' },
    );
    expect(english.json<{ message: string }>().message).toContain('Clerk and Finance officer');
    expect((await change(admin, account.id, { roles: ['applicant'], regionCode: '510104' })).json()).toMatchObject({
      code: 'UNKNOWN_ROLE',
      field: 'roles[0]',
    });
    // A bank officer's account needs the bank it acts for.
    expect((await change(admin, account.id, { roles: ['bank-officer'], regionCode: '510104' })).json()).toMatchObject({
      code: 'REQUIRED_FIELD',
      field: 'organisationId',
    });
    // Nothing was changed by the refusals.
    const still = (await admin.request('GET', '/api/v1/accounts')).json<{
      accounts: { id: string; roles: string[] }[];
    }>();
    expect(still.accounts.find((a) => a.id === account.id)?.roles).toEqual(['clerk']);
  });

  it('never on one’s own account, outside one’s regions, or on an applicant’s', async () => {
    expect(
      (await change(admin, admin.accountId, { roles: ['administrator'], regionCode: '510100' })).json(),
    ).toMatchObject({
      code: 'OWN_ACCOUNT_ROLES',
    });
    const account = await newAccount(['finance']);
    expect((await change(admin, account.id, { roles: ['finance'], regionCode: '620100' })).json()).toMatchObject({
      code: 'OUT_OF_REGION',
      field: 'regionCode',
    });
    const county = await staff(app, 'county-admin', ['administrator'], '510105');
    expect((await change(county, account.id, { roles: ['clerk'], regionCode: '510105' })).statusCode).toBe(404);
    const registered = await app.http.inject({
      method: 'POST',
      url: '/api/v1/register',
      payload: {
        kind: 'person',
        idNumber: idNumber('1992-02-02'),
        name: '申请人',
        regionCode: '510104',
        username: 'roles-applicant',
        password: 'First-pass-1',
      },
    });
    expectOk(registered, 201);
    const applicantId = registered.json<{ id: string }>().id;
    expect((await change(admin, applicantId, { roles: ['clerk'], regionCode: '510104' })).statusCode).toBe(404);
  });
});
