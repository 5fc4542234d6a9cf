import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { buildServices } from '../app/build-app.js';
import { openDatabase } from '../db/database.js';
import { todayInShanghai } from '../http/today.js';
import { JobQueue } from '../jobs/job-queue-service.js';
import { emptyTally, type SweepTally } from '../proactive/sweep-batch.js';
import { Vault } from '../security/vault.js';
import { generateRegistry } from './sweep-registry.js';
import { load, printSplit, secs } from './sweep-print.js';

const main = fileURLToPath(new URL('../main.js', import.meta.url));

/**
 * bench:sweep on a PostgreSQL server, as production runs it (decision 024): the registry in a fresh
 * database (created here, dropped at the end), the sweep started on a `serve` queue and its slices
 * taken by `huimin worker` processes, the sweep cut into as many parts as there are workers. Each
 * slice's output in `pgboss.job` names the worker that ran it and what it did, which gives the split. One run per entry of `workers`, on the same data.
 */
export async function sweepOnPostgres(
  url: string,
  n: number,
  workerCounts: readonly number[],
  keep = false,
): Promise<void> {
  const name = `huimin_bench_sweep_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const key = randomBytes(32);
  const vault = new Vault(key);
  const database = await openDatabase({ url: benchUrl.toString(), dataDir: '' });
  const db = database.db;
  const services = buildServices({ db, vault });
  const queue = new JobQueue(db as never, { role: 'serve' });
  try {
    const t0 = performance.now();
    const { supervisorId, units } = await generateRegistry(db, vault, n, todayInShanghai());
    await sql`analyze`.execute(db);
    console.log(
      `generate         ${secs((performance.now() - t0) / 1000).padStart(7)} s  (${n.toLocaleString('en-US')} people, ${units.toLocaleString('en-US')} units on PostgreSQL; not counted)`,
    );
    services.sweeps.runOn(queue, (id) => services.sessions.actorOf(id, null));
    await queue.start();
    const actor = await services.sessions.actorOf(supervisorId, null);
    for (const count of workerCounts) {
      // The same registry each time: the offers of the run before are cleared.
      await db.deleteFrom('offer').execute();
      const workers = await Promise.all(
        Array.from({ length: count }, () => startWorker(benchUrl.toString(), key.toString('hex'))),
      );
      try {
        // As many parts as workers (decision 009): each worker can take a part of its own.
        console.log(
          `--- ${count} worker${count === 1 ? '' : 's'}, ${count} part${count === 1 ? '' : 's'}; load average before: ${load()}`,
        );
        const t1 = performance.now();
        const job = await services.sweeps.startInBackground(actor, count);
        for (;;) {
          const view = await services.sweeps.get(actor, job.id);
          if (view.state === 'failed') throw new Error(`the sweep failed: ${view.error ?? ''}`);
          if (view.state === 'done') break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const wall = performance.now() - t1;
        const view = await services.sweeps.get(actor, job.id);
        const { rows } = await sql<{ output: SweepTally & { worker: string; ms: number } }>`
          select output from pgboss.job where name = 'sweep.run' and data->>'sweepJobId' = ${job.id}
            and state = 'completed'`.execute(db);
        const byWorker = new Map<string, { slices: number; ms: number; tally: SweepTally }>();
        const total = emptyTally();
        for (const { output } of rows) {
          const w = byWorker.get(output.worker) ?? { slices: 0, ms: 0, tally: emptyTally() };
          byWorker.set(output.worker, w);
          w.slices += 1;
          w.ms += output.ms;
          for (const k of ['people', 'units', 'read', 'decide', 'write'] as const) {
            w.tally[k] += output[k] ?? 0;
            total[k] += output[k] ?? 0;
          }
        }
        for (const [worker, w] of byWorker)
          console.log(
            `  worker ${worker.padEnd(24)} ${String(w.slices).padStart(3)} slices  ${w.tally.people.toLocaleString('en-US').padStart(10)} people  ${w.tally.units.toLocaleString('en-US').padStart(7)} units  busy ${secs(w.ms / 1000)} s  ${Math.round(w.tally.people / (w.ms / 1000)).toLocaleString('en-US')} people/s`,
          );
        printSplit(total, wall);
        console.log(
          `sweep, ${count} worker${count === 1 ? ' ' : 's'}  ${secs(wall / 1000).padStart(7)} s  ${Math.round(
            n / (wall / 1000),
          )
            .toLocaleString('en-US')
            .padStart(
              10,
            )} people/s  (${view.offersCreated.toLocaleString('en-US')} offers; load average after: ${load()})`,
        );
        if (view.peopleDone !== n || view.unitsDone !== units)
          throw new Error(`the sweep saw ${view.peopleDone} of ${n} people and ${view.unitsDone} of ${units} units`);
      } finally {
        await Promise.all(workers.map(stopWorker));
      }
    }
  } finally {
    await queue.stop();
    await database.close();
    // `--keep` leaves the registry for reading plans at this size (`bench:plans`).
    if (keep) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A `huimin worker` process on the bench's database, once it says it runs jobs. */
function startWorker(url: string, masterKey: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      HUIMIN_MASTER_KEY: masterKey,
      HUIMIN_ROLE: 'worker',
      HUIMIN_DEMO: 'off',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Huimin worker running')) {
        child.stdout?.removeAllListeners('data');
        child.stdout?.resume();
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`a worker exited with ${code} before it ran: ${seen}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
