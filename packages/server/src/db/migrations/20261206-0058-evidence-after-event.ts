import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A file handed in for an application records how far its history had gone: the number of its
 * latest step at the time (`after_event`, 0 before any). 补正后重新提交 needs to know whether a file
 * came after the application was returned; the upload and every step lock the application's row,
 * so the step numbers order them where two clocks (the platform's for steps, the database's for
 * uploads) might not.
 *
 * The column comes with a default (no table rewrite on PostgreSQL 11+: the table holds the files
 * themselves). 0 is right for every file of an application not now returned: whatever it came
 * after, it came before any return still to come. Only files of applications now returned are
 * dated, by the latest step no later than their upload (the two clocks agree but for skew).
 */
const up = [
  `alter table application_evidence add column after_event integer not null default 0`,
  `update application_evidence e set after_event = coalesce((
     select max(v.seq) from application_event v
      where v.application_id = e.application_id and v.at <= e.uploaded_at), 0)
    where e.application_id in (select id from application where state = 'returned')`,
];

export const m20261206_0058_evidence_after_event: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
