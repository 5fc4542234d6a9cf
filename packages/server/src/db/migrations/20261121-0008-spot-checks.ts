import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Spot checks (双随机): a weighted random sample of applications and a random inspector for each,
 * drawn from a recorded seed over a recorded list of candidates, so anyone can redo the draw.
 */
const up = [
  `create table spot_check (
     id uuid primary key default gen_random_uuid(),
     region_code char(6) not null references region(code),
     seed text not null,
     candidates jsonb not null,
     inspectors jsonb not null,
     sample_size integer not null check (sample_size > 0),
     created_by uuid not null references account(id),
     created_at timestamptz not null default now()
   )`,
  `create table spot_check_item (
     id bigserial primary key,
     spot_check_id uuid not null references spot_check(id),
     rank integer not null,
     application_id uuid not null references application(id),
     inspector_id uuid not null references account(id),
     weight integer not null,
     outcome text check (outcome in ('no-problem', 'problem-found')),
     note text,
     recorded_at timestamptz,
     unique (spot_check_id, application_id),
     check ((outcome is null) = (recorded_at is null))
   )`,
];

export const m20261121_0008_spot_checks: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
