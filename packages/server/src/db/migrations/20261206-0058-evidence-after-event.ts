import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A file handed in for an application records how far its history had gone: the number of its
 * latest step at the time (`after_event`, 0 before any). 补正后重新提交 needs to know whether a file
 * came after the application was returned; the upload and every step lock the application's row,
 * so the step numbers order them where two clocks (the platform's for steps, the database's for
 * uploads) might not.
 *
 * Files handed in before this take the latest step dated no later than their upload (both clocks
 * are the same in a running platform).
 */
const up = [
  `alter table application_evidence add column after_event integer`,
  `update application_evidence e set after_event = coalesce((
     select max(v.seq) from application_event v
      where v.application_id = e.application_id and v.at <= e.uploaded_at), 0)`,
  `alter table application_evidence alter column after_event set not null`,
];

export const m20261206_0058_evidence_after_event: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
