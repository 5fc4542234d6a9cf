import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Employment services the bureau records itself (川办发〔2024〕34号 (二十) 就业失业登记制度; 庆政办发〔2023〕102号
 * 第25条): employment and unemployment registrations (one open per person, by a partial unique
 * index, so two clerks registering the same person at once give one), hardship certifications
 * (就业困难人员认定, filed by one person and decided by another), and assistance cases (就业援助)
 * with every contact logged, assigned to a case worker by the area (街道/社区) each one covers.
 * What these write into the registry is a registry fact of source 'employment-services'.
 */
const up = [
  `alter table registry_fact drop constraint registry_fact_source_check,
     add constraint registry_fact_source_check check (source in ('manual', 'import', 'demo', 'training', 'employment-services'))`,
  `create table employment_registration (
     id uuid primary key default gen_random_uuid(),
     person_id uuid not null references person(id),
     kind text not null check (kind in ('employment', 'unemployment')),
     region_code char(6) not null references region(code),
     basis text not null check (basis in ('residence', 'hukou')),
     community text check (length(community) between 1 and 100),
     starts_on date not null,
     ends_on date,
     end_reason text check (end_reason in ('employed', 'enrolled', 'enlisted', 'retired', 'moved-away', 'no-contact',
       'left-job', 'unemployed', 'died')),
     employment_kind text check (employment_kind in ('labour-contract', 'flexible', 'public-welfare-post')),
     employer_credit_code char(18),
     card_number text not null check (length(card_number) between 6 and 30),
     last_contact_on date not null,
     fact_id uuid references registry_fact(id),
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     ended_by uuid references account(id),
     check (ends_on is null or (ends_on >= starts_on and end_reason is not null)),
     check ((kind = 'employment') = (employment_kind is not null))
   )`,
  `create unique index employment_registration_one_open on employment_registration (person_id) where ends_on is null`,
  `create index employment_registration_person on employment_registration (person_id, starts_on)`,
  `create index employment_registration_region on employment_registration (region_code, kind) where ends_on is null`,
  `create table hardship_certification (
     id uuid primary key default gen_random_uuid(),
     person_id uuid not null references person(id),
     region_code char(6) not null references region(code),
     category text not null check (length(category) between 2 and 60),
     evidence text not null check (length(evidence) between 1 and 1000),
     state text not null check (state in ('filed', 'certified', 'refused', 'exited')),
     filed_by uuid not null references account(id),
     filed_at timestamptz not null default now(),
     decided_by uuid references account(id),
     decided_on date,
     decision_reason text,
     valid_from date,
     valid_to date,
     review_due date,
     exited_on date,
     exit_reason text check (exit_reason in ('employed', 'expired', 'review-failed', 'moved-away', 'retired')),
     fact_id uuid references registry_fact(id),
     check (decided_by is null or decided_by <> filed_by),
     check (valid_to is null or valid_to >= valid_from)
   )`,
  `create unique index hardship_certification_one_live on hardship_certification (person_id)
     where state in ('filed', 'certified')`,
  `create index hardship_certification_region on hardship_certification (region_code, state)`,
  `create table case_worker_area (
     account_id uuid not null references account(id),
     region_code char(6) not null references region(code),
     community text not null check (length(community) between 1 and 100),
     primary key (account_id, region_code, community)
   )`,
  `create table assistance_case (
     id uuid primary key default gen_random_uuid(),
     kind text not null check (kind in ('hard-to-employ', 'zero-employment-household', 'graduate')),
     person_id uuid not null references person(id),
     household_id text,
     region_code char(6) not null references region(code),
     community text,
     case_worker_id uuid references account(id),
     opened_on date not null,
     due_on date not null,
     closed_on date,
     close_reason text check (close_reason in ('employed', 'promise-kept', 'certification-ended', 'moved-away')),
     created_at timestamptz not null default now(),
     check (closed_on is null or close_reason is not null),
     check ((kind = 'zero-employment-household') = (household_id is not null))
   )`,
  `create unique index assistance_case_one_open_person on assistance_case (kind, person_id)
     where closed_on is null and household_id is null`,
  `create unique index assistance_case_one_open_household on assistance_case (household_id)
     where closed_on is null and household_id is not null`,
  `create index assistance_case_region on assistance_case (region_code, kind) where closed_on is null`,
  `create table assistance_contact (
     id uuid primary key default gen_random_uuid(),
     case_id uuid not null references assistance_case(id),
     kind text not null check (kind in ('contact', 'guidance', 'referral', 'training-offer', 'internship-offer')),
     happened_on date not null,
     note text not null check (length(note) between 1 and 500),
     recorded_by uuid not null references account(id),
     recorded_at timestamptz not null default now()
   )`,
  `create index assistance_contact_case on assistance_contact (case_id, happened_on)`,
];

export const m20261202_0018_employment_services: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
