import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app/build-app.js';
import { staff, TestClock } from '../testing/fixtures.js';
import { startTestApp } from '../testing/test-app.js';
import { dibaoGraduates } from './sweep.test-kit.js';

/**
 * Over the API a sweep is a job on the queue (decision 024). A `serve` app only queues it; a
 * worker on the same database runs it, slice by slice (one batch of four people a slice here), and
 * every offer is made once.
 */
describe('a sweep started on a serve process', () => {
  it('is run by a worker, never by the serve process, in slices, each offer once', async () => {
    const clock = TestClock.at('2026-11-23T10:00:00+08:00');
    const app = await startTestApp({ clock, jobs: { role: 'serve' } });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    const supervisor = await staff(app, 'supervisor', ['supervisor'], '510104');
    await dibaoGraduates(clerk, 10);
    expect(app.jobs.role).toBe('serve');
    expect(app.jobs.runs).toEqual([]);

    const started = await supervisor.request('POST', '/api/v1/sweeps');
    expect(started.statusCode).toBe(202);
    const { id, startedAt } = started.json<{ id: string; startedAt: string }>();
    // Begun on the platform's clock, as it will end.
    expect(startedAt).toBe('2026-11-23T02:00:00.000Z');
    // Queued with its row, in one transaction; nothing decided yet.
    expect(
      await app.database.db
        .selectFrom('sweep_job')
        .select(['state', 'people_done'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'running', people_done: 0 });

    const worker = await buildApp({
      db: app.database.db,
      databaseKind: app.database.kind,
      vault: app.vault,
      clock,
      logger: false,
      sweepBatch: 4,
      jobs: { role: 'worker', pollingIntervalSeconds: 0.5, sweep: { sliceBatches: 1 } },
    });
    try {
      expect(worker.jobs.runs).toContain('sweep.run');
      await vi.waitFor(
        async () =>
          expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' }),
        { timeout: 120_000, interval: 100 },
      );
    } finally {
      await worker.http.close();
    }
    expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({
      peopleTotal: 10,
      peopleDone: 10,
      offersCreated: 10,
    });
    const offers = await app.database.db.selectFrom('offer').select('person_id').execute();
    expect(offers.length).toBe(10);
    expect(new Set(offers.map((o) => o.person_id)).size).toBe(10);
    // Ten people in batches of four, a batch a slice: three slices of people, then one that finds
    // none left, turns to units (none) and ends — each queued by the one before it.
    const { rows } = await sql<{ state: string }>`select state from pgboss.job where name = 'sweep.run'`.execute(
      app.database.db,
    );
    expect(rows.map((r) => r.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    await app.close();
  }, 180_000);
});
