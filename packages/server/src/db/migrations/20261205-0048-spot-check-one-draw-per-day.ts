import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One spot-check draw per region and day (双随机: the sample is chosen by chance, not by whoever
 * draws it). Until now a supervisor could draw again, or pass a seed of their own, until a sample
 * suited them; each draw was recorded, but nothing stopped the next. The scope of a draw is the
 * drawing account's region (it samples that region and the regions under it) and its period is the
 * bureau's day (Asia/Shanghai), which the server's seeds already named (`day/region/random`).
 *
 * - `period` is that day. Earlier draws get the day they were made, in Asia/Shanghai.
 * - `redraw_of` and `reason`: a later draw for the same region and day keeps the first on record,
 *   points at it and says why. The partial unique index lets exactly one draw per region and day
 *   stand without `redraw_of`, so of any number of concurrent first draws one is written and the
 *   others are refused by the database, not by a check that could race.
 * - Draws made before this migration on a day that already had one become redraws of that day's
 *   first, with a reason saying no reason was asked then (the record stays as it was drawn).
 */
const LEGACY_REASON = '（0048 之前的重复抽取，当时未要求填写理由）';

const up = [
  `alter table spot_check
     add column period date,
     add column redraw_of uuid references spot_check(id),
     add column reason text`,
  `update spot_check set period = (created_at at time zone 'Asia/Shanghai')::date`,
  `update spot_check s set redraw_of = f.id, reason = '${LEGACY_REASON}'
     from (select distinct on (region_code, period) id, region_code, period
             from spot_check order by region_code, period, created_at, id) f
    where s.region_code = f.region_code and s.period = f.period and s.id <> f.id`,
  `alter table spot_check
     alter column period set not null,
     add constraint spot_check_redraw_has_reason
       check ((redraw_of is null) = (reason is null) and (reason is null or char_length(reason) between 4 and 500)),
     add constraint spot_check_redraw_not_itself check (redraw_of <> id)`,
  `create unique index spot_check_one_per_region_day on spot_check (region_code, period) where redraw_of is null`,
  `create index spot_check_redraws on spot_check (redraw_of) where redraw_of is not null`,
];

export const m20261205_0048_spot_check_one_draw_per_day: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
