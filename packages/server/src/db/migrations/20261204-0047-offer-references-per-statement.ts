import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An offer's references — its person or unit, its region, its sweep and the application it became
 * — are checked once per statement, as 0043 and 0045 do for the rows reconciliation writes (decision
 * 009, issue 21). The sweep writes each batch's offers in one statement, and each offer's foreign
 * keys were a lookup of a parent per row: at 200,000 people, dropping them took the sweep's writing
 * from 1.5–1.6 s to 1.0 s. Here one AFTER INSERT trigger per statement reads the statement's new
 * rows and refuses the statement, with the foreign-key error code 23503, if any offer names a
 * parent that is not there.
 *
 * The other side of the keys: person, organisation, region and application already refuse delete,
 * re-key and truncate (0043); sweep jobs get the same guards here. No code deletes a sweep or
 * changes its id (a sweep is only moved through its states and its counts), so refusing that
 * outright is stronger than the key, and the check needs no KEY SHARE lock against a concurrent
 * delete. Sweep parts keep their foreign key to the sweep (a few rows a sweep, nothing to gain).
 *
 * An offer is updated in its state, its amount and decision (a hire's offer), and once in the
 * application it became (confirmed or filed). Its applicant, region and sweep never change: such an
 * update is refused. Setting the application is checked row by row, as the key did: it happens one
 * offer at a time.
 *
 * `offset 0` keeps each lookup a probe of the parent's primary key per new row, whatever the
 * planner's estimates (the embedded database has no statistics).
 */
const references: readonly [column: string, parent: string, key: string][] = [
  ['person_id', 'person', 'id'],
  ['organisation_id', 'organisation', 'id'],
  ['region_code', 'region', 'code'],
  ['sweep_job_id', 'sweep_job', 'id'],
  ['application_id', 'application', 'id'],
];

const checks = references.map(
  ([column, parent, key]) => `
     select n.${column}::text into missing from new_rows n
      where n.${column} is not null
        and not exists (select 1 from ${parent} p where p.${key} = n.${column} offset 0)
      limit 1;
     if found then
       raise exception 'insert on table "offer" violates its reference to "${parent}": ${column} % is not in "${parent}"', missing
         using errcode = '23503', table = 'offer', column = '${column}';
     end if;`,
);

const fixed = references.filter(([column]) => column !== 'application_id').map(([column]) => column);

const up = [
  // The parent: referenced_row_is_permanent() is 0043's, raising 23503.
  `create trigger sweep_job_never_deleted before delete on sweep_job
     for each row execute function referenced_row_is_permanent()`,
  `create trigger sweep_job_key_unchanged before update of id on sweep_job
     for each row when (old.id is distinct from new.id) execute function referenced_row_is_permanent()`,
  `create trigger sweep_job_never_truncated before truncate on sweep_job
     for each statement execute function referenced_row_is_permanent()`,
  // The child on insert: checked per statement.
  `create function offer_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
  `create trigger offer_references_exist after insert on offer
     referencing new table as new_rows for each statement execute function offer_references_exist()`,
  // The child on update: its applicant, region and sweep never re-pointed; its application, when set, exists.
  `create trigger offer_references_unchanged before update of ${fixed.join(', ')} on offer
     for each row when (${fixed.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})
     execute function referenced_row_is_permanent()`,
  `create function offer_application_exists() returns trigger language plpgsql as $$
   begin
     if not exists (select 1 from application p where p.id = new.application_id) then
       raise exception 'update on table "offer" violates its reference to "application": application_id % is not in "application"', new.application_id
         using errcode = '23503', table = 'offer', column = 'application_id';
     end if;
     return new;
   end $$`,
  `create trigger offer_application_exists before update of application_id on offer
     for each row when (new.application_id is not null and old.application_id is distinct from new.application_id)
     execute function offer_application_exists()`,
  ...references.map(([column]) => `alter table offer drop constraint offer_${column}_fkey`),
];

export const m20261204_0047_offer_references_per_statement: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
