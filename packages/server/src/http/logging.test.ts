import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { buildApp, type App } from '../app/build-app.js';

/** The app's own logger, writing into a list, over the test app's database. */
let test: TestApp;
let logged: App;
const lines: string[] = [];

beforeAll(async () => {
  test = await startTestApp();
  await staff(test, 'log-clerk', ['clerk'], '510104');
  const stream = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
  logged = await buildApp({
    db: test.database.db,
    databaseKind: test.database.kind,
    vault: test.vault,
    logger: { level: 'info', stream },
  });
});
afterAll(async () => {
  await logged.http.close();
  await test.close();
});

describe('logs carry no personal data', () => {
  it('a search by ID number and name is logged by its path, without the query string', async () => {
    const login = await logged.http.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'log-clerk', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    lines.length = 0;
    const res = await logged.http.inject({
      url: `/api/v1/people?idNumber=110101199003077774&name=${encodeURIComponent('张三')}`,
      headers: { cookie, authorization: 'Bearer secret-token' },
    });
    expect(res.statusCode).toBe(200);
    const text = lines.join('');
    expect(text).toContain('/api/v1/people');
    expect(text).not.toContain('110101199003077774');
    expect(text).not.toContain('张三');
    expect(text).not.toContain(encodeURIComponent('张三'));
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain(cookie.split('=')[1]);
  });

  it('fields that name a person or open an account are redacted wherever a log line carries them', () => {
    lines.length = 0;
    logged.http.log.info(
      {
        person: { idNumber: '110101199003077774', name: '张三', phone: '13800138000', address: '锦江区某街1号' },
        bankAccount: '6222020200112233445',
        password: PASSWORD,
      },
      'a careless line',
    );
    const text = lines.join('');
    expect(text).toContain('a careless line');
    for (const secret of ['110101199003077774', '张三', '13800138000', '锦江区', '6222020200112233445', PASSWORD])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
