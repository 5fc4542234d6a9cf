import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A payment item's references — its batch and its application — are checked once per statement,
 * as 0043 does for the ledger, events and notifications (decision 006, issue 21). A batch writes
 * all its items in one statement, and each item's two foreign keys were two lookups of a parent
 * per row; here one AFTER INSERT trigger per statement reads the statement's new rows and refuses
 * the statement, with the foreign-key error code 23503, if any item has no batch or application.
 *
 * The other side of the keys: applications already refuse delete, re-key and truncate (0043);
 * payment batches get the same guards here. No code deletes a batch or changes its id (a batch is
 * only moved through its states and stamped when exported), so refusing it outright is stronger
 * than the key, which refused it only while an item referred to it. With parents that cannot go,
 * the check needs no KEY SHARE lock against a concurrent delete. Bank returns keep their foreign
 * key to the batch (one row per return file, nothing to gain).
 *
 * Items are updated only in their settlement columns (state, reason, bank reference, time); a
 * change of the batch or the application is refused, so a reference checked at insert stays true.
 * The update trigger names those two columns, so settlement's updates, which do not set them, do
 * not fire it.
 *
 * `offset 0` keeps each lookup a probe of the parent's primary key per new row, whatever the
 * planner's estimates (the embedded database has no statistics).
 */
const references: readonly [column: string, parent: string, key: string][] = [
  ['batch_id', 'payment_batch', 'id'],
  ['application_id', 'application', 'id'],
];

const checks = references.map(
  ([column, parent, key]) => `
     select n.${column}::text into missing from new_rows n
      where not exists (select 1 from ${parent} p where p.${key} = n.${column} offset 0)
      limit 1;
     if found then
       raise exception 'insert on table "payment_item" violates its reference to "${parent}": ${column} % is not in "${parent}"', missing
         using errcode = '23503', table = 'payment_item', column = '${column}';
     end if;`,
);

const up = [
  // The parent: referenced_row_is_permanent() is 0043's, raising 23503.
  `create trigger payment_batch_never_deleted before delete on payment_batch
     for each row execute function referenced_row_is_permanent()`,
  `create trigger payment_batch_key_unchanged before update of id on payment_batch
     for each row when (old.id is distinct from new.id) execute function referenced_row_is_permanent()`,
  `create trigger payment_batch_never_truncated before truncate on payment_batch
     for each statement execute function referenced_row_is_permanent()`,
  // The child: checked per statement, never re-pointed.
  `create function payment_item_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
  `create trigger payment_item_references_exist after insert on payment_item
     referencing new table as new_rows for each statement execute function payment_item_references_exist()`,
  `create trigger payment_item_references_unchanged before update of batch_id, application_id on payment_item
     for each row when (old.batch_id is distinct from new.batch_id or old.application_id is distinct from new.application_id)
     execute function referenced_row_is_permanent()`,
  `alter table payment_item drop constraint payment_item_batch_id_fkey`,
  `alter table payment_item drop constraint payment_item_application_id_fkey`,
];

export const m20261203_0045_payment_item_references_per_statement: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
