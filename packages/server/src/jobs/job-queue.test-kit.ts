import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { JobQueue, type JobQueueSettings } from './job-queue-service.js';

/**
 * An empty database for queue tests — PGlite in memory, or a fresh database on the PostgreSQL
 * server when DATABASE_URL is set — with one table a job writes its effect to, once per key.
 */
export async function queueTestDatabase(): Promise<{
  database: DatabaseHandle;
  db: Kysely<never>;
  drop(): Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  let url: string | undefined;
  let name: string | undefined;
  if (serverUrl) {
    name = `huimin_jobs_${randomUUID().replaceAll('-', '')}`;
    await admin(serverUrl, `create database ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const database = await openDatabase({ dataDir: 'memory://', ...(url ? { url } : {}) });
  const db = database.db as unknown as Kysely<never>;
  await sql`create table job_effect (key text primary key, ran_by text not null)`.execute(db);
  return {
    database,
    db,
    async drop() {
      await database.close();
      if (serverUrl && name) await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A queue that polls and expires quickly, so a test waits on conditions rather than on minutes. */
export function quickQueue(
  db: Kysely<never>,
  role: JobQueueSettings['role'],
  maintenanceIntervalSeconds = 1,
): JobQueue {
  return new JobQueue(db, { role, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds });
}

/** The job's effect, written once per key whoever runs it: the job's own idempotency. */
export async function recordEffect(db: Kysely<never>, key: string, ranBy: string): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`
    insert into job_effect (key, ran_by) values (${key}, ${ranBy}) on conflict do nothing returning key`.execute(db);
  return rows.length === 1;
}

export async function effects(db: Kysely<never>): Promise<{ key: string; ran_by: string }[]> {
  return (await sql<{ key: string; ran_by: string }>`select key, ran_by from job_effect order by key`.execute(db)).rows;
}
