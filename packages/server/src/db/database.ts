import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { buildOnlineIndexes, ONLINE_INDEXES } from './online-indexes.js';
import { migrationProvider } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  /** A PostgreSQL server (production, CI); when absent the embedded PGlite is used. */
  readonly url?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  readonly dataDir: string;
  /**
   * A streaming replica of `url` (`DATABASE_REPLICA_URL`): the public reads go there, so a crowd
   * reading lists does not load the primary. Only with `url`.
   */
  readonly replicaUrl?: string;
  /** Told when the server drops an idle pooled connection (logged by the app; harmless otherwise). */
  readonly onIdleError?: (error: Error) => void;
  /** Told of every statement run (benchmarks count a route's round trips). */
  readonly onQuery?: (sql: string) => void;
  /** The buffer pool of an embedded database kept in a folder, in MB (`HUIMIN_EMBEDDED_BUFFER_MB`). */
  readonly bufferMegabytes?: number;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  /**
   * Where public reads go: the replica when one is configured, otherwise `db`. Never for a read
   * that must see a write just made (a replica lags) or one inside a transaction.
   */
  readonly read: Kysely<Database>;
  readonly kind: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

// Dates stay ISO strings and bigint money stays exact: no Date objects for civil dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

const embedded = new WeakMap<Kysely<Database>, PGliteDialect>();

/**
 * The buffer pool of an embedded database kept in a folder (PGlite's default is 128 MB). A page
 * not in the pool is read through the WASM file layer, one call per page: at 1,000,000 people the
 * sweep's tables (person 315 MB, facts 140 MB) no longer fit, and a batch walked by (region, id)
 * meets each row's page at random, so the read phase cost 2.5 times as much per person as at
 * 200,000 (decision 009). 512 MB holds them: the batch read of 1,000,000 people fell from 16.8 s to
 * 7.4 s (1 GB: no better). PGlite allocates and touches the pool at start (about 400 MB more
 * resident), so in-memory databases (tests, many at once) keep PGlite's default, and a small
 * machine can ask for less.
 */
const DEFAULT_BUFFER_MEGABYTES = 512;

/**
 * For the embedded database, which only this process can open: a count of the statements run so far
 * that may have changed data, so a cheap version read can be skipped while it stays the same. For a
 * database server (other processes write to it) or any other handle: `undefined`, read every time.
 */
export function localWriteCount(db: Kysely<Database>): (() => number) | undefined {
  const dialect = embedded.get(db);
  return dialect && (() => dialect.writes);
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    const db = serverDatabase(config.url, config);
    // Read-only by session default too: a write sent there by mistake fails here, not on the standby.
    const read = config.replicaUrl ? serverDatabase(config.replicaUrl, config, true) : db;
    return {
      db,
      read,
      kind: 'postgresql',
      close: async () => {
        if (read !== db) await read.destroy();
        await db.destroy();
      },
    };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(resolve(config.dataDir), { recursive: true });
  const pglite = new PGlite(inMemory ? config.dataDir : resolve(config.dataDir), {
    parsers: { 1082: (v: string) => v, 20: (v: string) => v },
    ...(inMemory
      ? {}
      : {
          startParams: [
            ...PGlite.defaultStartParams,
            '-c',
            `shared_buffers=${config.bufferMegabytes ?? DEFAULT_BUFFER_MEGABYTES}MB`,
          ],
        }),
  });
  const dialect = new PGliteDialect(pglite);
  const db = new Kysely<Database>({ dialect, ...statementLog(config) });
  embedded.set(db, dialect);
  return { db, read: db, kind: 'pglite', close: () => db.destroy() };
}

function statementLog(config: DatabaseConfig): { log?: (event: LogEvent) => void } {
  const onQuery = config.onQuery;
  return onQuery ? { log: (event) => event.level === 'query' && onQuery(event.query.sql) } : {};
}

function serverDatabase(url: string, config: DatabaseConfig, readOnly = false): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // An idle connection the server closes (restart, failover, a dropped test database) is removed
  // from the pool and replaced on next use; without a listener it would crash the process.
  pool.on('error', (error) => config.onIdleError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...statementLog(config) });
}

/**
 * Brings the schema up to date: the migrations in one transaction, then (unless the caller will)
 * the indexes built without blocking writes (`ONLINE_INDEXES`). Throws (and start-up stops) if a
 * migration fails; a failed index build does not stop it.
 */
export async function migrate(
  db: Kysely<Database>,
  /** 'later': the caller builds them once it serves (`buildOnlineIndexes`), as `huimin` does. */
  onlineIndexes: 'now' | 'later' = 'now',
): Promise<void> {
  // Migrations are independent of one another's order within a release: work merged side by side
  // can land a lower number after a higher one has run on a database that already exists.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  if (onlineIndexes === 'now') await buildOnlineIndexes(db, ONLINE_INDEXES);
}
