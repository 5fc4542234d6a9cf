import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Start-up asks for people whose phone lookup hash is still to fill in; this index keeps that
 * question free once there are none. It was first added by editing migration 0011 after it had
 * been merged, so databases made from the edited 0011 already have it (hence `if not exists`),
 * and 0011 is back as it was merged.
 */
const up = [`create index if not exists person_phone_unhashed on person (id) where phone_cipher is not null and phone_hmac is null`];

export const m20261202_0017_person_phone_unhashed_index: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
