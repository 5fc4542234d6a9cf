import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A message when the platform finds someone entitled (免申即享): an offer made by the sweep or by a
 * hire is announced in the person's or unit's message list, and by text message to a person, as an
 * application's events are. A notification is now about an application or about an offer, never
 * both; an offer is announced once (the unique index), however many times the sweep's end is run.
 * What the message names (the subsidy, the amount) is read from the offer when it is shown, so a
 * hire offer whose amount grows with a later hire is announced once and reads its amount as it is.
 *
 * A sweep's offers are announced after it ends, by the worker's notification job, not by the sweep:
 * at 1,000,000 people the 159,692 messages took 3.7–4.4 s, a quarter of the sweep. Which ended
 * sweeps have been announced is `sweep_announcement`, written in the transaction that writes their
 * messages, so each is announced once, by whichever worker claims it first. Sweeps that ended before
 * this migration are marked announced: their offers are not announced after the fact.
 *
 * The sweep announces its offers in one statement, up to a province's hundreds of thousands of rows,
 * so the offer is checked as 0043 checks a notification's other references: once per statement over
 * its new rows, not by a foreign key's lookup per row (at 1,000,000 people a foreign key made the
 * 159,692 messages took 4.4 s with a foreign key, 3.7 s without). On the offer's side, deleting offers that a message
 * is about is refused per statement (only tests and benchmarks delete offers, their messages first),
 * as are re-keying and truncating offers.
 */
const checks = (
  [
    ['application_id', 'application', 'id'],
    ['person_id', 'person', 'id'],
    ['organisation_id', 'organisation', 'id'],
    ['offer_id', 'offer', 'id'],
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
  `alter table notification alter column application_id drop not null`,
  `alter table notification add column offer_id uuid`,
  `alter table notification add constraint notification_about_one check ((application_id is null) <> (offer_id is null))`,
  `alter table notification drop constraint notification_kind_check`,
  `alter table notification add constraint notification_kind_check check (kind in ('filed-for-you', 'accepted',
     'returned', 'not-accepted', 'rejected', 'approved', 'publicised', 'paid', 'payment-failed', 'revoked', 'offered'))`,
  `alter table notification add constraint notification_offer_kind check ((offer_id is null) = (kind <> 'offered'))`,
  `create unique index notification_offer_once on notification (offer_id) where offer_id is not null`,
  `create table sweep_announcement (
    sweep_job_id uuid primary key references sweep_job (id),
    messages integer not null check (messages >= 0),
    announced_at timestamptz not null default now()
  )`,
  `insert into sweep_announcement (sweep_job_id, messages) select id, 0 from sweep_job where state = 'done'`,
  // 0043's check per statement, with the offer among the references.
  `create or replace function notification_references_exist() returns trigger language plpgsql as $$
   declare missing text;
   begin${checks.join('')}
     return null;
   end $$`,
  `create trigger notification_offer_unchanged before update of offer_id on notification
     for each row when (old.offer_id is distinct from new.offer_id) execute function referenced_row_is_permanent()`,
  // The offer's side: not deleted while a message is about it, never re-keyed or truncated.
  `create function offer_keeps_its_messages() returns trigger language plpgsql as $$
   declare missing text;
   begin
     select o.id::text into missing from old_rows o
      where exists (select 1 from notification n where n.offer_id = o.id)
      limit 1;
     if found then
       raise exception 'delete on table "offer" violates the reference from "notification": offer % has a message', missing
         using errcode = '23503', table = 'offer';
     end if;
     return null;
   end $$`,
  `create trigger offer_keeps_its_messages after delete on offer
     referencing old table as old_rows for each statement execute function offer_keeps_its_messages()`,
  `create trigger offer_key_unchanged before update of id on offer
     for each row when (old.id is distinct from new.id) execute function referenced_row_is_permanent()`,
  `create trigger offer_never_truncated before truncate on offer for each statement execute function referenced_row_is_permanent()`,
];

export const m20261205_0050_offer_notifications: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
