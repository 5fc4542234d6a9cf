import { oidcSettingsFrom } from './accounts/oidc.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/database.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { buildApp } from './app/build-app.js';
import { DEFAULT_SESSION_SETTINGS } from './sessions/session-service.js';
import { loadMasterKey, Vault } from './security/vault.js';

/** `npm start`: migrate, seed demo data into an empty database, serve API and web UI. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
    ...(config.databaseReplicaUrl ? { replicaUrl: config.databaseReplicaUrl } : {}),
    onIdleError: (error) => console.warn(`database connection dropped: ${error.message}`),
  });
  await migrate(database.db);
  const vault = new Vault(loadMasterKey(process.env, config.dataDir));
  const oidc = oidcSettingsFrom(process.env);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, vault) : false;
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
  });
  if (seeded) http.log.info('seeded demo data into an empty database');
  const phones = await services.registry.backfillPhoneHashes();
  if (phones > 0) http.log.info({ phones }, 'filled in phone lookup hashes');

  // Text messages are sent after the event that caused them commits; pending ones are picked up
  // here, including any a crash left behind. Safe with several servers (each message is claimed).
  const dispatch = setInterval(() => {
    services.notifications
      .dispatchPending()
      .catch((error: unknown) => http.log.error({ err: error }, 'notification dispatch failed'));
  }, config.notificationDispatchSeconds * 1000);
  dispatch.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(dispatch);
    http.log.info({ signal }, 'shutting down');
    await http.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await http.listen({ port: config.port, host: config.host });
  http.log.info(
    `惠民 Huimin on http://localhost:${config.port} (database: ${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
