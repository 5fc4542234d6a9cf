import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The proactive sweep (政策找人, 免申即享): a job that walks the registry in order of person id,
 * keeping its place, and the offers it makes. One offer per person, subsidy and period, ever: a
 * second run or a resumed one finds the offer already there.
 */
const up = [
  `create table sweep_job (
     id uuid primary key default gen_random_uuid(),
     region_code char(6) not null references region(code),
     judged_on date not null,
     state text not null check (state in ('running', 'done', 'failed')),
     cursor uuid,
     people_total integer not null,
     people_done integer not null default 0,
     offers_created integer not null default 0,
     started_by uuid not null references account(id),
     started_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     finished_at timestamptz,
     error text
   )`,
  `create table offer (
     id uuid primary key default gen_random_uuid(),
     person_id uuid not null references person(id),
     subsidy_id text not null,
     period_key text not null,
     region_code char(6) not null references region(code),
     amount_fen bigint,
     state text not null check (state in ('open', 'confirmed', 'declined')),
     application_id uuid references application(id),
     sweep_job_id uuid not null references sweep_job(id),
     created_at timestamptz not null default now(),
     unique (person_id, subsidy_id, period_key)
   )`,
  `create index offer_region_state on offer (region_code, state)`,
];

export const m20261121_0009_proactive_offers: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
