import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The back office (issue 16). Indexes behind the staff worklist (`applications/application-list-service.ts`):
 * its orders (deadline, submission, last change, each with `id` so pages never repeat a row), a
 * name's start (`text_pattern_ops`: a LIKE prefix uses it in any collation), and "what I
 * processed" answered from the index alone. And the rows of a bank return file that matched no
 * item of the batch, kept with the file so the reconciliation page can show them after the import:
 * the row, what was wrong (a code), the sequence, the masked account, the name and the amount.
 */
const up = [
  `create index application_due_order on application (due_on, id)`,
  `create index application_submitted_order on application (submitted_on, id)`,
  `create index application_updated_order on application (updated_at, id)`,
  `create index person_name_prefix on person (name text_pattern_ops)`,
  `create index application_event_actor_application on application_event (actor_id, application_id)`,
  `alter table bank_return add column unmatched_rows jsonb not null default '[]'::jsonb`,
];

export const m20261202_0019_back_office: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
