import { migrate, openDatabase } from '../db/database.js';
import { Vault } from '../security/vault.js';
import { buildApp } from './build-app.js';

/**
 * The app's OpenAPI document as plain JSON, from an app built on an empty in-memory database
 * (never listening). The routes are the same whatever the settings, so this is the document
 * every deployment serves at /api/docs/json; `npm run api:types` generates the web's types from it.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.db);
    const app = await buildApp({ db: database.db, databaseKind: database.kind, vault: Vault.random(), logger: false });
    try {
      return JSON.parse(JSON.stringify(app.http.swagger())) as Record<string, unknown>;
    } finally {
      await app.http.close();
    }
  } finally {
    await database.close();
  }
}
