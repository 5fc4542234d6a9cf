import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 就业困难人员认定 for the categories a loaded list holds (低保家庭, 脱贫人口, 防止返贫监测对象):
 * what the 民政 or 乡村振兴 list shows is not asked for again on paper (财社〔2023〕181号 第二十三条),
 * so a filing keeps the snapshot that verified its category instead of the applicant's evidence.
 * A filing holds one or the other, or both.
 */
const up = [
  `alter table hardship_certification add column verified_by_snapshot uuid references reference_snapshot (id)`,
  `alter table hardship_certification alter column evidence drop not null`,
  `alter table hardship_certification add constraint hardship_certification_evidence_or_list
     check (evidence is not null or verified_by_snapshot is not null)`,
];

export const m20261202_0037_certification_verified_by_list: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
