import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { OidcSettings } from '../accounts/oidc.js';
import { DEFAULT_REGISTRATION_LIMITS, type RegistrationLimits } from '../accounts/registration-limits.js';
import { migrate, openDatabase, type DatabaseHandle } from '../db/database.js';
import { seedReferenceData } from '../demo/seed.js';
import type { JobOptions } from '../app/background-jobs.js';
import { buildApp, type App } from '../app/build-app.js';
import type { Clock } from '../http/clock.js';
import { Vault } from '../security/vault.js';

/**
 * One suite, two databases: PGlite in memory by default, a PostgreSQL server when DATABASE_URL is
 * set (CI sets it). On PostgreSQL each test app gets a database of its own, dropped afterwards.
 */
export interface TestApp extends App {
  readonly database: DatabaseHandle;
  readonly vault: Vault;
  /** The PostgreSQL database of this app, when the suite runs on a server. */
  readonly databaseUrl?: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly clock?: Clock;
  /** Keep the embedded database in this folder instead of memory (for tests that reopen it). */
  readonly dataDir?: string;
  readonly masterKey?: Buffer;
  /** Serve the built web UI from this folder (browser tests). */
  readonly webRoot?: string;
  /** Connect to an identity provider (a local one in tests). */
  readonly oidc?: OidcSettings;
  /** The app's role on the job queue (decision 024); by default it runs jobs too. */
  readonly jobs?: JobOptions;
  /** Told of every statement the app's database handle runs (round-trip tests). */
  readonly onQuery?: (sql: string) => void;
  /** How long settings and the calendar kept in memory go unchecked (`AppOptions.recheckEveryMs`). */
  readonly recheckEveryMs?: number;
  /**
   * Registration limits. By default those of production, but for the count per address: every
   * injected request comes from 127.0.0.1, and a suite registers far more applicants than a real
   * address may in an hour.
   */
  readonly registrationLimits?: RegistrationLimits;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  let url: string | undefined;
  let replicaUrl: string | undefined;
  if (serverUrl) {
    const name = `huimin_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    // The standby replays the primary's whole cluster, so the new database is there too.
    if (process.env.DATABASE_REPLICA_URL) {
      const r = new URL(process.env.DATABASE_REPLICA_URL);
      r.pathname = `/${name}`;
      replicaUrl = r.toString();
    }
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const database = await openDatabase({
    dataDir: options.dataDir ?? 'memory://',
    ...(url ? { url } : {}),
    ...(replicaUrl ? { replicaUrl } : {}),
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  await migrate(database.db);
  await seedReferenceData(database.db);
  const vault = options.masterKey ? new Vault(options.masterKey) : Vault.random();
  const app = await buildApp({
    db: database.db,
    readDb: database.read,
    databaseKind: database.kind,
    vault,
    logger: process.env.HUIMIN_TEST_LOG ? { level: process.env.HUIMIN_TEST_LOG } : false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.recheckEveryMs !== undefined ? { recheckEveryMs: options.recheckEveryMs } : {}),
    registrationLimits: options.registrationLimits ?? { ...DEFAULT_REGISTRATION_LIMITS, perAddress: 1_000_000 },
    // An idle queue polls once a second: quick enough for a sweep's test, light on the one embedded connection.
    jobs: { pollingIntervalSeconds: 1, ...options.jobs },
  });
  return {
    ...app,
    database,
    vault,
    ...(url ? { databaseUrl: url } : {}),
    async close() {
      await app.http.close();
      await database.close();
      await dropDatabase?.();
    },
  };
}
