import { DEFERRED_MATERIALS_SWEEP_SECONDS } from './applications/deferred-materials-job.js';
import { oidcSettingsFrom } from './accounts/oidc.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/database.js';
import { buildOnlineIndexes, ONLINE_INDEXES } from './db/online-indexes.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { buildApp } from './app/build-app.js';
import { jobOptionsFrom } from './app/background-jobs.js';
import { DEFAULT_SESSION_SETTINGS } from './sessions/session-service.js';
import { loadMasterKey, Vault } from './security/vault.js';

/**
 * `npm start` (`huimin start`): migrate, seed demo data into an empty database, serve API and web UI
 * and run the background jobs. With PostgreSQL the two halves can be separate processes
 * (decision 024): `huimin serve` (HUIMIN_ROLE=serve) answers HTTP and only enqueues;
 * `huimin worker` (HUIMIN_ROLE=worker) runs the jobs and serves nothing.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const jobs = jobOptionsFrom(process.env);
  const role = jobs.role ?? 'all';
  if (role !== 'all' && !config.databaseUrl)
    throw new Error(
      `huimin ${role} needs DATABASE_URL: the embedded database is opened by one process, which serves and runs jobs (npm start)`,
    );
  // Every process must hold the same key; one made beside each process's data folder would differ.
  if (role !== 'all' && !process.env.HUIMIN_MASTER_KEY)
    throw new Error(`huimin ${role} needs HUIMIN_MASTER_KEY: every process sharing the database must use the same key`);
  const database = await openDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.databaseReplicaUrl ? { replicaUrl: config.databaseReplicaUrl } : {}),
    bufferMegabytes: config.embeddedBufferMegabytes,
    onIdleError: (error) => console.warn(`database connection dropped: ${error.message}`),
  });
  // Indexes that only speed reads are built once this process serves (below): on a province's
  // tables a build takes minutes, and waits for every older transaction of the database to end.
  await migrate(database.db, 'later');
  const vault = new Vault(loadMasterKey(process.env, config.dataDir));
  const oidc = oidcSettingsFrom(process.env);
  const serves = role !== 'worker';
  const seeded = serves && config.seedDemo ? await seedDemoIfEmpty(database.db, vault) : false;
  const { http, ...services } = await buildApp({
    db: database.db,
    readDb: database.read,
    databaseKind: database.kind,
    vault,
    logger: { level: config.logLevel },
    webRoot: config.webRoot,
    secureCookies: config.secureCookies,
    settleChunk: config.settleChunk,
    sweepBatch: config.sweepBatch,
    ...(oidc ? { oidc } : {}),
    trustProxy: config.trustProxy,
    publicCacheSeconds: config.publicCacheSeconds,
    sessions: { ...DEFAULT_SESSION_SETTINGS, idleMinutes: config.sessionIdleMinutes },
    // Text messages are sent after the event that caused them commits; a worker's tick sends the
    // pending ones, including any a crash left behind (each message is claimed: safe with several).
    // 容缺受理: an application whose promise lapsed is returned within the hour (decision 026).
    jobs: {
      ...jobs,
      notificationDispatchSeconds: config.notificationDispatchSeconds,
      smsInFlight: config.smsInFlight,
      deferredMaterialsSweepSeconds: DEFERRED_MATERIALS_SWEEP_SECONDS,
    },
  });
  // From the next sweep run on; a slice taken in the moment before this is decided serially, to the same offers.
  services.sweeps.useDecidingThread(config.sweepThread);
  if (seeded) http.log.info('seeded demo data into an empty database');
  if (serves) {
    const phones = await services.registry.backfillPhoneHashes();
    if (phones > 0) http.log.info({ phones }, 'filled in phone lookup hashes');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    http.log.info({ signal }, 'shutting down');
    // Stops taking jobs, lets running ones finish (30 s at most, then they are failed and retried).
    await http.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const where = `database: ${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}`;
  if (serves) {
    await http.listen({ port: config.port, host: config.host });
    http.log.info(`惠民 Huimin on http://localhost:${config.port} (${role === 'serve' ? 'serve only, ' : ''}${where})`);
  } else http.log.info(`惠民 Huimin worker running ${services.jobs.runs.join(', ')} (${where})`);
  void buildOnlineIndexes(database.db, ONLINE_INDEXES, (index, step, error) =>
    step === 'failed'
      ? http.log.warn({ index, error: error instanceof Error ? error.message : String(error) }, 'index build failed')
      : http.log.info({ index, step }, 'index after the migrations'),
  ).catch((error: unknown) => http.log.warn({ error: String(error) }, 'index builds not run'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
