import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Three indexes that a wider one made redundant, dropped (issue 21, item 5). Each is the leading
 * column of a wider index on its table: `ledger_transaction_application` (application_id) of
 * `ledger_transaction_application_kind` (application_id, kind, id, migration 0005),
 * `application_event_actor` (actor_id) of `application_event_actor_application` (actor_id,
 * application_id, migration 0019), and `gig_station_region` (region_code) of the unique
 * `gig_station_name` (region_code, name) made beside it. The wider index answers every lookup by
 * the leading column, foreign-key checks included, so the narrow one only cost a write: an index
 * entry more for every ledger transaction (each payment and return) and every application event
 * (each step of every application). `redundant-indexes.test.ts` keeps new ones out.
 */
const up = [
  `drop index ledger_transaction_application`,
  `drop index application_event_actor`,
  `drop index gig_station_region`,
];

export const m20261204_0046_redundant_prefix_indexes: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
