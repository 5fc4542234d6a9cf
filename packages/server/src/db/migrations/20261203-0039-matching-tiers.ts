import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Matching seekers to a posting tier by tier (decision 019): the best seekers are read from the top
 * tier down — the posting's own occupation before its 小类 and 中类, its county before the rest of
 * its city — each tier in id order, so a tier yields its first few seekers without scoring the rest.
 *
 * A seeker's occupations are an array of 1 to 5 codes (0022's check), so each position has its own
 * index on (code, city, id); a tier is the union of the five. Positions 2 to 5 are partial, so
 * the many seekers with one or two occupations cost nothing there.
 *
 * Certificate holders are found from the certificate's occupation rather than by a lookup per
 * seeker: `registry_fact_certificate` on the occupation a certificate names.
 */
const up = [
  ...[1, 2, 3, 4, 5].map(
    (i) =>
      `create index job_seeker_occupation_${i} on job_seeker (
         (occupation_codes[${i}]), left(region_code, 4), id
       ) where active and cardinality(occupation_codes) >= ${i}`,
  ),
  `create index registry_fact_certificate on registry_fact ((data->>'occupation'))
     where kind = 'certificate' and retracted_at is null`,
];

export const m20261203_0039_matching_tiers: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
