import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A keyed hash of each person's phone number, like the ID number's and the bank account's, so the
 * risk check can count claimants sharing one phone without decrypting anyone. Rows written before
 * it are filled in at start-up (`backfillPhoneHashes`: the key is not in the database).
 */
const up = [`alter table person add column phone_hmac text`, `create index person_phone on person (phone_hmac) where phone_hmac is not null`];

export const m20261121_0011_phone_lookup_hash: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
