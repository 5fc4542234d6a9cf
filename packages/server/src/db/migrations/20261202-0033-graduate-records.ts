import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Graduate records (学信/教育部门 毕业生数据) become a reference dataset the bureau loads, so a
 * graduation the education records hold is verified rather than declared with a diploma on paper
 * (财社〔2023〕181号 第二十三条). Only the list of dataset kinds changes.
 */
const up = [
  `alter table reference_snapshot drop constraint reference_snapshot_kind_check`,
  `alter table reference_snapshot add constraint reference_snapshot_kind_check
     check (kind in ('deaths', 'civil-service-roster', 'business-registry', 'social-insurance',
                     'unemployment-registrations', 'poverty-monitoring', 'graduate-records'))`,
];

export const m20261202_0033_graduate_records: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
