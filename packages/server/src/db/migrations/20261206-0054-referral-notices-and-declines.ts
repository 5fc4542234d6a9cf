import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The person referred to a job (岗位推荐) is told, and may answer. Until now a referral was known to
 * the clerk who made it and the unit it went to; the person learnt of it only if someone rang.
 *
 * - A notification may be about a referral (kind 'referred'): one message per referral, in the
 *   person's message list and by text message, naming the job and the unit as they were when the
 *   referral was made. A notification is about exactly one of an application, an offer or a referral.
 *   The referral is checked as 0043 and 0050 check a notification's other references: once per
 *   statement (the table keeps no per-row foreign key), and a referral a message is about is never
 *   deleted, re-keyed or truncated.
 * - The person may decline a referral still open (state 'declined', with their reason and day, which
 *   the unit and the case worker see); the unit's answers stop there, as they stop at a hire or a
 *   refusal. The person's reason is kept apart from the unit's (an interview's details stay).
 */
const checks = (
  [
    ['application_id', 'application', 'id'],
    ['person_id', 'person', 'id'],
    ['organisation_id', 'organisation', 'id'],
    ['offer_id', 'offer', 'id'],
    ['referral_id', 'job_referral', 'id'],
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
  `alter table notification add column referral_id uuid`,
  `create or replace function notification_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
  `create trigger job_referral_never_deleted before delete on job_referral
     for each row execute function referenced_row_is_permanent()`,
  `create trigger job_referral_key_unchanged before update of id on job_referral
     for each row when (old.id is distinct from new.id) execute function referenced_row_is_permanent()`,
  `create trigger job_referral_never_truncated before truncate on job_referral
     for each statement execute function referenced_row_is_permanent()`,
  `alter table notification drop constraint notification_about_one`,
  `alter table notification add constraint notification_about_one
     check (num_nonnulls(application_id, offer_id, referral_id) = 1)`,
  `alter table notification drop constraint notification_kind_check`,
  `alter table notification add constraint notification_kind_check check (kind in ('filed-for-you', 'accepted',
     'returned', 'not-accepted', 'rejected', 'approved', 'publicised', 'paid', 'payment-failed', 'revoked', 'offered',
     'referred'))`,
  `alter table notification add constraint notification_referral_kind check ((referral_id is null) = (kind <> 'referred'))`,
  `create unique index notification_referral_once on notification (referral_id) where referral_id is not null`,
  `create trigger notification_referral_unchanged before update of referral_id on notification
     for each row when (old.referral_id is distinct from new.referral_id) execute function referenced_row_is_permanent()`,
  `alter table job_referral drop constraint job_referral_state_check`,
  `alter table job_referral add constraint job_referral_state_check
     check (state in ('referred', 'interview', 'hired', 'refused', 'declined'))`,
  `alter table job_referral add column declined_reason text check (length(declined_reason) between 1 and 500)`,
  `alter table job_referral add column declined_on date`,
  `alter table job_referral add constraint job_referral_declined_with_reason
     check ((state = 'declined') = (declined_reason is not null) and (declined_reason is null) = (declined_on is null))`,
];

export const m20261206_0054_referral_notices_and_declines: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
