import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A bank's return file is recognised as already imported within its own batch, not across all
 * batches: two batches can get byte-identical files (one payee, two single-item batches, the same
 * refusal), and the second must still settle its item.
 */
const up = [
  `alter table bank_return drop constraint bank_return_file_sha256_key`,
  `create unique index bank_return_batch_file on bank_return (batch_id, file_sha256)`,
];

export const m20261202_0021_bank_return_per_batch: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
