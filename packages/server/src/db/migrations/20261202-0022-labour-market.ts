import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The public labour market (公共就业服务 岗位信息; 庆政办发〔2023〕102号 第5、6条): job postings by units or
 * by clerks for them, reviewed before publication; job-seeker profiles; referrals (岗位推荐) of a
 * seeker to a posting, one per pair by a unique constraint, so two clerks at once give one.
 *
 * Chinese keyword search without a word segmenter: each posting keeps the distinct characters and
 * character pairs (bigrams) of its searchable text in `search_terms`, under a GIN index; a query's
 * own bigrams must all be there and the text is then checked with LIKE (decision 019).
 */
const up = [
  `create table job_posting (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisation(id),
     title text not null check (length(title) between 1 and 60),
     occupation_code text not null check (occupation_code ~ '^[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'),
     headcount integer not null check (headcount between 1 and 10000),
     pay_min_fen integer not null check (pay_min_fen >= 0),
     pay_max_fen integer not null,
     region_code char(6) not null references region(code),
     place text not null check (length(place) between 1 and 200),
     requirements text not null check (length(requirements) <= 1000),
     description text not null check (length(description) <= 2000),
     min_level smallint check (min_level between 1 and 5),
     contact text not null check (length(contact) between 1 and 100),
     valid_from date not null,
     valid_to date not null,
     state text not null check (state in ('submitted', 'refused', 'published', 'withdrawn')),
     refusal text check (length(refusal) <= 500),
     reviewed_by uuid references account(id),
     reviewed_at timestamptz,
     posted_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     search_text text not null,
     search_terms text[] not null,
     check (pay_max_fen >= pay_min_fen),
     check (valid_to >= valid_from),
     check (state <> 'refused' or refusal is not null),
     check (reviewed_by is null or reviewed_by <> posted_by)
   )`,
  `create index job_posting_open on job_posting (occupation_code, region_code) where state = 'published'`,
  `create index job_posting_board on job_posting (region_code, valid_to) where state = 'published'`,
  `create index job_posting_terms on job_posting using gin (search_terms) where state = 'published'`,
  `create index job_posting_unit on job_posting (organisation_id, created_at)`,
  `create index job_posting_review on job_posting (state, region_code)`,
  `create table job_seeker (
     id uuid primary key default gen_random_uuid(),
     person_id uuid not null unique references person(id),
     region_code char(6) not null references region(code),
     occupation_codes text[] not null check (cardinality(occupation_codes) between 1 and 5),
     occupation_groups text[] not null,
     pay_min_fen integer not null check (pay_min_fen >= 0),
     available_from date not null,
     skills text not null check (length(skills) <= 500),
     active boolean not null default true,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create index job_seeker_groups on job_seeker using gin (occupation_groups) where active`,
  `create index job_seeker_region on job_seeker (region_code) where active`,
  `create table job_referral (
     id uuid primary key default gen_random_uuid(),
     posting_id uuid not null references job_posting(id),
     seeker_id uuid not null references job_seeker(id),
     referred_by uuid not null references account(id),
     referred_on date not null,
     note text not null check (length(note) <= 500),
     state text not null check (state in ('referred', 'interview', 'hired', 'refused')),
     reason text check (length(reason) between 1 and 500),
     answered_by uuid references account(id),
     answered_on date,
     hired_on date,
     registration_id uuid references employment_registration(id),
     registration_error text,
     created_at timestamptz not null default now(),
     constraint job_referral_once unique (posting_id, seeker_id),
     check (state <> 'refused' or reason is not null),
     check ((state = 'hired') = (hired_on is not null))
   )`,
  `create index job_referral_seeker on job_referral (seeker_id, created_at)`,
];

export const m20261202_0022_labour_market: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
