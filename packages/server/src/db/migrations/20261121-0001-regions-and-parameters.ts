import { sql, type Kysely, type Migration } from 'kysely';

const up = [
  `create table region (
     code char(6) primary key check (code ~ '^[0-9]{6}$'),
     name_zh text not null,
     name_en text not null,
     parent_code char(6) references region(code),
     level text not null check (level in ('province', 'city', 'county'))
   )`,
  `create table parameter_value (
     id bigserial primary key,
     parameter text not null,
     region_code char(6) not null check (region_code ~ '^[0-9]{6}$'),
     valid_from date not null,
     valid_to date,
     value bigint not null,
     source text not null check (source in ('local-setting', 'example')),
     note text,
     created_at timestamptz not null default now(),
     check (valid_to is null or valid_to >= valid_from)
   )`,
  `create index parameter_value_lookup on parameter_value (parameter, region_code, valid_from)`,
];

export const m20261121_0001_regions_and_parameters: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
  async down(db: Kysely<unknown>) {
    await sql.raw('drop table parameter_value').execute(db);
    await sql.raw('drop table region').execute(db);
  },
};
