import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The gig market (零工市场; 川办发〔2024〕34号 (六)): 零工驿站 (gig stations), each in a region and run by
 * a registry organisation; gig postings, which are job postings (same review, same discrimination
 * rules) tied to a station and paid by the day or the piece; the station's register of gig workers
 * (one entry per person per station); and the gigs it brokered (a worker taken on for a gig posting,
 * once per pair by a unique constraint). A month's service figures are counted from these rows.
 */
const up = [
  `create table gig_station (
     id uuid primary key default gen_random_uuid(),
     name text not null check (length(name) between 1 and 60),
     region_code char(6) not null references region(code),
     operator_id uuid not null references organisation(id),
     address text not null check (length(address) between 1 and 200),
     opened_on date not null,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     constraint gig_station_name unique (region_code, name)
   )`,
  `create index gig_station_region on gig_station (region_code)`,
  `create table gig_posting (
     posting_id uuid primary key references job_posting(id),
     station_id uuid not null references gig_station(id),
     pay_unit text not null check (pay_unit in ('day', 'piece'))
   )`,
  `create index gig_posting_station on gig_posting (station_id)`,
  `create table gig_worker (
     id uuid primary key default gen_random_uuid(),
     station_id uuid not null references gig_station(id),
     person_id uuid not null references person(id),
     skills text not null check (length(skills) <= 500),
     registered_on date not null,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     constraint gig_worker_once unique (station_id, person_id)
   )`,
  `create table gig_match (
     id uuid primary key default gen_random_uuid(),
     station_id uuid not null references gig_station(id),
     posting_id uuid not null references gig_posting(posting_id),
     worker_id uuid not null references gig_worker(id),
     matched_on date not null,
     created_by uuid not null references account(id),
     created_at timestamptz not null default now(),
     constraint gig_match_once unique (posting_id, worker_id)
   )`,
  `create index gig_match_station on gig_match (station_id, matched_on)`,
];

export const m20261202_0028_gig_market: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
