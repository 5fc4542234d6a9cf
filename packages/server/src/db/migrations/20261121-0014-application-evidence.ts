import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The files an applicant hands in for a subsidy's materials (申请材料). A file is never changed or
 * deleted: a better copy is a new row, and the clerk sees every one with who handed it in and when.
 * The content's SHA-256 lets anyone show a file is the one that was received.
 */
const up = [
  `create table application_evidence (
     id uuid primary key default gen_random_uuid(),
     application_id uuid not null references application (id),
     material integer not null check (material >= 0),
     material_name jsonb not null,
     file_name text not null,
     media_type text not null,
     size_bytes integer not null check (size_bytes > 0),
     sha256 text not null,
     content bytea not null,
     uploaded_by uuid not null references account (id),
     uploaded_at timestamptz not null default now()
   )`,
  `create index application_evidence_by_application on application_evidence (application_id, material, uploaded_at)`,
];

export const m20261121_0014_application_evidence: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
