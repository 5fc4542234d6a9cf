import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The registry (people, units and their dated facts), staff and applicant accounts with their
 * sessions, applications with their event history, and the hash-chained audit trail.
 *
 * Identity numbers and phone numbers are stored encrypted (SM4 + HMAC-SM3, see
 * src/security/vault.ts) beside a keyed hash for lookup and the masked form for display.
 */
const up = [
  // ── registry ──
  `create table person (
     id uuid primary key default gen_random_uuid(),
     id_number_hmac text not null unique,
     id_number_cipher text not null,
     id_number_masked text not null,
     name text not null check (length(name) between 1 and 64),
     sex text not null check (sex in ('male', 'female')),
     birth_date date not null,
     retirement_category text check (retirement_category in ('male', 'female-cadre', 'female-worker')),
     region_code char(6) not null references region(code),
     hukou_region char(6),
     household_id text,
     rural boolean,
     phone_cipher text,
     phone_masked text,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create index person_region on person (region_code)`,
  `create index person_household on person (household_id) where household_id is not null`,
  `create table organisation (
     id uuid primary key default gen_random_uuid(),
     credit_code text not null unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
     credit_code_override text,
     name text not null check (length(name) between 1 and 128),
     category text not null,
     size_class text check (size_class in ('large', 'medium', 'small', 'micro')),
     region_code char(6) not null references region(code),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create index organisation_region on organisation (region_code)`,
  // A fact is never edited or deleted: it is retracted with a reason and a new one recorded.
  `create table registry_fact (
     id uuid primary key default gen_random_uuid(),
     person_id uuid references person(id),
     organisation_id uuid references organisation(id),
     kind text not null,
     data jsonb not null,
     source text not null check (source in ('manual', 'import', 'demo')),
     recorded_by uuid,
     recorded_at timestamptz not null default now(),
     retracted_at timestamptz,
     retracted_by uuid,
     retraction_reason text,
     check ((person_id is null) <> (organisation_id is null)),
     check ((retracted_at is null) = (retraction_reason is null))
   )`,
  `create index registry_fact_person on registry_fact (person_id) where retracted_at is null`,
  `create index registry_fact_organisation on registry_fact (organisation_id) where retracted_at is null`,

  // ── accounts ──
  `create table account (
     id uuid primary key default gen_random_uuid(),
     username text not null unique check (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
     display_name text not null,
     roles text[] not null check (cardinality(roles) > 0),
     region_code char(6) not null references region(code),
     person_id uuid references person(id),
     organisation_id uuid references organisation(id),
     password_hash text not null,
     password_changed_at timestamptz not null default now(),
     must_change_password boolean not null default false,
     failed_logins integer not null default 0,
     locked_until timestamptz,
     active boolean not null default true,
     created_at timestamptz not null default now()
   )`,
  `create table password_history (
     account_id uuid not null references account(id),
     password_hash text not null,
     set_at timestamptz not null default now()
   )`,
  `create index password_history_account on password_history (account_id, set_at desc)`,
  `create table session (
     token_hash text primary key,
     account_id uuid not null references account(id),
     csrf_token text not null,
     ip text,
     created_at timestamptz not null default now(),
     last_seen_at timestamptz not null default now(),
     ended_at timestamptz
   )`,
  `create index session_account on session (account_id)`,
  `alter table registry_fact add foreign key (recorded_by) references account(id)`,
  `alter table registry_fact add foreign key (retracted_by) references account(id)`,

  // ── applications ──
  `create table application (
     id uuid primary key default gen_random_uuid(),
     number text not null unique,
     subsidy_id text not null,
     applicant_kind text not null check (applicant_kind in ('person', 'organisation')),
     person_id uuid references person(id),
     organisation_id uuid references organisation(id),
     region_code char(6) not null references region(code),
     period_key text not null,
     claim jsonb not null,
     state text not null check (state in ('draft', 'submitted', 'returned', 'not-accepted', 'accepted', 'reviewed',
       'approved', 'rejected', 'publicised', 'payable', 'paid', 'withdrawn', 'revoked')),
     version integer not null default 1,
     requested_by uuid not null references account(id),
     idempotency_key text not null,
     submitted_on date,
     due_on date,
     publicity_ends_on date,
     amount_fen bigint check (amount_fen >= 0),
     recovery_fen bigint check (recovery_fen >= 0),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check ((applicant_kind = 'person') = (person_id is not null)),
     check ((applicant_kind = 'organisation') = (organisation_id is not null)),
     unique (requested_by, idempotency_key)
   )`,
  // One live application per applicant, subsidy and period: two tabs or a retry find the first.
  `create unique index application_one_per_period on application
     (subsidy_id, coalesce(person_id, organisation_id), period_key)
     where state not in ('withdrawn', 'not-accepted', 'rejected', 'revoked')`,
  `create index application_queue on application (state, region_code, due_on)`,
  `create index application_person on application (person_id)`,
  `create index application_organisation on application (organisation_id)`,
  `create table application_event (
     application_id uuid not null references application(id),
     seq integer not null,
     action text not null,
     from_state text,
     to_state text not null,
     actor_id uuid not null references account(id),
     actor_roles text[] not null,
     step text,
     reason text,
     decision jsonb,
     facts jsonb,
     at timestamptz not null default now(),
     primary key (application_id, seq)
   )`,
  `create index application_event_actor on application_event (actor_id)`,
  `create sequence application_number_seq`,

  // ── audit ──
  `create table audit_entry (
     seq bigint primary key,
     at timestamptz not null,
     actor_id uuid,
     actor_name text,
     actor_roles text[],
     region_code char(6),
     ip text,
     action text not null,
     outcome text not null check (outcome in ('success', 'failure')),
     entity_type text,
     entity_id text,
     before jsonb,
     after jsonb,
     prev_hash text not null,
     hash text not null
   )`,
  `create index audit_entry_entity on audit_entry (entity_type, entity_id)`,
  // Append-only at the database itself: no role the application uses can change or remove a row.
  `create function audit_entry_is_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit entries are append-only (% refused)', tg_op;
   end $$`,
  `create trigger audit_entry_no_update before update or delete on audit_entry
     for each row execute function audit_entry_is_append_only()`,
  `create trigger audit_entry_no_truncate before truncate on audit_entry
     for each statement execute function audit_entry_is_append_only()`,
  `create trigger application_event_no_update before update or delete on application_event
     for each row execute function audit_entry_is_append_only()`,

  // ── calendar years published after the bundled data ──
  `create table calendar_year (
     year integer primary key check (year between 2000 and 2200),
     holidays text[] not null,
     workdays text[] not null,
     loaded_by uuid references account(id),
     loaded_at timestamptz not null default now()
   )`,
];

export const m20261121_0002_registry_accounts_applications_audit: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
