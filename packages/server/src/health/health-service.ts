import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Whether the database answers: a real round trip, so a monitor sees a dead database too. */
export class HealthService {
  constructor(private readonly db: Kysely<Database>) {}

  async databaseAnswers(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }
}
