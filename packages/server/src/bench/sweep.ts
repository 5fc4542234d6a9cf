import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildServices } from '../app/build-app.js';
import { openDatabase } from '../db/database.js';
import { todayInShanghai } from '../http/today.js';
import { emptyTally } from '../proactive/sweep-batch.js';
import { Vault } from '../security/vault.js';
import { wholeNumberOption } from './options.js';
import { generateRegistry } from './sweep-registry.js';
import { sweepOnPostgres } from './sweep-postgres.js';
import { load, printSplit, secs } from './sweep-print.js';

/**
 * `npm run bench:sweep [-- --people 1000000]`: a synthetic registry of N people and N/20 units is
 * generated into a fresh embedded database (not timed), then the proactive sweep decides every
 * person and unit for every subsidy open to them and records the offers, in this process. Prints
 * each stage, where the time went (reading, deciding, writing) and ends with `sweep: X s`.
 * `--threads 0,1` (the default) sweeps the same registry twice in the same run: deciding on the
 * main thread (the baseline), then in a worker thread beside it (offers cleared between runs).
 *
 * `-- --database postgres [--url postgres://…] --workers 1,2`: the same registry in a fresh database
 * on a PostgreSQL server (`DATABASE_URL` by default; the database is created and dropped), and the
 * sweep run as production runs it: queued, its slices taken by N `huimin worker` processes — once
 * for each N listed, on the same data (offers cleared between runs), each run printing the split.
 * `--keep` leaves that database in place instead of dropping it.
 */
const n = wholeNumberOption('people', 1_000_000);
const at = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
if (at('database') === 'postgres') {
  const url = at('url') ?? process.env.DATABASE_URL;
  if (!url) throw new Error('--database postgres needs --url or DATABASE_URL');
  const workers = (at('workers') ?? '2').split(',').map(Number);
  if (workers.some((w) => !Number.isInteger(w) || w <= 0))
    throw new Error('--workers must list positive whole numbers');
  await sweepOnPostgres(url, n, workers, process.argv.includes('--keep'));
} else {
  const threads = (at('threads') ?? '0,1').split(',');
  if (threads.some((t) => t !== '0' && t !== '1'))
    throw new Error('--threads lists 0 (deciding here) and 1 (a thread)');
  await sweepEmbedded(threads.map((t) => t === '1'));
}

async function sweepEmbedded(threads: readonly boolean[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-sweep-'));
  const database = await openDatabase({ dataDir: dir });
  const db = database.db;
  const vault = Vault.random();
  const services = buildServices({ db, vault });
  try {
    const t0 = performance.now();
    const { supervisorId, units } = await generateRegistry(db, vault, n, todayInShanghai());
    console.log(
      `generate         ${secs((performance.now() - t0) / 1000).padStart(7)} s  (${n.toLocaleString('en-US')} people, ${units.toLocaleString('en-US')} units; not counted)`,
    );
    const actor = await services.sessions.actorOf(supervisorId, null);
    for (const inThread of threads) {
      // The offers' messages first: a message keeps its offer.
      await db.deleteFrom('notification').where('offer_id', 'is not', null).execute();
      await db.deleteFrom('offer').execute();
      services.sweeps.useDecidingThread(inThread);
      console.log(`--- deciding ${inThread ? 'in a worker thread' : 'on the main thread'}`);
      console.log(`load average before: ${load()}`);
      const t1 = performance.now();
      const job = await services.sweeps.start(actor);
      // Each stage's time: people, then units (then filing, where a region marks 免申即享; none here).
      const stages: { phase: string; start: number; done: number }[] = [];
      let last = 0;
      let previousEvent = t1;
      const tally = emptyTally();
      await services.sweeps.run(job.id, actor, {
        tally,
        onProgress: ({ phase, done, total }) => {
          // A stage starts when the one before it reported its last batch.
          if (stages[stages.length - 1]?.phase !== phase) {
            stages.push({ phase, start: previousEvent, done: 0 });
            last = 0;
          }
          previousEvent = performance.now();
          const stage = stages[stages.length - 1] as { done: number };
          stage.done = done;
          const pct = Math.floor((done * 100) / total);
          if (pct >= last + 10 || done === total) {
            last = pct;
            process.stdout.write(
              `  ${phase.padEnd(7)} ${String(pct).padStart(3)}%  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}\n`,
            );
          }
        },
      });
      const end = performance.now();
      const seconds = (end - t1) / 1000;
      const view = await services.sweeps.get(actor, job.id);
      stages.forEach((stage, i) => {
        const took = ((stages[i + 1]?.start ?? end) - stage.start) / 1000;
        console.log(
          `${stage.phase.padEnd(16)} ${secs(took).padStart(7)} s  ${Math.round(stage.done / took)
            .toLocaleString('en-US')
            .padStart(10)} ${stage.phase === 'units' ? 'units' : 'people'}/s`,
        );
      });
      printSplit(tally, end - t1);
      console.log(
        `sweep            ${secs(seconds).padStart(7)} s  ${Math.round(n / seconds)
          .toLocaleString('en-US')
          .padStart(10)} people/s  (${view.offersCreated.toLocaleString('en-US')} offers)`,
      );
      console.log(`load average after: ${load()}`);
      if (view.peopleDone !== n || view.unitsDone !== units)
        throw new Error(`the sweep saw ${view.peopleDone} of ${n} people and ${view.unitsDone} of ${units} units`);
      console.log(`sweep: ${secs(seconds)} s`);
      // Its offers' messages, which the worker's notification job writes after the sweep (decision 016).
      const t2 = performance.now();
      const announced = await services.notifications.announceEndedSweeps();
      console.log(
        `announce         ${secs((performance.now() - t2) / 1000).padStart(7)} s  (${announced.messages.toLocaleString('en-US')} messages, after the sweep, by the notification job)`,
      );
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
