import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The audit trail in time order from here on, so a search by days finds its entries as one range of
 * numbers (decision 004: searching a province's trail). An entry's time is its process's clock, so
 * two servers' entries could disagree with their numbers by the clocks' skew; from now on a process
 * stamps an entry no earlier than the chain's last (`audit_chain_tail()` now gives its time), and
 * the database keeps `audit_time_order`:
 * - `ordered_from`, the first entry from which every entry is no earlier than the one before;
 * - `older_max_at`, no earlier than any entry before it, so a search of later days knows the older
 *   entries hold none of them without reading them.
 *
 * The trigger compares each new entry with the entries on both sides of its number (a statement
 * inserting several may insert them in any order), and on a break moves `ordered_from` past it,
 * whoever wrote it: a process of an older build during a rolling upgrade, a clock far behind. The
 * entries it leaves behind were in order, so the latest time among them is the one next to the
 * break. Nothing hashed changes form (`at` was always in the chain), so `huimin audit verify` is
 * unchanged.
 *
 * The table is filled last, with the trail locked against inserts, so no entry lands between
 * reading it and the trigger taking over. Reading the trail's latest time reads every entry once.
 */
const up = [
  `create table audit_time_order (
     only_row boolean primary key default true check (only_row),
     ordered_from bigint not null,
     older_max_at timestamptz
   )`,
  `create function audit_entry_keep_time_order() returns trigger language plpgsql as $$
   declare
     previous timestamptz;
     following timestamptz;
   begin
     select a.at into previous from audit_entry a where a.seq = new.seq - 1;
     select a.at into following from audit_entry a where a.seq = new.seq + 1;
     if previous is not null and new.at < previous then
       update audit_time_order
          set ordered_from = greatest(ordered_from, new.seq), older_max_at = greatest(older_max_at, previous);
     end if;
     if following is not null and following < new.at then
       update audit_time_order
          set ordered_from = greatest(ordered_from, new.seq + 1),
              older_max_at = greatest(older_max_at, previous, new.at);
     end if;
     return new;
   end
   $$`,
  `create trigger audit_entry_time_order before insert on audit_entry
     for each row execute function audit_entry_keep_time_order()`,
  // A new column in the answer: drop and create (`create or replace` cannot change it). A process
  // of the older build selects `seq, hash` by name and still gets them.
  `drop function audit_chain_tail()`,
  `create function audit_chain_tail() returns table (seq bigint, hash text, at timestamptz)
     language plpgsql volatile as $$
   begin
     perform pg_advisory_xact_lock(7426001);
     return query select a.seq, a.hash, a.at from audit_entry a order by a.seq desc limit 1;
   end
   $$`,
  `lock table audit_entry in share row exclusive mode`,
  `insert into audit_time_order (ordered_from, older_max_at)
     select coalesce(max(seq), 0) + 1, max(at) from audit_entry`,
];

export const m20261207_0059_audit_time_order: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
