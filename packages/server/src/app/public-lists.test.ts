import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { expectOk, fundRegion, login, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { buildApp, type App } from './build-app.js';

/**
 * The public lists kept in memory per version of their data (decision 025), with two server
 * processes on one database: what is changed through one is in the other's very next answer, with
 * no wait and no restart. On PostgreSQL the second server has a connection pool of its own; on the
 * embedded database (one process only) it shares the connection but not the first one's caches.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let other: App;
let ownPool: DatabaseHandle | undefined;
/** Staff logged in through the other server. */
let clerk: Client, counter: Client, reviewer: Client, approver: Client, officer: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  ownPool = app.databaseUrl ? await openDatabase({ url: app.databaseUrl, dataDir: '' }) : undefined;
  // A Kysely of its own on the embedded database: no cache or version of the first app is shared.
  const db: Kysely<Database> =
    ownPool?.db ??
    app.database.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
  other = await buildApp({
    db,
    databaseKind: app.database.kind,
    vault: app.vault,
    clock,
    logger: false,
    jobs: { role: 'serve' },
  });
  await fundRegion(app, '510104', 10_000_000);
  const through = { ...app, http: other.http } as TestApp;
  for (const [name, roles] of [
    ['clerk', ['clerk']],
    ['counter', ['clerk']],
    ['reviewer', ['reviewer']],
    ['approver', ['approver']],
    ['officer', ['parameter-officer']],
  ] as const)
    await staff(app, name, [...roles], '510104');
  clerk = await login(through, 'clerk');
  counter = await login(through, 'counter');
  reviewer = await login(through, 'reviewer');
  approver = await login(through, 'approver');
  officer = await login(through, 'officer');
}, 120_000);
afterAll(async () => {
  await other?.http.close();
  await ownPool?.close();
  await app?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.http.inject({ url, headers });

describe('public lists kept per version, two servers on one database', () => {
  it('a regional setting made through the other server is in the next policy list, with a new entity tag', async () => {
    const url = '/api/v1/policies?region=510104&date=2026-12-01';
    const amountOf = (body: string) =>
      JSON.parse(body).policies.find((p: { id: string }) => p.id === 'one-time-job-seeking')?.scheme?.parameters[0]
        ?.value as number | undefined;
    const before = await get(url);
    expect(before.statusCode).toBe(200);
    expect(before.headers['cache-control']).toBe('public, no-cache');
    const tag = String(before.headers.etag);
    expect((await get(url, { 'if-none-match': tag })).statusCode).toBe(304);
    expect(amountOf(before.body)).not.toBe(180_000);

    expectOk(
      await officer.request('POST', '/api/v1/parameters', {
        parameter: 'job-seeking.amount',
        regionCode: '510104',
        from: '2026-12-01',
        value: 180_000,
        note: '锦江区提高求职补贴标准',
      }),
      201,
    );
    const after = await get(url, { 'if-none-match': tag });
    expect(after.statusCode).toBe(200);
    expect(amountOf(after.body)).toBe(180_000);
    expect(after.headers.etag).not.toBe(tag);
  });

  it('a claim publicised through the other server is on the next disclosure list', async () => {
    const url = '/api/v1/disclosures?region=510104';
    const rows = (body: string) => (JSON.parse(body) as { rows: unknown[] }).rows.length;
    const before = await get(url);
    expect(rows(before.body)).toBe(0);
    expect((await get(url)).headers.etag).toBe(before.headers.etag);

    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('2004-03-05', 'female', '510104'),
      name: '王小红',
      regionCode: '510104',
      facts: [
        { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
        { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
      ],
    });
    expectOk(person, 201);
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      personId: person.json<{ id: string }>().id,
      claim: {},
      idempotencyKey: 'public-lists-1',
      submit: true,
    });
    expectOk(filed, 201);
    const id = filed.json<{ id: string }>().id;
    for (const [c, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
    ] as const)
      expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action }));
    // Approved, not yet publicised: still not on the list (a page built now, from a later version).
    expect(rows((await get(url)).body)).toBe(0);
    expectOk(await approver.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'publicise' }));

    const after = await get(url, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(rows(after.body)).toBe(1);
  });

  it('sends the list compressed to a client that accepts it, and the same list', async () => {
    const url = '/api/v1/policies?region=510104&date=2026-12-01';
    const plain = await get(url);
    for (const encoding of ['br', 'gzip'] as const) {
      const packed = await get(url, { 'accept-encoding': `${encoding}, deflate` });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers.vary).toBe('accept-encoding');
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
      const unpacked = encoding === 'br' ? brotliDecompressSync(packed.rawPayload) : gunzipSync(packed.rawPayload);
      expect(unpacked.toString('utf8')).toBe(plain.body);
    }
  });
});
