import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A bank's return file is claimed before it settles anything (issue 21): its row is written first,
 * `importing`, and whoever wrote it — the upload, or a queued job for a large file — settles the
 * items, counting each one in the transaction that settles it. The same file sent again while it
 * is being imported finds the claim and waits for it, instead of settling nothing and recording
 * "paid 0" as the file's report.
 * - `state`: `importing` until every row is settled, then `imported`; files imported before are.
 * - `returned`: items paid earlier and sent back by the bank with this file, kept like the others.
 * - `file_cipher`: the file itself, encrypted, while it is being imported (a worker on another
 *   machine reads it, a retry reads it again); dropped when the import ends.
 * - `lease_until`: the run importing it is taken as alive until then, and renews it with every
 *   chunk; past it, another run (the queue's, or the same file uploaded again) takes over.
 * - `finished_at`: when the last row was settled.
 */
const up = [
  `alter table bank_return add column state text not null default 'imported'
     check (state in ('importing', 'imported'))`,
  `alter table bank_return add column returned integer not null default 0`,
  `alter table bank_return add column file_cipher text`,
  `alter table bank_return add column lease_until timestamptz`,
  `alter table bank_return add column finished_at timestamptz`,
  `update bank_return set finished_at = imported_at`,
];

export const m20261202_0036_return_imports: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
