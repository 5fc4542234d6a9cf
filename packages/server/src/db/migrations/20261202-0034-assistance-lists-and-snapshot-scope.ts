import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Household and poverty lists become verified sources, and a snapshot belongs to a region:
 * - `social-assistance` (民政 低保、特困人员名单) joins the dataset kinds; the 乡村振兴 list of 脱贫人口
 *   and 防止返贫监测对象 keeps the kind `poverty-monitoring` it already had.
 * - `region_code`: the importing clerk's region. A snapshot serves the applications of that region
 *   and below, so a clerk elsewhere can neither load nor shadow the dataset another region relies
 *   on. Snapshots loaded before take their importer's region.
 * - `content_hash`: the rows as imported; the same rows for the same dataset, region and day are
 *   one snapshot, so loading a file twice gives the first load's answer.
 */
const up = [
  `alter table reference_snapshot drop constraint reference_snapshot_kind_check`,
  `alter table reference_snapshot add constraint reference_snapshot_kind_check
     check (kind in ('deaths', 'civil-service-roster', 'business-registry', 'social-insurance',
                     'unemployment-registrations', 'poverty-monitoring', 'graduate-records', 'social-assistance'))`,
  `alter table reference_snapshot add column region_code char(6) references region(code)`,
  `update reference_snapshot s set region_code = a.region_code from account a where a.id = s.imported_by`,
  `alter table reference_snapshot alter column region_code set not null`,
  `alter table reference_snapshot add column content_hash text`,
  `create unique index reference_snapshot_same_content
     on reference_snapshot (kind, region_code, taken_on, content_hash)`,
  `drop index reference_snapshot_latest`,
  `create index reference_snapshot_latest on reference_snapshot (kind, region_code, taken_on desc, imported_at desc)`,
];

export const m20261202_0034_assistance_lists_and_snapshot_scope: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
