import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Matching postings to a seeker tier by tier (decision 019), as 0039 does seekers to a posting: a
 * seeker's best postings are read from the top tier down — its own occupations before their 小类 and
 * 中类, its county before the rest of its city — each tier in id order, so a tier yields its first
 * few postings without scoring the rest of the city's 中类.
 *
 * A posting has one occupation, so one index on (code, city, id) serves every tier. Partial on
 * published postings: drafts, refusals and withdrawals are never matched. Validity and gigs stay
 * filters: a date cannot be in a partial index's predicate, and a gig is a row of another table.
 */
const up = [
  `create index job_posting_occupation_city on job_posting (
     occupation_code, left(region_code, 4), id
   ) where state = 'published'`,
];

export const m20261203_0041_posting_matching_tiers: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
