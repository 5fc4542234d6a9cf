import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Vocational training (两目录一系统, 人社部发〔2024〕5号): the training-demand guidance catalogue and
 * the institution catalogue, both kept with their history (an item or institution moved out keeps
 * its row, with the day and reason), and the real-name system: classes opened with a roster,
 * approved, attended session by session, inspected, assessed, and the certificates they issue.
 */
const up = [
  `create table training_demand_item (
     id uuid primary key default gen_random_uuid(),
     region_code char(6) not null references region(code),
     occupation text not null check (length(occupation) between 1 and 60),
     level smallint check (level between 1 and 5),
     training_kind text not null check (training_kind in ('employment-skills', 'entrepreneurship')),
     standard_fen bigint not null check (standard_fen >= 0),
     hours integer not null check (hours > 0),
     urgent boolean not null default false,
     valid_from date not null,
     valid_to date,
     removed_on date,
     removed_reason text,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     check (valid_to is null or valid_to >= valid_from)
   )`,
  `create index training_demand_item_region on training_demand_item (region_code, occupation)`,
  `create table training_institution (
     id uuid primary key default gen_random_uuid(),
     region_code char(6) not null references region(code),
     organisation_id uuid not null unique references organisation(id),
     name text not null,
     address text not null,
     nature text not null check (nature in ('public', 'private', 'enterprise', 'school')),
     capacity integer not null check (capacity > 0),
     status text not null default 'listed' check (status in ('listed', 'removed')),
     removed_on date,
     removed_reason text,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now()
   )`,
  `create table training_institution_item (
     institution_id uuid not null references training_institution(id),
     demand_item_id uuid not null references training_demand_item(id),
     primary key (institution_id, demand_item_id)
   )`,
  `create table training_class (
     id uuid primary key default gen_random_uuid(),
     number text not null unique,
     institution_id uuid not null references training_institution(id),
     demand_item_id uuid not null references training_demand_item(id),
     region_code char(6) not null references region(code),
     starts_on date not null,
     ends_on date not null,
     sessions integer not null check (sessions > 0),
     teaching_plan text not null,
     teachers jsonb not null,
     resources jsonb not null,
     assessment_plan text not null,
     state text not null check (state in ('applied', 'approved', 'rejected', 'completed')),
     applied_by uuid not null references account(id),
     decided_by uuid references account(id),
     decision_reason text,
     completed_by uuid references account(id),
     created_at timestamptz not null default now(),
     check (ends_on >= starts_on)
   )`,
  `create table training_enrolment (
     class_id uuid not null references training_class(id),
     person_id uuid not null references person(id),
     primary key (class_id, person_id)
   )`,
  `create index training_enrolment_person on training_enrolment (person_id)`,
  `create table training_attendance (
     class_id uuid not null references training_class(id),
     session_no integer not null check (session_no > 0),
     person_id uuid not null references person(id),
     checked_in_at timestamptz not null,
     recorded_by uuid not null references account(id),
     primary key (class_id, session_no, person_id)
   )`,
  `create table training_inspection (
     id bigserial primary key,
     class_id uuid not null references training_class(id),
     inspector_id uuid not null references account(id),
     inspected_on date not null,
     satisfactory boolean not null,
     finding text not null
   )`,
  `create table training_assessment (
     class_id uuid not null references training_class(id),
     person_id uuid not null references person(id),
     passed boolean not null,
     score integer check (score between 0 and 100),
     recorded_by uuid not null references account(id),
     primary key (class_id, person_id)
   )`,
  `create table training_certificate (
     serial text primary key,
     class_id uuid not null references training_class(id),
     person_id uuid not null references person(id),
     occupation text not null,
     level smallint,
     training_kind text not null,
     institution_name text not null,
     starts_on date not null,
     ends_on date not null,
     issued_on date not null,
     unique (class_id, person_id)
   )`,
  // A certificate issued here is recorded in the registry as the person's fact, marked as such.
  `alter table registry_fact drop constraint registry_fact_source_check,
     add constraint registry_fact_source_check check (source in ('manual', 'import', 'demo', 'training'))`,
];

export const m20261121_0012_training: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
