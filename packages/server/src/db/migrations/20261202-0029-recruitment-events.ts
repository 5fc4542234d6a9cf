import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Recruitment events and live streams (招聘活动、直播带岗; 人社部办公厅 2023-12-28 notice): an event
 * with its base (直播基地 or venue), brand, anchor and time, the reviewed postings it presents, the
 * CVs seekers send to those postings while it runs (once per seeker and posting, by a unique
 * constraint), and its results entered afterwards (views, CVs, interviews, hires).
 */
const up = [
  `create table recruitment_event (
     id uuid primary key default gen_random_uuid(),
     kind text not null check (kind in ('fair', 'live-stream')),
     title text not null check (length(title) between 1 and 60),
     region_code char(6) not null references region(code),
     base text not null check (length(base) between 1 and 100),
     brand text not null check (length(brand) <= 60),
     anchor text not null check (length(anchor) <= 60),
     starts_at timestamptz not null,
     ends_at timestamptz not null,
     views integer check (views >= 0),
     cvs integer check (cvs >= 0),
     interviews integer check (interviews >= 0),
     hires integer check (hires >= 0),
     results_by uuid references account(id),
     results_at timestamptz,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     check (ends_at > starts_at),
     check (kind <> 'live-stream' or length(anchor) > 0),
     check ((results_at is null) = (views is null)),
     check (hires is null or interviews is null or hires <= interviews)
   )`,
  `create index recruitment_event_region on recruitment_event (region_code, starts_at)`,
  `create table recruitment_event_posting (
     event_id uuid not null references recruitment_event(id),
     posting_id uuid not null references job_posting(id),
     primary key (event_id, posting_id)
   )`,
  `create table recruitment_cv (
     id uuid primary key default gen_random_uuid(),
     event_id uuid not null,
     posting_id uuid not null,
     seeker_id uuid not null references job_seeker(id),
     submitted_at timestamptz not null,
     foreign key (event_id, posting_id) references recruitment_event_posting(event_id, posting_id),
     constraint recruitment_cv_once unique (event_id, posting_id, seeker_id)
   )`,
];

export const m20261202_0029_recruitment_events: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
