import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A message when the platform finds someone entitled (免申即享): an offer made by the sweep or by a
 * hire is announced in the person's or unit's message list, and by text message to a person, as an
 * application's events are. A notification is now about an application or about an offer, never
 * both; an offer is announced once (the unique index), however many times the sweep's end is run.
 * What the message names (the subsidy, the amount) is read from the offer when it is shown, so a
 * hire offer whose amount grows with a later hire is announced once and reads its amount as it is.
 */
const up = [
  `alter table notification alter column application_id drop not null`,
  `alter table notification add column offer_id uuid references offer (id)`,
  `alter table notification add constraint notification_about_one check ((application_id is null) <> (offer_id is null))`,
  `alter table notification drop constraint notification_kind_check`,
  `alter table notification add constraint notification_kind_check check (kind in ('filed-for-you', 'accepted',
     'returned', 'not-accepted', 'rejected', 'approved', 'publicised', 'paid', 'payment-failed', 'revoked', 'offered'))`,
  `alter table notification add constraint notification_offer_kind check ((offer_id is null) = (kind <> 'offered'))`,
  `create unique index notification_offer_once on notification (offer_id) where offer_id is not null`,
  // As its other references (0043): the offer a message is about never changes.
  `create trigger notification_offer_unchanged before update of offer_id on notification
     for each row when (old.offer_id is distinct from new.offer_id) execute function referenced_row_is_permanent()`,
];

export const m20261205_0050_offer_notifications: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
