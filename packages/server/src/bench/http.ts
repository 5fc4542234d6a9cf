import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../app/build-app.js';
import { migrate, openDatabase } from '../db/database.js';
import { DEMO_PASSWORD, seedDemoCity } from '../demo/demo-city.js';
import { seedReferenceData } from '../demo/seed.js';
import { Vault } from '../security/vault.js';
import type { PacedFigures, PacedLoad } from './http-paced-client.js';
import { wholeNumberOption } from './options.js';

/**
 * `npm run bench:http [-- --seconds 10 --connections 20]`: the server under load over loopback, beside
 * a bare Fastify "hello" started in the same run, so each route's figure is read as a share of what
 * this machine can serve at all. Public reads (the policy list, the disclosure list; each as a
 * client that takes no compression and as a browser asks, `Accept-Encoding: gzip, deflate, br`),
 * login, the clerk's worklist, and filing an application at a fixed 200 requests a second. On the embedded
 * database by default; `DATABASE_URL` (an empty database) runs it on PostgreSQL. A benchmark prints;
 * it never fails on a time.
 */
const seconds = wholeNumberOption('seconds', 10);
const connections = wholeNumberOption('connections', 20);

interface Figures {
  name: string;
  rps: number;
  /**
   * Requests per second of the server thread's busy time (its event loop utilisation): what the
   * server could answer if the client kept up.
   */
  capacity?: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Statements sent to the database per request answered: the round trips a route costs. */
  statements: number;
}

/**
 * The client runs in its own worker thread: on this thread its own work (it decodes every answer's
 * body into a string) took half the thread from a server answering 37 kB lists, and none from one
 * answering "hello", so the shares measured the client. The filing runs at a fixed rate in a
 * client of its own (`paced`).
 */
function run(name: string, opts: autocannon.Options): Promise<Figures> {
  const idleBefore = performance.eventLoopUtilization();
  const statementsBefore = statements;
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration: seconds, ...opts, workers: 1 }, (error, result) => {
      if (error) return reject(error);
      const busy = performance.eventLoopUtilization(idleBefore).utilization;
      resolve({
        name,
        rps: result.requests.average,
        ...(busy > 0 ? { capacity: result.requests.average / busy } : {}),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        statements: result.requests.total ? (statements - statementsBefore) / result.requests.total : 0,
      });
    });
  });
}

/** A route under an evenly paced load (`http-paced-client.ts`), measured as `run` measures. */
async function paced(name: string, load: PacedLoad): Promise<Figures> {
  const idleBefore = performance.eventLoopUtilization();
  const statementsBefore = statements;
  const worker = new Worker(new URL('./http-paced-client.js', import.meta.url), { workerData: load });
  const [result] = (await once(worker, 'message')) as [PacedFigures];
  await worker.terminate();
  const busy = performance.eventLoopUtilization(idleBefore).utilization;
  return {
    name,
    rps: result.rps,
    ...(busy > 0 ? { capacity: result.rps / busy } : {}),
    p50: result.p50,
    p99: result.p99,
    non2xx: result.non2xx,
    statements: result.answered ? (statements - statementsBefore) / result.answered : 0,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'huimin-bench-http-'));
let statements = 0;
const database = await openDatabase({
  dataDir: dir,
  onQuery: () => statements++,
  ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
});
await migrate(database.db);
const vault = Vault.random();
await seedReferenceData(database.db);
process.stdout.write('seeding the demo city… ');
await seedDemoCity(database.db, vault);
console.log('done');
// As `npm start` runs it (the public lists kept per version of their data, decision 025).
const { http } = await buildApp({ db: database.db, databaseKind: database.kind, vault, logger: false });
await http.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;

const hello = Fastify({ logger: false });
hello.get('/', async () => ({ hello: 'world' }));
await hello.listen({ port: 0, host: '127.0.0.1' });
const bare = `http://127.0.0.1:${(hello.server.address() as AddressInfo).port}`;

/** A session cookie and CSRF token for a demo account, for the routes behind login. */
async function session(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie, ...(body.csrfToken ? { 'x-csrf-token': body.csrfToken } : {}) };
}

// Others may be working on the machine: the load is printed with the figures.
const loadBefore = loadavg()[0] ?? 0;
const results: Figures[] = [];
results.push(await run('bare Fastify hello', { url: bare }));
const policies = `${base}/api/v1/policies?region=510104`;
const disclosures = `${base}/api/v1/disclosures?region=510100`;
const browser = { 'accept-encoding': 'gzip, deflate, br' };
results.push(await run('GET /api/v1/policies (public)', { url: policies }));
results.push(await run('GET /api/v1/policies (public, compressed)', { url: policies, headers: browser }));
results.push(await run('GET /api/v1/disclosures (public)', { url: disclosures }));
results.push(await run('GET /api/v1/disclosures (public, compressed)', { url: disclosures, headers: browser }));
const clerk = await session('clerk');
results.push(
  await run('GET /api/v1/applications/worklist (clerk)', {
    url: `${base}/api/v1/applications/worklist?limit=20`,
    headers: clerk,
  }),
);
// Logging in hashes the password on purpose (slow by design) and is rate limited per account.
results.push(
  await run('POST /api/v1/session (login)', {
    url: `${base}/api/v1/session`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'reviewer', password: DEMO_PASSWORD }),
    connections: 4,
  }),
);

// Filing: the counter files 一次性求职补贴 for people with nothing filed, each once, 200 a second.
const people = await database.db
  .selectFrom('person')
  .select('id')
  .where('region_code', 'like', '5101%')
  .where(({ not, exists, selectFrom }) =>
    not(exists(selectFrom('application').select('id').whereRef('application.person_id', '=', 'person.id'))),
  )
  .limit((seconds + 1) * 200)
  .execute();
const counter = await session('counter');
const filing = {
  url: `${base}/api/v1/applications`,
  headers: { ...counter, 'content-type': 'application/json' },
  rate: 200,
};
const filings = people.map((person, i) =>
  JSON.stringify({
    subsidy: 'one-time-job-seeking',
    personId: person.id,
    idempotencyKey: `bench-${i}-${person.id.slice(0, 8)}`,
  }),
);
// One second not counted: the pool opens its connections and the first filing loads the catalogue's
// parameters; the requests queued behind that (up to 150 ms) are a start, not the steady state.
await paced('warm-up', { ...filing, bodies: filings.slice(0, 200) });
results.push(await paced('POST /api/v1/applications (file, 200/s)', { ...filing, bodies: filings.slice(200) }));

const bareFigures = results.find((r) => r.name.startsWith('bare'));
const share = (part: number | undefined, whole: number | undefined): string =>
  part === undefined || !whole ? '' : `${Math.round((1000 * part) / whole) / 10}%`;
console.log(`\nbench:http — ${seconds} s per route, ${connections} connections, database: ${database.kind}`);
console.log(
  `load average (1 min): ${Math.round(loadBefore * 10) / 10} before, ${Math.round((loadavg()[0] ?? 0) * 10) / 10} after`,
);
console.log(
  'route'.padEnd(50),
  'req/s'.padStart(9),
  'of bare'.padStart(8),
  'p50 ms'.padStart(8),
  'p99 ms'.padStart(8),
  'non-2xx'.padStart(8),
  'SQL/req'.padStart(8),
  'capacity'.padStart(9),
  'of bare'.padStart(8),
);
for (const r of results)
  console.log(
    r.name.padEnd(50),
    String(Math.round(r.rps)).padStart(9),
    share(r.rps, bareFigures?.rps).padStart(8),
    String(r.p50).padStart(8),
    String(r.p99).padStart(8),
    String(r.non2xx).padStart(8),
    String(Math.round(r.statements * 10) / 10).padStart(8),
    (r.capacity === undefined ? '' : String(Math.round(r.capacity))).padStart(9),
    share(r.capacity, bareFigures?.capacity).padStart(8),
  );
console.log(
  'SQL/req: statements sent to the database per request (begin and commit too, and any background work in the same seconds)',
);
console.log('capacity: req/s per second the server thread was busy (its event loop utilisation)');

await hello.close();
await http.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
