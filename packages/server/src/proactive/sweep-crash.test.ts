import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { staff, TestClock } from '../testing/fixtures.js';
import { startServerProcess } from '../testing/server-process.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { buildApp } from '../app/build-app.js';
import { dibaoGraduates } from './sweep.test-kit.js';

/**
 * The server is killed with SIGKILL in the middle of a sweep (after its first batch of four people
 * is saved). After a restart the job resumes from its saved place: the first batch's offers are
 * there once, the rest are made, and nobody is offered anything twice.
 */
describe('a sweep killed half-way', () => {
  it('resumes where it stopped without offering anything twice', async () => {
    const key = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'huimin-sweep-'));
    // Only serves: on PostgreSQL it stays open beside the server process, whose worker must be the one to take the sweep.
    let app: TestApp = await startTestApp({
      dataDir: dir,
      masterKey: key,
      clock: TestClock.at('2026-11-23T10:00:00+08:00'),
      jobs: { role: 'serve' },
    });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    await staff(app, 'supervisor', ['supervisor'], '510104');
    await dibaoGraduates(clerk, 10);
    const url = app.databaseUrl;
    if (!url) await app.database.close();

    const server = await startServerProcess({
      HUIMIN_DATA_DIR: dir,
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_SWEEP_BATCH: '4',
      HUIMIN_FAILPOINTS: 'sweep.after-batch',
      ...(url ? { DATABASE_URL: url } : {}),
    });
    const send = await server.login('supervisor');
    const started = await send('POST', '/api/v1/sweeps');
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await server.reached('failpoint reached: sweep.after-batch');
    await server.kill();

    // After the restart: on the embedded database one app that serves and works; on PostgreSQL a
    // worker beside the serving app.
    const clock = TestClock.at('2026-11-23T10:00:00+08:00');
    if (!url) app = await startTestApp({ dataDir: dir, masterKey: key, clock });
    const worker = url
      ? await buildApp({
          db: app.database.db,
          databaseKind: app.database.kind,
          vault: app.vault,
          clock,
          logger: false,
          jobs: { role: 'worker', pollingIntervalSeconds: 0.5 },
        })
      : undefined;
    const db = app.database.db;
    expect(
      await db
        .selectFrom('sweep_job')
        .select(['state', 'people_done', 'offers_created'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'running', people_done: 4, offers_created: 4 });
    expect((await db.selectFrom('offer').select('id').execute()).length).toBe(4);

    // Another supervisor, who never saw its id, finds the interrupted sweep at the head of the list.
    const supervisor = await staff(app, 'supervisor2', ['supervisor'], '510104');
    const listed = (await supervisor.request('GET', '/api/v1/sweeps')).json<{ sweeps: { id: string }[] }>().sweeps;
    expect(listed[0]).toMatchObject({ id, state: 'running', peopleDone: 4, offersCreated: 4 });
    expect((await supervisor.request('POST', `/api/v1/sweeps/${listed[0]?.id}/resumption`)).statusCode).toBe(202);
    await vi.waitFor(
      async () =>
        expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' }),
      { timeout: 150_000, interval: 50 },
    );
    expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({
      state: 'done',
      peopleTotal: 10,
      peopleDone: 10,
      offersCreated: 10,
    });
    const offers = await db.selectFrom('offer').select(['person_id', 'subsidy_id']).execute();
    expect(offers.length).toBe(10);
    expect(new Set(offers.map((o) => o.person_id)).size).toBe(10);
    await worker?.http.close();
    await app.close();
    // A server process's cold start and a sweep on a loaded machine: a budget for the work, not a speed test.
  }, 240_000);
});
