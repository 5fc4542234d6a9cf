import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobDefinition, JobQueue } from './job-queue-service.js';
import { effects, queueTestDatabase, quickQueue, recordEffect } from './job-queue.test-kit.js';
import { splitStatements } from './queue-database.js';

/** Conditions, not speed: a generous budget for a loaded machine, checked often. */
const EVENTUALLY = { timeout: 60_000, interval: 50 };

let setup: Awaited<ReturnType<typeof queueTestDatabase>>;
let db: Kysely<never>;
const queues: JobQueue[] = [];
const open = (queue: JobQueue) => (queues.push(queue), queue);

beforeEach(async () => {
  setup = await queueTestDatabase();
  db = setup.db;
});
afterEach(async () => {
  for (const q of queues.splice(0).reverse()) await q.stop(1_000);
  await setup.drop();
});

function effectJob(
  name: string,
  ranBy: string,
  run: (data: { key: string }, retryCount: number) => Promise<void> = async () => undefined,
  expireInSeconds = 600,
): JobDefinition<{ key: string }> {
  return {
    name,
    retryLimit: 3,
    retryDelaySeconds: 1,
    expireInSeconds,
    async run(data, job) {
      await run(data, job.retryCount);
      const first = await recordEffect(db, data.key, ranBy);
      return { ranBy, first };
    },
  };
}

describe('the job queue', () => {
  it('retries a job that failed, after a delay, and its effect happens once', async () => {
    const queue = open(quickQueue(db, 'all'));
    const attempts: number[] = [];
    const job = queue.define(
      effectJob('test.flaky', 'worker', async (_data, retryCount) => {
        attempts.push(retryCount);
        if (retryCount === 0) throw new Error('the bank was not answering');
      }),
    );
    await queue.start();
    const id = await queue.send(job, { key: 'a' });
    expect(id).not.toBeNull();
    await vi.waitFor(async () => expect((await queue.status(job, id ?? ''))?.state).toBe('completed'), EVENTUALLY);
    expect(attempts).toEqual([0, 1]);
    expect(await queue.status(job, id ?? '')).toMatchObject({
      retryCount: 1,
      output: { ranBy: 'worker', first: true },
    });
    expect(await effects(db)).toEqual([{ key: 'a', ran_by: 'worker' }]);
  }, 90_000);

  it('gives a job whose worker died to another worker, and the effect is still made once', async () => {
    // Worker A takes the job and freezes in it, as a killed process would: it neither finishes nor
    // fails it, asks for no more work and does no upkeep of its own. Worker B, started later, finds the run expired,
    // retries it and finishes it. When A wakes up, its late effect is refused by the job's key.
    let started!: () => void;
    const taken = new Promise<void>((resolve) => (started = resolve));
    let wake!: () => void;
    const frozen = new Promise<void>((resolve) => (wake = resolve));
    const a = open(quickQueue(db, 'worker', 3600));
    const definitionA = a.define(
      effectJob(
        'test.long',
        'A',
        async () => {
          started();
          await frozen;
        },
        1,
      ),
    );
    await a.start();
    const id = (await a.send(definitionA, { key: 'k' })) ?? '';
    await taken;
    await a.stopTaking();

    const b = open(quickQueue(db, 'worker'));
    const definitionB = b.define(effectJob('test.long', 'B', async () => undefined, 1));
    await b.start();
    await vi.waitFor(async () => expect((await b.status(definitionB, id))?.state).toBe('completed'), EVENTUALLY);
    // How many times the 1-second expiry struck before B finished depends on the machine's load.
    const done = await b.status(definitionB, id);
    expect(done).toMatchObject({ output: { ranBy: 'B', first: true } });
    expect(done?.retryCount).toBeGreaterThanOrEqual(1);

    wake();
    await a.stop(5_000);
    expect(await effects(db)).toEqual([{ key: 'k', ran_by: 'B' }]);
    // A's late completion did not overwrite B's.
    expect(await b.status(definitionB, id)).toMatchObject({ state: 'completed', output: { ranBy: 'B' } });
  }, 90_000);

  it('enqueues a job once per key', async () => {
    const queue = open(quickQueue(db, 'all'));
    let runs = 0;
    const job = queue.define(
      effectJob('test.keyed', 'worker', async () => {
        runs++;
      }),
    );
    await queue.start();
    const first = await queue.send(job, { key: 'sweep-1' }, { key: 'sweep-1' });
    const again = await queue.send(job, { key: 'sweep-1' }, { key: 'sweep-1' });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    await vi.waitFor(async () => expect((await queue.status(job, first ?? ''))?.state).toBe('completed'), EVENTUALLY);
    expect(runs).toBe(1);
  }, 90_000);

  it('never runs a job in a serve process: a worker does', async () => {
    const serve = open(quickQueue(db, 'serve'));
    const servedJob = serve.define(effectJob('test.batch', 'serve'));
    await serve.start();
    expect(serve.runs).toEqual([]);
    const id = (await serve.send(servedJob, { key: 'b' })) ?? '';

    const worker = open(quickQueue(db, 'worker'));
    const workerJob = worker.define(effectJob('test.batch', 'worker'));
    await worker.start();
    expect(worker.runs).toEqual(['test.batch']);
    await vi.waitFor(async () => expect((await worker.status(workerJob, id))?.state).toBe('completed'), EVENTUALLY);
    expect(await effects(db)).toEqual([{ key: 'b', ran_by: 'worker' }]);
  }, 90_000);

  it('enqueues inside the caller’s transaction: a job rolled back with it never runs', async () => {
    const queue = open(quickQueue(db, 'serve'));
    const job = queue.define(effectJob('test.tx', 'serve'));
    await queue.start();
    const kept = await db.transaction().execute((trx) => queue.send(job, { key: 'kept' }, { trx }));
    await expect(
      db.transaction().execute(async (trx) => {
        await queue.send(job, { key: 'lost' }, { trx });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await queue.status(job, kept ?? '')).toMatchObject({ state: 'created' });
    const worker = open(quickQueue(db, 'worker'));
    worker.define(effectJob('test.tx', 'worker'));
    await worker.start();
    await vi.waitFor(async () => expect(await effects(db)).toEqual([{ key: 'kept', ran_by: 'worker' }]), EVENTUALLY);
  }, 90_000);
});

describe('splitting pg-boss scripts for the embedded database', () => {
  it('splits at semicolons outside quotes and function bodies', () => {
    expect(
      splitStatements(`BEGIN; SELECT ';' as a; -- a comment; still it
      CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END; $$ LANGUAGE plpgsql;
      SELECT $1::int; COMMIT;`),
    ).toEqual([
      'BEGIN',
      `SELECT ';' as a`,
      `-- a comment; still it
      CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END; $$ LANGUAGE plpgsql`,
      'SELECT $1::int',
      'COMMIT',
    ]);
  });
});
