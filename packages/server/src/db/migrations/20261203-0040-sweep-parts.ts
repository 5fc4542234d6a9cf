import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A sweep is cut into parts by (region, id) range (decision 009, issue 21), each with its own saved
 * place, so several workers walk one sweep side by side. A part covers the keys after `*_after` up
 * to and including `*_upto` (a null end is open), for people and for units; the parts of one sweep
 * tile the whole key space. A sweep left unfinished by the version before parts becomes one part
 * over everything, at the place it had saved (a place saved before the (region, id) order, with no
 * region, starts its phase again, with its count).
 */
const up = [
  `create table sweep_part (
     sweep_job_id uuid not null references sweep_job(id),
     part integer not null check (part >= 0),
     people_after_region text,
     people_after_id uuid,
     people_upto_region text,
     people_upto_id uuid,
     units_after_region text,
     units_after_id uuid,
     units_upto_region text,
     units_upto_id uuid,
     phase text not null default 'people' check (phase in ('people', 'units', 'done')),
     cursor_region text,
     cursor uuid,
     people_done integer not null default 0,
     units_done integer not null default 0,
     updated_at timestamptz not null default now(),
     primary key (sweep_job_id, part),
     check ((people_after_region is null) = (people_after_id is null)),
     check ((people_upto_region is null) = (people_upto_id is null)),
     check ((units_after_region is null) = (units_after_id is null)),
     check ((units_upto_region is null) = (units_upto_id is null)),
     check ((cursor_region is null) = (cursor is null))
   )`,
  `update sweep_job set people_done = 0 where state <> 'done' and phase = 'people' and cursor_region is null`,
  `update sweep_job set units_done = 0 where state <> 'done' and phase = 'units' and cursor_region is null`,
  `insert into sweep_part (sweep_job_id, part, phase, cursor_region, cursor, people_done, units_done)
     select id, 0, phase,
            case when cursor_region is not null then cursor_region end,
            case when cursor_region is not null then cursor end,
            people_done, units_done
       from sweep_job where state <> 'done'`,
];

export const m20261203_0040_sweep_parts: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
