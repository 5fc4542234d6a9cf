import type { Migration, MigrationProvider } from 'kysely';
import { m20261121_0001_regions_and_parameters } from './20261121-0001-regions-and-parameters.js';

/**
 * Migrations run in name order at start-up and are frozen once merged: a change to the schema is a
 * new migration. They are raw SQL and import nothing from the application.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261121-0001-regions-and-parameters': m20261121_0001_regions_and_parameters,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
