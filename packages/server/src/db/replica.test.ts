import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, fundRegion, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The public reads from a streaming replica when DATABASE_REPLICA_URL names one (issue 21): the
 * disclosure list and the job board here; certificate verification and the gig board the same way.
 * CI starts a primary and a standby (`pg_basebackup -R`) and runs this file against the pair; with
 * no replica there is nothing to test here.
 */
const replica = process.env.DATABASE_REPLICA_URL;
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let standby: pg.Client;
let clerk: Client, counter: Client, reviewer: Client, approver: Client;

const inRecovery = async (db: TestApp['database']['db']) =>
  (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(db)).rows[0]?.r;
const published = async () =>
  (await app.http.inject({ url: '/api/v1/disclosures?region=510104' })).json<{ rows: unknown[] }>().rows.length;
const onBoard = async () =>
  (await app.http.inject({ url: '/api/v1/labour-market/jobs?region=510104' })).json<{ postings: { id: string }[] }>()
    .postings;

describe.runIf(replica)('public reads on a streaming replica', () => {
  beforeAll(async () => {
    app = await startTestApp({ clock });
    standby = new pg.Client({ connectionString: replica });
    await standby.connect();
    // The standby has the new database and its tables once it has replayed that far.
    await vi.waitFor(() => app.database.read.selectFrom('application').select('id').limit(1).execute(), {
      timeout: 60_000,
      interval: 200,
    });
    await fundRegion(app, '510104', 10_000_000);
    clerk = await staff(app, 'clerk', ['clerk'], '510104');
    counter = await staff(app, 'counter', ['clerk'], '510104');
    reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
    approver = await staff(app, 'approver', ['approver'], '510104');
  }, 120_000);
  afterAll(async () => {
    await standby?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await standby?.end();
    await app?.close();
  });

  it('reads go to the standby and writes to the primary; the standby refuses a write', async () => {
    expect(await inRecovery(app.database.read)).toBe(true);
    expect(await inRecovery(app.database.db)).toBe(false);
    await expect(sql`create table not_here (id int)`.execute(app.database.read)).rejects.toThrow();
  });

  it('the public list is served from the standby: held back while replay is paused, there once it resumes', async () => {
    expect(await published()).toBe(0);
    await standby.query('select pg_wal_replay_pause()');
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
      idempotencyKey: 'replica-publicised-1',
      submit: true,
    });
    expectOk(filed, 201);
    const id = filed.json<{ id: string }>().id;
    for (const [c, action] of [
      [counter, 'accept'],
      [reviewer, 'review'],
      [approver, 'approve'],
      [approver, 'publicise'],
    ] as const)
      expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action }));

    // Publicised on the primary, not yet on the paused standby the public list reads.
    expect((await approver.request('GET', `/api/v1/applications/${id}`)).json<{ state: string }>().state).toBe(
      'publicised',
    );
    expect(await published()).toBe(0);
    await standby.query('select pg_wal_replay_resume()');
    await vi.waitFor(async () => expect(await published()).toBe(1), { timeout: 60_000, interval: 200 });
  });

  it('the public job board is served from the standby too: a posting shows once replayed', async () => {
    const unit = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '锦江精密机械有限公司',
      category: 'enterprise',
      regionCode: '510104',
    });
    expectOk(unit, 201);
    expect(await onBoard()).toEqual([]);
    await standby.query('select pg_wal_replay_pause()');
    const posted = await clerk.request('POST', '/api/v1/labour-market/postings', {
      organisationId: unit.json<{ id: string }>().id,
      title: '数控车床操作工',
      occupationCode: '6-18-01-01',
      headcount: 3,
      payMinFen: 450_000,
      payMaxFen: 650_000,
      regionCode: '510104',
      place: '锦江区工业园1号',
      requirements: '持车工证书优先',
      description: '操作数控车床加工零件',
      contact: '人事部 028-0000000',
      validFrom: '2026-11-23',
      validTo: '2027-01-31',
    });
    expectOk(posted, 201);
    const id = posted.json<{ id: string }>().id;
    // Reviewed by a clerk who did not post it, on the primary; the clerk's own view reads there.
    expectOk(await counter.request('POST', `/api/v1/labour-market/postings/${id}/review`, { publish: true }));
    expect((await clerk.request('GET', `/api/v1/labour-market/postings/${id}`)).json()).toMatchObject({
      state: 'published',
    });
    expect(await onBoard()).toEqual([]);
    expect((await app.http.inject({ url: `/api/v1/labour-market/jobs/${id}` })).statusCode).toBe(404);
    await standby.query('select pg_wal_replay_resume()');
    await vi.waitFor(async () => expect((await onBoard()).map((p) => p.id)).toEqual([id]), {
      timeout: 60_000,
      interval: 200,
    });
    expect((await app.http.inject({ url: `/api/v1/labour-market/jobs/${id}` })).statusCode).toBe(200);
  });
});
