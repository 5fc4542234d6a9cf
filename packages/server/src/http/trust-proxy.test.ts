import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { buildApp } from '../app/build-app.js';

/** The address the audit trail records for a login, with a forged X-Forwarded-For. */
async function loginAddress(http: TestApp['http'], username: string): Promise<string | null> {
  const res = await http.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: PASSWORD },
    headers: { 'x-forwarded-for': '203.0.113.66' },
  });
  expect(res.statusCode).toBe(200);
  const accountId = res.json<{ account: { id: string } }>().account.id;
  const entry = await app.database.db
    .selectFrom('audit_entry')
    .select('ip')
    .where('action', '=', 'session.login')
    .where('entity_id', '=', accountId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return entry.ip;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await staff(app, 'proxy-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

describe('the client address', () => {
  it('by default X-Forwarded-For is ignored: the audit trail records the connection’s address', async () => {
    expect(await loginAddress(app.http, 'proxy-clerk')).toBe('127.0.0.1');
  });

  it('behind a configured proxy (one hop) the forwarded address is the client’s', async () => {
    const behindProxy = await buildApp({
      db: app.database.db,
      databaseKind: app.database.kind,
      vault: app.vault,
      trustProxy: 1,
    });
    try {
      expect(await loginAddress(behindProxy.http, 'proxy-clerk')).toBe('203.0.113.66');
    } finally {
      await behindProxy.http.close();
    }
  });

  it('a list of proxies is believed only when the connection comes from one of them', async () => {
    const other = await buildApp({
      db: app.database.db,
      databaseKind: app.database.kind,
      vault: app.vault,
      trustProxy: ['10.0.0.0/8'],
    });
    try {
      expect(await loginAddress(other.http, 'proxy-clerk')).toBe('127.0.0.1');
    } finally {
      await other.http.close();
    }
  });
});
