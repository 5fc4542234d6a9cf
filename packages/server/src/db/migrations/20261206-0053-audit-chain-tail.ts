import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Appending to the audit chain took the chain's lock and then read its last entry: two round trips
 * on every write the platform makes, the lock's a wait with nothing to say (issue 21: on
 * PostgreSQL each round trip is a write and a wake-up, and a filing is made of them). One function
 * now does both. It is VOLATILE, so its read takes a snapshot of its own after the lock is held
 * and sees the entry the previous holder committed; read in the calling statement, a snapshot
 * from before the wait would miss it and fork the chain.
 *
 * The lock key is the one the application took itself until now, so a process still running the
 * old code and one running this one append in turn during a rolling upgrade.
 */
const up = [
  `create function audit_chain_tail() returns table (seq bigint, hash text)
     language plpgsql volatile as $$
   begin
     perform pg_advisory_xact_lock(7426001);
     return query select a.seq, a.hash from audit_entry a order by a.seq desc limit 1;
   end
   $$`,
];

export const m20261206_0053_audit_chain_tail: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
