import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A borrower is told of the decisions on their 创业担保贷款: the qualification, the guarantee and the
 * disbursement, each approved or refused (with its reason), in their message list and by text
 * message. Until now they learnt of them only by opening the loan page.
 *
 * A notification may be about a loan (kind 'loan'): what it says is in its parameters (the loan's
 * number, the state it reached, the reason, the amount lent), as the loan was at that step. The
 * loan is checked as 0043, 0050 and 0054 check a notification's other references: once per
 * statement, and a loan a message is about is never deleted, re-keyed or truncated.
 */
const checks = (
  [
    ['application_id', 'application', 'id'],
    ['person_id', 'person', 'id'],
    ['organisation_id', 'organisation', 'id'],
    ['offer_id', 'offer', 'id'],
    ['referral_id', 'job_referral', 'id'],
    ['loan_id', 'loan', 'id'],
  ] as const
).map(
  ([column, parent, key]) => `
     select n.${column}::text into missing from new_rows n
      where n.${column} is not null
        and not exists (select 1 from ${parent} p where p.${key} = n.${column} offset 0)
      limit 1;
     if found then
       raise exception 'insert on table "notification" violates its reference to "${parent}": ${column} % is not in "${parent}"', missing
         using errcode = '23503', table = 'notification', column = '${column}';
     end if;`,
);

const up = [
  `alter table notification add column loan_id uuid`,
  `create or replace function notification_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
  `create trigger loan_never_deleted before delete on loan
     for each row execute function referenced_row_is_permanent()`,
  `create trigger loan_key_unchanged before update of id on loan
     for each row when (old.id is distinct from new.id) execute function referenced_row_is_permanent()`,
  `create trigger loan_never_truncated before truncate on loan
     for each statement execute function referenced_row_is_permanent()`,
  `alter table notification drop constraint notification_about_one`,
  `alter table notification add constraint notification_about_one
     check (num_nonnulls(application_id, offer_id, referral_id, loan_id) = 1)`,
  `alter table notification drop constraint notification_kind_check`,
  `alter table notification add constraint notification_kind_check check (kind in ('filed-for-you', 'accepted',
     'returned', 'not-accepted', 'rejected', 'approved', 'publicised', 'paid', 'payment-failed', 'revoked', 'offered',
     'referred', 'loan'))`,
  `alter table notification add constraint notification_loan_kind check ((loan_id is null) = (kind <> 'loan'))`,
  `create trigger notification_loan_unchanged before update of loan_id on notification
     for each row when (old.loan_id is distinct from new.loan_id) execute function referenced_row_is_permanent()`,
];

export const m20261206_0057_loan_notices: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
