import { Migrator, type Migration } from 'kysely';
import { seedReferenceData } from '../../demo/seed.js';
import { openDatabase, type DatabaseHandle } from '../database.js';
import { migrationProvider } from './index.js';

/**
 * An embedded database migrated up to every migration but `name`, with the reference data, and
 * that migration to run by hand: how a migration is tested on rows written before it.
 */
export async function databaseBefore(name: string): Promise<{ database: DatabaseHandle; migration: Migration }> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const all = await migrationProvider.getMigrations();
  const migration = all[name];
  if (!migration) throw new Error(`no migration ${name}`);
  const { [name]: _, ...before } = all;
  const { error } = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => before },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) throw error;
  await seedReferenceData(database.db);
  return { database, migration };
}
