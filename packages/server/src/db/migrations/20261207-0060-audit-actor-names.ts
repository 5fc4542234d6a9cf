import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The names the audit trail has recorded its actors by, per region, so an auditor can search by
 * part of a name: "王芳" finds "锦江区受理员 王芳" (decision 004). A search by substring over the
 * whole trail would read every entry; the distinct names of a region are far fewer, and each name
 * found is then one range of the `audit_entry_actor (actor_name, seq)` index.
 *
 * A trigger on `audit_entry` keeps the table, so entries written by any process (an older build
 * during a rolling upgrade included) are found. It is filled last, with the trail locked against
 * inserts, so no entry lands between reading the trail and the trigger taking over. Filling it
 * reads every entry once and finds its distinct names (a sort or hash of the trail), with every
 * audited write waiting. Entries with no region are not listed: no auditor's search reaches them.
 */
const up = [
  `create table audit_actor (
     region_code text not null,
     actor_name text not null
   )`,
  // Pattern ops: an auditor's regions are a prefix of the region code.
  `create unique index audit_actor_key on audit_actor (region_code text_pattern_ops, actor_name)`,
  `create function audit_entry_note_actor() returns trigger language plpgsql as $$
   begin
     if new.region_code is not null and new.actor_name is not null then
       insert into audit_actor (region_code, actor_name) values (new.region_code, new.actor_name)
         on conflict do nothing;
     end if;
     return new;
   end
   $$`,
  `create trigger audit_entry_lists_actor after insert on audit_entry
     for each row execute function audit_entry_note_actor()`,
  `lock table audit_entry in share row exclusive mode`,
  `insert into audit_actor (region_code, actor_name)
     select distinct region_code, actor_name from audit_entry
      where region_code is not null and actor_name is not null`,
];

export const m20261207_0060_audit_actor_names: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
