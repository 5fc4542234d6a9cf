import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The registrations one client address made lately, found by an index (decision 012, the limit on
 * self-registration per address). They are the audit trail's `account.registered` entries, which
 * carry the caller's address; without an index the count read the trail's newest entries, so a
 * province's busy hour could shrink the window it counts over, and each registration read that
 * tail. The index is partial: the other entries of the trail, nearly all of them, do not enter it.
 */
const up = [
  `create index audit_entry_registrations_by_ip on audit_entry (ip, at) where action = 'account.registered'`,
];

export const m20261205_0049_registrations_by_address: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
