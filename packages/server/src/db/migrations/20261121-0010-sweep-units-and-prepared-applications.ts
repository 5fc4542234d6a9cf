import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The sweep walks each region's people and units in (region, id) order, so every batch is one
 * range of one index however large the registry (the region index alone made each batch sort the
 * whole region). Units get offers too, and a region may mark a subsidy as needing no application
 * (免申即享): the sweep then files the application itself and sends it to review, and the offer
 * records it as filed.
 */
const up = [
  `create index person_region_id on person (region_code, id)`,
  `drop index person_region`,
  `create index organisation_region_id on organisation (region_code, id)`,
  `drop index organisation_region`,
  `alter table sweep_job
     add column phase text not null default 'people' check (phase in ('people', 'units')),
     add column cursor_region char(6),
     add column units_total integer not null default 0,
     add column units_done integer not null default 0,
     add column applications_filed integer not null default 0`,
  `alter table offer
     alter column person_id drop not null,
     add column organisation_id uuid references organisation(id),
     add column no_application boolean not null default false,
     add constraint offer_one_applicant check ((person_id is null) <> (organisation_id is null)),
     drop constraint offer_state_check,
     add constraint offer_state_check check (state in ('open', 'confirmed', 'declined', 'filed'))`,
  `create unique index offer_one_per_unit on offer (organisation_id, subsidy_id, period_key) where organisation_id is not null`,
  `create index offer_to_file on offer (sweep_job_id) where no_application and application_id is null`,
];

export const m20261121_0010_sweep_units_and_prepared_applications: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
