import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What an applicant is told about their application (accepted, returned for correction, approved,
 * publicised, paid, payment failed …): one row per event, addressed to the person or unit whose
 * claim it is, so an account bound later still sees its history. A text message to the phone on
 * record is sent after the event commits (`sms_state` pending → sent), so a crash between the two
 * loses nothing: pending messages are sent by the next dispatch.
 */
const up = [
  `create table notification (
    id uuid primary key default gen_random_uuid(),
    application_id uuid not null references application (id),
    person_id uuid references person (id),
    organisation_id uuid references organisation (id),
    kind text not null check (kind in ('filed-for-you', 'accepted', 'returned', 'not-accepted', 'rejected',
      'approved', 'publicised', 'paid', 'payment-failed', 'revoked')),
    params jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    sms_state text not null check (sms_state in ('pending', 'sent', 'none', 'failed')),
    sms_attempts integer not null default 0,
    sms_sent_at timestamptz,
    check ((person_id is null) <> (organisation_id is null))
  )`,
  `create index notification_person on notification (person_id, created_at desc) where person_id is not null`,
  `create index notification_organisation on notification (organisation_id, created_at desc)
     where organisation_id is not null`,
  `create index notification_sms_pending on notification (created_at) where sms_state = 'pending'`,
];

export const m20261202_0020_notifications: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
