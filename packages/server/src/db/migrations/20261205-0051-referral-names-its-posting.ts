import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A referral contact on an assistance case may name the posting it was to (川办发〔2024〕34号 (十四):
 * a graduate's 1+3+1 counts three referrals). Until now a referral was known by its note and day,
 * so the labour market's own referral and a case worker's hand-logged one for the same posting,
 * worded differently or logged on another day, counted twice toward the three. With the posting
 * named, the case holds one referral per posting, whoever logged it and whenever: the unique index
 * is what keeps it so when both are logged at the same moment. Only a referral names a posting.
 *
 * Referrals logged before this carry no posting and are known by their note and day, as before:
 * which posting an old hand-written note meant cannot be told reliably.
 */
const up = [
  `alter table assistance_contact add column posting_id uuid references job_posting(id)`,
  `alter table assistance_contact add constraint assistance_contact_posting_of_a_referral
     check (posting_id is null or kind = 'referral')`,
  `create unique index assistance_contact_referral_once on assistance_contact (case_id, posting_id)
     where posting_id is not null`,
];

export const m20261205_0051_referral_names_its_posting: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
