import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The job board's order (newest validity start, then id) as an index on published postings, so a
 * page of a common keyword is read in that order and stops at its twenty rows (decision 019).
 * Without it the database found every match of the keyword (7,550 postings of 50,000 for 电工,
 * often by a sequential scan) only to sort them for a page of twenty; a rare keyword is still found
 * from the terms index, the planner choosing by the keyword's frequency in its statistics.
 */
const up = [`create index job_posting_board_order on job_posting (valid_from desc, id) where state = 'published'`];

export const m20261203_0042_board_order: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
