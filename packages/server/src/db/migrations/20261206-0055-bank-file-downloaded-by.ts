import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A batch names who first downloaded its bank file (代发文件), beside when. A second download is
 * refused unless asked for as a copy, and the officer refused must be told whom to ask whether the
 * file already went to the bank; the payments page says so before a copy is asked for.
 *
 * Batches downloaded before this take the downloader from the audit trail, where each download was
 * recorded with its actor: the earliest download entry of the batch.
 */
const up = [
  `alter table payment_batch add column exported_by uuid references account(id)`,
  `alter table payment_batch add constraint payment_batch_exported_by_when_exported
     check (exported_by is null or exported_at is not null)`,
  `update payment_batch b set exported_by = (
     select e.actor_id from audit_entry e
      where e.entity_type = 'payment_batch' and e.entity_id = b.id::text
        and e.action = 'payment-batch.exported' and e.outcome = 'success'
        and e.actor_id in (select id from account)
      order by e.seq limit 1)
    where b.exported_at is not null`,
];

export const m20261206_0055_bank_file_downloaded_by: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
