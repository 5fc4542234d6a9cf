import { sql, type Kysely, type Migration } from 'kysely';

/** Allocation results published for everyone to see (资金分配结果公开), kept as calculated. */
const up = [
  `create table allocation_publication (
     id uuid primary key default gen_random_uuid(),
     title text not null check (length(title) between 2 and 200),
     scheme text not null,
     region_code char(6) not null references region(code),
     total_fen bigint not null check (total_fen >= 0),
     result jsonb not null,
     published_by uuid not null references account(id),
     published_at timestamptz not null default now()
   )`,
  `create index allocation_publication_region on allocation_publication (region_code, published_at desc)`,
];

export const m20261121_0006_allocation_publications: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
