import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The staff lists over the registry and the offers in their own order, so a page is read in that
 * order and stops at its rows (issue 21, item 4). At 10 million people (`bench:plans`) every page of
 * a city's or a county's people sorted all of them (about 2.2 s a page), and a city's open offers
 * sorted all 1.6 million (1.1 s).
 *
 * People are listed by name, then id. A county's staff read `person_region_name` from the county's
 * one code on; a city's or province's staff walk `person_name_order`, skipping the people outside
 * their region (a city of a twentieth of its province reads about twenty rows for each one shown).
 * Offers are listed newest first; a rare state (filed, declined) is still found by its region and
 * state, the planner choosing by the state's frequency.
 */
const up = [
  `create index person_name_order on person (name, id)`,
  `create index person_region_name on person (region_code, name, id)`,
  `create index offer_newest on offer (created_at desc)`,
];

export const m20261203_0044_staff_lists_in_order: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
