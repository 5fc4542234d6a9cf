import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 创业担保贷款奖补: one award per lending bank or guarantee institution, region and year, at the
 * share the region set (the basis kept as it was read). The row is taken before the claim is
 * filed, so two clerks filing at once file it once; the claim (an application of
 * `startup-loan-award`, paid to the institution) is linked once filed.
 */
const up = [
  `create table loan_award (
     id uuid primary key default gen_random_uuid(),
     institution_id uuid not null references loan_institution(id),
     region_code char(6) not null references region(code),
     year integer not null check (year between 2000 and 2999),
     new_loans integer not null check (new_loans > 0),
     new_loan_fen bigint not null check (new_loan_fen > 0),
     share_permille integer not null check (share_permille > 0),
     award_fen bigint not null check (award_fen >= 0),
     basis text not null,
     filed_by uuid not null references account(id),
     filed_at timestamptz not null default now(),
     application_id uuid unique references application(id),
     unique (institution_id, region_code, year)
   )`,
];

export const m20261203_0038_loan_awards: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
