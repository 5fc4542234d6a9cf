import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  /** A PostgreSQL server (production, CI); when absent the embedded PGlite is used. */
  readonly url?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  readonly dataDir: string;
  /** Told when the server drops an idle pooled connection (logged by the app; harmless otherwise). */
  readonly onIdleError?: (error: Error) => void;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: 'postgresql' | 'pglite';
  close(): Promise<void>;
}

// Dates stay ISO strings and bigint money stays exact: no Date objects for civil dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection the server closes (restart, failover, a dropped test database) is removed
    // from the pool and replaced on next use; without a listener it would crash the process.
    pool.on('error', (error) => config.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(resolve(config.dataDir), { recursive: true });
  const pglite = new PGlite(inMemory ? config.dataDir : resolve(config.dataDir), {
    parsers: { 1082: (v: string) => v, 20: (v: string) => v },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/** Brings the schema up to date; throws (and start-up stops) if a migration fails. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  // Migrations are independent of one another's order within a release: work merged side by side
  // can land a lower number after a higher one has run on a database that already exists.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
