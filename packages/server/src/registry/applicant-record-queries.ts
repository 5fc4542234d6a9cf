import type { OrganisationFacts, PersonFacts } from '@huimin/policy';
import { sql, type Kysely, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db/schema.js';
import type { Vault } from '../security/vault.js';
import { idNumbersOf, listedIn, organisationFacts, personFacts, receivedFrom, type FactRow } from './engine-facts.js';

/**
 * A registry fact with where it came from: what the engine reads, and what staff see beside it.
 * Read with its owner's row it arrives as JSON, where the instant is ISO text.
 */
export interface SourcedFactRow extends FactRow {
  readonly id: string;
  readonly source: string;
  readonly provenance: unknown;
  readonly recorded_at: Date | string;
}

/**
 * One applicant's registry read once for a page that shows both the engine's facts and where each
 * came from (an application's view): its row, its facts with their sources, what it was paid here.
 */
export interface ApplicantRecord {
  readonly facts: PersonFacts | OrganisationFacts;
  readonly sourced: readonly SourcedFactRow[];
  readonly person?: Selectable<Database['person']>;
  readonly organisation?: Selectable<Database['organisation']>;
}

/**
 * The row, its facts and its paid applications in one statement: on PostgreSQL each statement is a
 * write and a wait, and inside a transaction (a submission) they would go one after another.
 */
export async function loadApplicantRecord(
  db: Kysely<Database>,
  vault: Vault,
  owner: { readonly personId: string | null; readonly organisationId: string | null },
): Promise<ApplicantRecord | undefined> {
  if (owner.personId) {
    const row = await db
      .selectFrom('person')
      .selectAll('person')
      .select([sourcedFactsOf(db, 'person'), paidOf(db, 'person')])
      .where('person.id', '=', owner.personId)
      .executeTakeFirst();
    if (!row) return undefined;
    const { sourced_facts: sourced, paid_here: paid, ...person } = row;
    const received = receivedFrom(paid, 'person_id').get(person.id) ?? [];
    return { facts: personFacts(vault, person, sourced, received), sourced, person };
  }
  if (!owner.organisationId) return undefined;
  const row = await db
    .selectFrom('organisation')
    .selectAll('organisation')
    .select([sourcedFactsOf(db, 'organisation'), paidOf(db, 'organisation')])
    .where('organisation.id', '=', owner.organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sourced_facts: sourced, paid_here: paid, ...organisation } = row;
  // A unit's paid lists name people by registry id; the engine's per-person rules need ID numbers.
  const idNumbers = await idNumbersOf(db, vault, listedIn(paid));
  const received = receivedFrom(paid, 'organisation_id', (id) => idNumbers.get(id)).get(organisation.id) ?? [];
  return { facts: organisationFacts(organisation, sourced, received), sourced, organisation };
}

/** People's facts for the engine, in one statement however many (a claim's applicant and its hires). */
export async function loadPersonFacts(
  db: Kysely<Database>,
  vault: Vault,
  personIds: readonly string[],
): Promise<Map<string, PersonFacts>> {
  const out = new Map<string, PersonFacts>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('person')
    .selectAll('person')
    .select([sourcedFactsOf(db, 'person'), paidOf(db, 'person')])
    .where('person.id', 'in', [...new Set(personIds)])
    .execute();
  for (const { sourced_facts: facts, paid_here: paid, ...person } of rows)
    out.set(person.id, personFacts(vault, person, facts, receivedFrom(paid, 'person_id').get(person.id) ?? []));
  return out;
}

export async function loadOrganisationFacts(
  db: Kysely<Database>,
  vault: Vault,
  organisationId: string,
): Promise<OrganisationFacts | undefined> {
  const record = await loadApplicantRecord(db, vault, { personId: null, organisationId });
  return record?.facts as OrganisationFacts | undefined;
}

/** The owner's facts not retracted, in the order recorded, as a column of the owner's row. */
function sourcedFactsOf(db: Kysely<Database>, owner: 'person' | 'organisation') {
  return jsonArrayFrom(
    db
      .selectFrom('registry_fact')
      .select([
        'registry_fact.id',
        'registry_fact.person_id',
        'registry_fact.organisation_id',
        'registry_fact.kind',
        'registry_fact.data',
        'registry_fact.source',
        'registry_fact.provenance',
        'registry_fact.recorded_at',
      ])
      .where(`registry_fact.${owner}_id`, '=', sql.ref<string>(`${owner}.id`))
      .where('registry_fact.retracted_at', 'is', null)
      .orderBy('registry_fact.recorded_at')
      .orderBy('registry_fact.id'),
  ).as('sourced_facts');
}

/** The owner's applications paid here, as a column of the owner's row. */
function paidOf(db: Kysely<Database>, owner: 'person' | 'organisation') {
  return jsonArrayFrom(
    db
      .selectFrom('application')
      .select([
        'application.person_id',
        'application.organisation_id',
        'application.subsidy_id',
        'application.region_code',
        // bigint: as text, as the driver reads it outside JSON.
        sql<string | null>`application.amount_fen::text`.as('amount_fen'),
        'application.claim',
        'application.updated_at',
      ])
      .where(`application.${owner}_id`, '=', sql.ref<string>(`${owner}.id`))
      .where('application.state', '=', 'paid'),
  ).as('paid_here');
}
