import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Where a fact came from (一网通办、免证办, issue 17). A registry fact may now be `reference` — taken
 * from a dataset the bureau loaded (the business registry, …) — or `declaration` — declared by an
 * applicant and confirmed by the clerk at acceptance; `provenance` names the snapshot, or the
 * application, declaration and evidence it was confirmed from.
 *
 * `application_declaration` keeps what an applicant declares with an application (graduation,
 * a status no dataset holds) until the clerk confirms, corrects or rejects it. Only a confirmed or
 * corrected declaration becomes a registry fact, so the engine never decides on a declaration alone.
 */
const up = [
  `alter table registry_fact drop constraint registry_fact_source_check,
     add constraint registry_fact_source_check check (source in ('manual', 'import', 'demo', 'training',
       'employment-services', 'reference', 'declaration'))`,
  `alter table registry_fact add column provenance jsonb`,
  `create table application_declaration (
    id uuid primary key default gen_random_uuid(),
    application_id uuid not null references application (id),
    seq integer not null check (seq >= 0),
    kind text not null,
    data jsonb not null,
    state text not null default 'declared' check (state in ('declared', 'confirmed', 'corrected', 'rejected')),
    decided_by uuid references account (id),
    decided_at timestamptz,
    evidence_id uuid references application_evidence (id),
    registry_fact_id uuid references registry_fact (id),
    note text,
    created_at timestamptz not null default now(),
    unique (application_id, seq),
    check ((state = 'declared') = (decided_at is null))
  )`,
];

export const m20261202_0027_fact_provenance_and_declarations: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of up) await sql.raw(statement).execute(db);
  },
};
