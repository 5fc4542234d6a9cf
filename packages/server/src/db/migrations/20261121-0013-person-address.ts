import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A person's residential address, encrypted like the phone number, with a keyed hash of its
 * normalised form so the risk check can count claimants at one address without reading any.
 */
const up = [`alter table person add column address_cipher text, add column address_hmac text`, `create index person_address on person (address_hmac) where address_hmac is not null`];

export const m20261121_0013_person_address: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
