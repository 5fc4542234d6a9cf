import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 容缺受理 (issue 17): the materials an applicant promised to supply after submitting, each with
 * its deadline, the file that supplied it and the clerk who checked it; and the platform's own
 * step in an application's history — returning an application whose promise lapsed — which no
 * account takes, so an event's actor may be empty for that action only.
 */
const up = [
  `create table application_deferred_material (
     application_id uuid not null references application(id),
     material integer not null check (material >= 0),
     material_name jsonb not null,
     promise text not null,
     promised_by uuid not null references account(id),
     promised_on date not null,
     due_on date not null check (due_on >= promised_on),
     basis text not null,
     supplied_evidence_id uuid references application_evidence(id),
     supplied_at timestamptz,
     checked_by uuid references account(id),
     checked_at timestamptz,
     check_note text,
     lapsed_at timestamptz,
     primary key (application_id, material),
     check ((checked_at is null) = (checked_by is null)),
     check (checked_at is null or supplied_evidence_id is not null),
     check (lapsed_at is null or checked_at is null)
   )`,
  // The sweep's question: promises still open, by deadline.
  `create index application_deferred_material_open on application_deferred_material (due_on)
     where checked_at is null and lapsed_at is null`,
  `alter table application_event alter column actor_id drop not null`,
  `alter table application_event add constraint application_event_actor_check
     check (actor_id is not null or action = 'lapse')`,
];

export const m20261202_0035_deferred_materials: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
