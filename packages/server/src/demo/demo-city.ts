import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../security/vault.js';

export async function seedDemoCity(_db: Kysely<Database>, _vault: Vault): Promise<void> {}
