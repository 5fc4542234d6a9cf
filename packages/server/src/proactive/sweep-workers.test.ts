import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { PASSWORD, staff } from '../testing/fixtures.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { startTestApp } from '../testing/test-app.js';
import { dibaoGraduates } from './sweep.test-kit.js';

/**
 * Issue 21's test of stateless servers (decision 024): two `huimin serve` processes and a `huimin
 * worker` on one PostgreSQL. The supervisor logs in through one server and acts through the other;
 * the sweep is cut into two parts and the worker is SIGKILLed after its first batch of one; a
 * second worker takes the other part and the dead run once it expires, and the sweep ends with
 * every offer made exactly once. The embedded database is one process by design (`huimin serve`
 * refuses it), so this runs on a PostgreSQL server only.
 */
describe.skipIf(!process.env.DATABASE_URL)('two servers and a worker on one PostgreSQL', () => {
  it('finish a sweep whose worker was killed half-way, every offer once', async () => {
    const key = randomBytes(32);
    const app = await startTestApp({ masterKey: key, jobs: { role: 'serve' } });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    await staff(app, 'supervisor', ['supervisor'], '510104');
    await dibaoGraduates(clerk, 10);
    const env = {
      DATABASE_URL: app.databaseUrl ?? '',
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_SWEEP_BATCH: '4',
      // A dead worker's slice is retried after three seconds, checked every second.
      HUIMIN_SWEEP_SLICE_SECONDS: '3',
      // Two parts by id range (decision 009): the killed worker holds one; the other is free to take.
      HUIMIN_SWEEP_PARTS: '2',
      HUIMIN_JOB_MAINTENANCE_SECONDS: '1',
    };
    const processes: ServerProcess[] = [];
    try {
      const one = await startServerProcess({ ...env, HUIMIN_ROLE: 'serve' });
      processes.push(one);
      const two = await startServerProcess({ ...env, HUIMIN_ROLE: 'serve' });
      processes.push(two);
      const worker = await startServerProcess(
        { ...env, HUIMIN_ROLE: 'worker', HUIMIN_FAILPOINTS: 'sweep.after-batch' },
        { ready: 'Huimin worker running' },
      );
      processes.push(worker);

      // The session made on one server is good on the other: it lives in the database.
      const login = await fetch(`http://127.0.0.1:${one.port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const onTwo = (method: string, path: string) =>
        fetch(`http://127.0.0.1:${two.port}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken } });

      const started = await onTwo('POST', '/api/v1/sweeps');
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: string };
      await worker.reached('failpoint reached: sweep.after-batch');
      await worker.kill();
      expect(
        await app.database.db
          .selectFrom('sweep_job')
          .select(['state', 'people_done', 'offers_created'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ state: 'running', people_done: 4, offers_created: 4 });
      expect(
        await app.database.db.selectFrom('sweep_part').select('part').where('sweep_job_id', '=', id).execute(),
      ).toHaveLength(2);

      processes.push(await startServerProcess({ ...env, HUIMIN_ROLE: 'worker' }, { ready: 'Huimin worker running' }));
      await vi.waitFor(
        async () => expect(await (await onTwo('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' }),
        { timeout: 150_000, interval: 200 },
      );
      expect(await (await onTwo('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({
        peopleTotal: 10,
        peopleDone: 10,
        offersCreated: 10,
      });
      const offers = await app.database.db.selectFrom('offer').select('person_id').execute();
      expect(offers.length).toBe(10);
      expect(new Set(offers.map((o) => o.person_id)).size).toBe(10);
    } finally {
      for (const p of processes.reverse()) await p.kill();
      await app.close();
    }
    // Four cold starts and a sweep on a loaded machine: a budget for the work, not a speed test.
  }, 300_000);
});
