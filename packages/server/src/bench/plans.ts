import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Actor } from '../auth/actor.js';
import { buildServices } from '../app/build-app.js';
import { migrate } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { Vault } from '../security/vault.js';
import { wholeNumberOption } from './options.js';

/**
 * `npm run bench:plans -- --url postgres://…/huimin_bench_sweep_N`: the staff lists over the
 * registry and the offers, read as the city's supervisor through the services themselves, on a
 * database left by `bench:sweep -- --database postgres --keep` (issue 21, item 4: the list queries'
 * plans at 10 million people). Each list is read `--runs` times (p50 and the slowest printed), then
 * every statement it sent is explained with `analyze, buffers`.
 *
 * The registry's master key is not kept, so the search by ID number hashes with another key and finds
 * no one; its plan (one index probe) is the same either way.
 */
const at = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const url = at('url') ?? process.env.DATABASE_URL;
if (!url) throw new Error('--url or DATABASE_URL names the database bench:sweep kept');
const runs = wholeNumberOption('runs', 5);

const sent: { sql: string; parameters: readonly unknown[] }[] = [];
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters });
  },
});
const services = buildServices({ db, vault: new Vault(randomBytes(32)) });

try {
  // A registry kept by an older build is brought up to this one's schema first (new indexes).
  const t0 = performance.now();
  await migrate(db);
  console.log(`migrations brought up to date in ${Math.round((performance.now() - t0) / 1000)} s`);
  const supervisor = await db
    .selectFrom('account')
    .select('id')
    .where('username', '=', 'bench-supervisor')
    .executeTakeFirstOrThrow();
  const actor: Actor = await services.sessions.actorOf(supervisor.id, null);
  const counts = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`${Number(counts.n).toLocaleString('en-US')} people; reading as the supervisor of ${actor.regionCode}`);

  const lists: [string, () => Promise<unknown>][] = [
    ['people: the city, first page', () => services.registry.findPeople(actor, {})],
    ['people: the city, page 21', () => services.registry.findPeople(actor, { offset: 1000 })],
    ['people: a district, first page', () => services.registry.findPeople(actor, { regionCode: '510105' })],
    ['people: a name’s start (居民12345)', () => services.registry.findPeople(actor, { name: '居民12345' })],
    ['people: an ID number', () => services.registry.findPeople(actor, { idNumber: '510104197001010011' })],
    ['offers: the city, open', () => services.sweeps.offers(actor, 'open')],
    ['offers: the city, filed', () => services.sweeps.offers(actor, 'filed')],
  ];
  for (const [name, read] of lists) {
    const ms: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      sent.length = 0;
      const t0 = performance.now();
      await read();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const p50 = ms[Math.floor((ms.length - 1) / 2)] as number;
    console.log(`\n=== ${name}: p50 ${Math.round(p50)} ms, slowest ${Math.round(ms.at(-1) as number)} ms`);
    const statements = [...sent];
    for (const statement of statements) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, costs off) ${statement.sql}`,
        statement.parameters as unknown[],
      );
      console.log(`--- ${statement.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
    }
  }
} finally {
  await db.destroy();
}
