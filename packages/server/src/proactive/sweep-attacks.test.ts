import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * A sweep walks every person and unit of the region: started many times at once (a double click, a
 * client retrying on a timeout), the region gets one sweep and every start is answered with it;
 * once it is done, the next start is a new sweep. Another county's supervisor can neither see nor
 * resume it.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let supervisor: Client, neighbour: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  supervisor = await staff(app, 'sa-supervisor', ['supervisor'], '510104');
  neighbour = await staff(app, 'sa-supervisor-510105', ['supervisor'], '510105');
}, 120_000);
afterAll(() => app?.close());

const sweepsOf = (region: string) =>
  app.database.db.selectFrom('sweep_job').select('id').where('region_code', '=', region).execute();

describe('a sweep started fifty times at once', () => {
  it('is one sweep, every start answered with it; another county can neither see nor resume it', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => supervisor.request('POST', '/api/v1/sweeps')));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 202));
    const ids = new Set(answers.map((a) => a.json<{ id: string }>().id));
    expect(ids.size).toBe(1);
    const [id] = [...ids] as [string];
    expect((await sweepsOf('510104')).map((s) => s.id)).toEqual([id]);
    const tries = [
      await neighbour.request('GET', `/api/v1/sweeps/${id}`),
      await neighbour.request('POST', `/api/v1/sweeps/${id}/resumption`),
    ];
    expect(tries.map((t) => t.statusCode)).toEqual([404, 404]);

    // Waits on the job, however long a loaded machine takes (the test's budget bounds it).
    await vi.waitFor(
      async () =>
        expect((await supervisor.request('GET', `/api/v1/sweeps/${id}`)).json()).toMatchObject({ state: 'done' }),
      { timeout: 100_000, interval: 50 },
    );
    const next = await supervisor.request('POST', '/api/v1/sweeps');
    expect(next.statusCode).toBe(202);
    expect(next.json<{ id: string }>().id).not.toBe(id);
  }, 120_000);
});
