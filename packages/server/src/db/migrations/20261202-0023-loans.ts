import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 创业担保贷款 (start-up guaranteed loans): the lending banks and guarantee institutions (each a
 * registry organisation), the loans from application to their end, the repayment schedule, the
 * banks' quarterly interest statements with one row per loan and quarter (each quarter once: a
 * statement imported twice pays nothing twice), the 贴息 claim filed for it (an application, reviewed
 * and paid through the workflow, ledger and payment batches), and the guarantee fund's compensations
 * (代偿). The inclusive-finance fund (普惠金融发展专项资金) becomes a fund source, the
 * only one that may pay 贴息 (财社〔2023〕181号 第十六条（四）).
 */
const up = [
  `alter table fund drop constraint fund_source_check,
     add constraint fund_source_check check (source in ('central-employment', 'provincial-employment', 'city-employment',
       'county-employment', 'unemployment-insurance', 'rural-revitalisation', 'east-west-cooperation', 'inclusive-finance'))`,
  `create table loan_institution (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisation(id),
     kind text not null check (kind in ('bank', 'guarantor')),
     region_code char(6) not null references region(code),
     rate_cap_bp integer check (rate_cap_bp between 1 and 5000),
     guarantee_fund_fen bigint check (guarantee_fund_fen >= 0),
     created_by uuid references account(id),
     created_at timestamptz not null default now(),
     unique (organisation_id, kind),
     check ((kind = 'bank') = (rate_cap_bp is not null)),
     check ((kind = 'guarantor') = (guarantee_fund_fen is not null))
   )`,
  `create table loan (
     id uuid primary key default gen_random_uuid(),
     number text not null unique,
     region_code char(6) not null references region(code),
     person_id uuid references person(id),
     organisation_id uuid references organisation(id),
     borrower text not null check (borrower in ('individual', 'partnership', 'small-micro-enterprise')),
     requested_fen bigint not null check (requested_fen > 0),
     term_months integer not null check (term_months between 1 and 120),
     purpose text not null check (length(purpose) between 1 and 500),
     bank_id uuid not null references loan_institution(id),
     guarantor_id uuid not null references loan_institution(id),
     state text not null check (state in ('applied', 'qualified', 'not-qualified', 'guaranteed', 'guarantee-refused',
       'active', 'repaid', 'defaulted', 'compensated', 'withdrawn')),
     applied_on date not null,
     applied_by uuid not null references account(id),
     qualified_by uuid references account(id),
     qualified_on date,
     guaranteed_by uuid references account(id),
     guaranteed_on date,
     counter_guarantee_waived boolean,
     contracted_by uuid references account(id),
     principal_fen bigint check (principal_fen > 0),
     annual_rate_bp integer check (annual_rate_bp between 1 and 5000),
     disbursed_on date,
     matures_on date,
     extended_to date,
     ended_on date,
     reason text check (length(reason) between 1 and 500),
     version integer not null default 1,
     created_at timestamptz not null default now(),
     check ((person_id is null) <> (organisation_id is null)),
     check (extended_to is null or extended_to > matures_on)
   )`,
  // One live loan per borrower: a second loan only after the first has ended (repaid in full).
  `create unique index loan_one_live_person on loan (person_id)
     where state in ('applied', 'qualified', 'guaranteed', 'active', 'defaulted')`,
  `create unique index loan_one_live_organisation on loan (organisation_id)
     where state in ('applied', 'qualified', 'guaranteed', 'active', 'defaulted')`,
  `create index loan_region on loan (region_code, state)`,
  `create table loan_instalment (
     loan_id uuid not null references loan(id),
     seq integer not null check (seq >= 1),
     due_on date not null,
     principal_fen bigint not null check (principal_fen >= 0),
     primary key (loan_id, seq)
   )`,
  `create table loan_statement (
     id uuid primary key default gen_random_uuid(),
     bank_id uuid not null references loan_institution(id),
     period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
     file_sha256 text not null,
     rows integer not null,
     imported_by uuid not null references account(id),
     imported_at timestamptz not null default now(),
     unique (bank_id, file_sha256)
   )`,
  `create table loan_period (
     id uuid primary key default gen_random_uuid(),
     loan_id uuid not null references loan(id),
     period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
     statement_id uuid not null references loan_statement(id),
     row_number integer not null,
     balance_fen bigint not null check (balance_fen >= 0),
     annual_rate_bp integer not null,
     interest_fen bigint not null check (interest_fen >= 0),
     repaid_on_time boolean not null,
     outcome text not null check (outcome in ('subsidised', 'overdue', 'extension', 'share-not-set', 'outside-loan')),
     subsidy_fen bigint not null check (subsidy_fen >= 0),
     explanation jsonb not null,
     state text not null check (state in ('computed', 'claimed', 'nothing-due')),
     application_id uuid unique references application(id),
     unique (loan_id, period),
     check ((state = 'claimed') = (application_id is not null))
   )`,
  `create index loan_period_state on loan_period (state)`,
  `create table loan_compensation (
     loan_id uuid primary key references loan(id),
     guarantor_id uuid not null references loan_institution(id),
     amount_fen bigint not null check (amount_fen > 0),
     compensated_on date not null,
     recorded_by uuid not null references account(id),
     recorded_at timestamptz not null default now()
   )`,
];

export const m20261202_0023_loans: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
