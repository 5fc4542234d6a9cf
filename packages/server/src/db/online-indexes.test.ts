import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import {
  BUILDER_LOCK,
  buildOnlineIndexes,
  ONLINE_INDEXES,
  type IndexBuildStep,
  type OnlineIndex,
} from './online-indexes.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const probe: OnlineIndex = { name: 'online_probe_v', on: 'on online_probe (v)' };

beforeEach(async () => {
  await sql`drop table if exists online_probe`.execute(app.database.db);
  await sql`create table online_probe (id int, v text)`.execute(app.database.db);
  await sql`insert into online_probe select g, (g % 7)::text from generate_series(1, 500) g`.execute(app.database.db);
});

async function build(indexes: readonly OnlineIndex[] = [probe]) {
  const steps: [string, IndexBuildStep][] = [];
  await buildOnlineIndexes(app.database.db, indexes, (name, step) => steps.push([name, step]));
  return steps;
}

async function validity(name: string): Promise<boolean | undefined> {
  const { rows } = await sql<{ valid: boolean }>`
    select x.indisvalid as valid from pg_class c join pg_index x on x.indexrelid = c.oid
     where c.relname = ${name} and c.relnamespace = current_schema()::regnamespace`.execute(app.database.db);
  return rows[0]?.valid;
}

describe('indexes built after the migrations, without blocking writes', () => {
  it('builds a declared index that is missing, and leaves it as it is on the next start', async () => {
    expect(await build()).toEqual([
      ['online_probe_v', 'building'],
      ['online_probe_v', 'built'],
    ]);
    expect(await validity('online_probe_v')).toBe(true);
    expect(await build()).toEqual([]);
  });

  it('drops an index whose build died half-way and builds it again', async () => {
    // A build that fails leaves its index behind, invalid, as one whose process was killed does:
    // here a unique build over duplicate values, under the name the declared index has.
    await expect(
      sql`create unique index concurrently online_probe_v on online_probe (v)`.execute(app.database.db),
    ).rejects.toThrow();
    expect(await validity('online_probe_v')).toBe(false);
    expect(await build()).toEqual([
      ['online_probe_v', 'rebuilding-invalid'],
      ['online_probe_v', 'built'],
    ]);
    expect(await validity('online_probe_v')).toBe(true);
  });

  it('a build that fails is told, and the next index is still built', async () => {
    const steps: [string, IndexBuildStep, unknown][] = [];
    await buildOnlineIndexes(
      app.database.db,
      [{ name: 'online_probe_bad', on: 'on online_probe (no_such_column)' }, probe],
      (name, step, error) => steps.push([name, step, error]),
    );
    expect(steps.map(([name, step]) => [name, step])).toEqual([
      ['online_probe_bad', 'building'],
      ['online_probe_bad', 'failed'],
      ['online_probe_v', 'building'],
      ['online_probe_v', 'built'],
    ]);
    expect(String(steps[1]?.[2])).toContain('no_such_column');
    expect(await validity('online_probe_v')).toBe(true);
  });

  it('drops the index it replaces once it is built, and never while it is not', async () => {
    await sql`create index online_probe_old on online_probe (v)`.execute(app.database.db);
    const wider: OnlineIndex = {
      name: 'online_probe_v_id',
      on: 'on online_probe (v, id)',
      replaces: 'online_probe_old',
    };
    const broken: OnlineIndex = { ...wider, on: 'on online_probe (v, no_such_column)' };
    const failed = await build([broken]);
    expect(failed).toEqual([
      ['online_probe_v_id', 'building'],
      ['online_probe_v_id', 'failed'],
    ]);
    expect(await validity('online_probe_old')).toBe(true);
    expect(await build([wider])).toEqual([
      ['online_probe_v_id', 'building'],
      ['online_probe_v_id', 'built'],
      ['online_probe_old', 'dropped-replaced'],
    ]);
    expect(await validity('online_probe_old')).toBeUndefined();
    expect(await validity('online_probe_v_id')).toBe(true);
    // A start that built the wider index but ended before the drop: the next one drops it.
    await sql`create index online_probe_old on online_probe (v)`.execute(app.database.db);
    expect(await build([wider])).toEqual([['online_probe_old', 'dropped-replaced']]);
    expect(await build([wider])).toEqual([]);
  });

  it('keeps the older index while its successor is left invalid, and drops it once rebuilt', async () => {
    await sql`create index online_probe_old on online_probe (v)`.execute(app.database.db);
    // A build killed half-way leaves its index invalid under the declared name.
    await expect(
      sql`create unique index concurrently online_probe_v_id on online_probe (v)`.execute(app.database.db),
    ).rejects.toThrow();
    expect(await validity('online_probe_v_id')).toBe(false);
    expect(await validity('online_probe_old')).toBe(true);
    const wider: OnlineIndex = {
      name: 'online_probe_v_id',
      on: 'on online_probe (v, id)',
      replaces: 'online_probe_old',
    };
    expect(await build([wider])).toEqual([
      ['online_probe_v_id', 'rebuilding-invalid'],
      ['online_probe_v_id', 'built'],
      ['online_probe_old', 'dropped-replaced'],
    ]);
  });

  it('never drops a unique index, nor one whose columns do not lead the new one', async () => {
    await sql`create unique index online_probe_rule on online_probe (id)`.execute(app.database.db);
    await sql`create index online_probe_other on online_probe (id)`.execute(app.database.db);
    const steps: [string, IndexBuildStep, unknown][] = [];
    await buildOnlineIndexes(
      app.database.db,
      [
        { name: 'online_probe_id_v', on: 'on online_probe (id, v)', replaces: 'online_probe_rule' },
        { name: 'online_probe_v_only', on: 'on online_probe (v)', replaces: 'online_probe_other' },
      ],
      (name, step, error) => steps.push([name, step, error]),
    );
    expect(steps.map(([name, step]) => [name, step])).toEqual([
      ['online_probe_id_v', 'building'],
      ['online_probe_id_v', 'built'],
      ['online_probe_rule', 'failed'],
      ['online_probe_v_only', 'building'],
      ['online_probe_v_only', 'built'],
      ['online_probe_other', 'failed'],
    ]);
    expect(String(steps[2]?.[2])).toContain('not a plain index');
    expect(await validity('online_probe_rule')).toBe(true);
    expect(await validity('online_probe_other')).toBe(true);
    // Declaring an index and also its replacement is a mistake in the list, refused before building.
    await expect(
      build([probe, { name: 'online_probe_w', on: 'on online_probe (v, id)', replaces: 'online_probe_v' }]),
    ).rejects.toThrow(/declared here too/);
  });

  it('refuses a name that is not an index name, before building anything', async () => {
    await expect(build([probe, { name: 'x; drop table person', on: 'on online_probe (id)' }])).rejects.toThrow(
      /not an index name/,
    );
    await expect(build([{ ...probe, replaces: 'person; drop table person' }])).rejects.toThrow(/not an index name/);
    expect(await validity('online_probe_v')).toBeUndefined();
  });

  it('has each declared index, valid and on its table, once the app has started', async () => {
    const names = ONLINE_INDEXES.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const index of ONLINE_INDEXES) {
      const { rows } = await sql<{ table: string; valid: boolean }>`
        select t.relname as "table", x.indisvalid as valid
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
         where i.relname = ${index.name} and i.relnamespace = current_schema()::regnamespace`.execute(app.database.db);
      // A name a migration already gave an index elsewhere would be taken as built.
      expect(rows).toEqual([{ table: /^on\s+(\w+)/.exec(index.on)?.[1], valid: true }]);
      if (index.replaces) expect(await validity(index.replaces)).toBeUndefined();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('on a PostgreSQL server shared by several processes', () => {
  let other: pg.Client;
  beforeEach(async () => {
    other = new pg.Client({ connectionString: app.databaseUrl });
    await other.connect();
    return () => other.end();
  });

  it('lets another connection write to the table while the index is being built', async () => {
    // A transaction open on the table holds the build at its first wait; meanwhile a third
    // connection's insert must go through. A plain `create index` would hold it until the build
    // ends, which waits on the open transaction: this test would never end.
    await other.query('begin');
    await other.query(`insert into online_probe values (1001, 'open')`);
    const building = build();
    const third = new pg.Client({ connectionString: app.databaseUrl });
    await third.connect();
    try {
      await waitUntilBuildWaits(third);
      await third.query(`insert into online_probe values (1002, 'during')`);
    } finally {
      await third.end();
    }
    await other.query('commit');
    expect(await building).toEqual([
      ['online_probe_v', 'building'],
      ['online_probe_v', 'built'],
    ]);
    expect(await validity('online_probe_v')).toBe(true);
    const { rows } = await sql<{ n: string }>`select count(*) as n from online_probe`.execute(app.database.db);
    expect(Number(rows[0]?.n)).toBe(502);
  });

  it('goes on without building while another process builds', async () => {
    // The builder's lock, taken by the other process as its build would.
    await other.query('select pg_advisory_lock($1)', [BUILDER_LOCK.toString()]);
    expect(await build()).toEqual([['online_probe_v', 'skipped-other-builder']]);
    expect(await validity('online_probe_v')).toBeUndefined();
    await other.query('select pg_advisory_unlock($1)', [BUILDER_LOCK.toString()]);
    expect(await build()).toEqual([
      ['online_probe_v', 'building'],
      ['online_probe_v', 'built'],
    ]);
  });
});

/** Until the build is waiting on a lock (the open transaction), seen from `client`. */
async function waitUntilBuildWaits(client: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike 'create index%'`,
    );
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
