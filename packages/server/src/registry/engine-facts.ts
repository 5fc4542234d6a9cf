import {
  monthFromIndex,
  monthIndex,
  type Business,
  type Certificate,
  type DatedStatus,
  type Employment,
  type Graduation,
  type InsuranceMonth,
  type OrganisationCategory,
  type OrganisationDesignationKind,
  type OrganisationFacts,
  type PersonFacts,
  type PersonStatusKind,
  type ReceivedSubsidy,
  type UnemploymentInsuranceYear,
} from '@huimin/policy';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../security/vault.js';

/**
 * The registry read as the policy engine's facts. Subsidies already granted come from two places:
 * facts recorded in the registry (granted before this platform, or elsewhere) and applications
 * paid here, so a claim paid today counts against the caps of the next one without anyone copying
 * it across.
 */
type InsuranceRun = Omit<InsuranceMonth, 'month'> & { fromMonth: string; toMonth: string };

export async function loadPersonFacts(db: Kysely<Database>, vault: Vault, personIds: readonly string[]): Promise<Map<string, PersonFacts>> {
  if (personIds.length === 0) return new Map();
  const ids = [...new Set(personIds)];
  const people = await db.selectFrom('person').selectAll().where('id', 'in', ids).execute();
  const facts = await db.selectFrom('registry_fact').select(['person_id', 'kind', 'data']).where('person_id', 'in', ids).where('retracted_at', 'is', null).orderBy('recorded_at').execute();
  return personFactsFrom(vault, people, facts, await paidApplications(db, 'person_id', ids));
}

export type PersonRow = Selectable<Database['person']>;
export interface FactRow {
  readonly person_id: string | null;
  readonly kind: string;
  readonly data: unknown;
}

/** People, their facts (in the order recorded) and what they were granted, as the engine's facts. */
export function personFactsFrom(vault: Vault, people: readonly PersonRow[], facts: readonly FactRow[], received: ReadonlyMap<string, readonly ReceivedSubsidy[]>): Map<string, PersonFacts> {
  const out = new Map<string, PersonFacts>();
  const byPerson = groupBy(facts, (f) => f.person_id ?? '');
  for (const p of people) {
    const mine = byPerson.get(p.id) ?? [];
    const data = <T>(kind: string) => mine.filter((f) => f.kind === kind).map((f) => f.data as T);
    const graduations = data<Graduation>('graduation');
    out.set(p.id, {
      kind: 'person',
      idNumber: vault.decrypt(p.id_number_cipher),
      name: p.name,
      ...(p.retirement_category ? { retirementCategory: p.retirement_category as PersonFacts['retirementCategory'] & string } : {}),
      ...(p.hukou_region ? { hukouRegion: p.hukou_region } : {}),
      ...(p.rural !== null ? { rural: p.rural } : {}),
      ...(p.household_id ? { householdId: p.household_id } : {}),
      statuses: data<DatedStatus<PersonStatusKind>>('status'),
      ...(graduations.length > 0 ? { graduation: graduations[graduations.length - 1] as Graduation } : {}),
      employments: data<Employment>('employment'),
      insurance: data<InsuranceRun>('insurance').flatMap(expandInsurance),
      businesses: data<Business>('business'),
      certificates: data<Certificate>('certificate'),
      subsidies: [...data<ReceivedSubsidy>('subsidy'), ...(received.get(p.id) ?? [])],
    });
  }
  return out;
}

export async function loadOrganisationFacts(db: Kysely<Database>, vault: Vault, organisationId: string): Promise<OrganisationFacts | undefined> {
  const org = await db.selectFrom('organisation').selectAll().where('id', '=', organisationId).executeTakeFirst();
  if (!org) return undefined;
  const facts = await db.selectFrom('registry_fact').select(['kind', 'data']).where('organisation_id', '=', organisationId).where('retracted_at', 'is', null).orderBy('recorded_at').execute();
  const paid = await paidApplications(db, 'organisation_id', [organisationId], vault);
  const data = <T>(kind: string) => facts.filter((f) => f.kind === kind).map((f) => f.data as T);
  return {
    kind: 'organisation',
    creditCode: org.credit_code,
    ...(org.credit_code_override ? { creditCodeOverride: org.credit_code_override } : {}),
    name: org.name,
    category: org.category as OrganisationCategory,
    ...(org.size_class ? { sizeClass: org.size_class } : {}),
    region: org.region_code,
    unemploymentInsurance: data<UnemploymentInsuranceYear>('unemployment-insurance-year'),
    designations: data<DatedStatus<OrganisationDesignationKind>>('designation'),
    subsidies: [...data<ReceivedSubsidy>('subsidy'), ...(paid.get(organisationId) ?? [])],
  };
}

async function paidApplications(db: Kysely<Database>, column: 'person_id' | 'organisation_id', ids: readonly string[], vault?: Vault): Promise<Map<string, ReceivedSubsidy[]>> {
  const rows = await db
    .selectFrom('application')
    .select(['person_id', 'organisation_id', 'subsidy_id', 'region_code', 'amount_fen', 'claim', 'updated_at'])
    .where(column, 'in', ids)
    .where('state', '=', 'paid')
    .execute();
  // A unit's paid lists name people by registry id; the engine's per-person rules need ID numbers.
  const listed = [...new Set(rows.flatMap((r) => ((r.claim as { hires?: { personId: string }[] }).hires ?? []).map((h) => h.personId)))];
  const idNumbers = new Map<string, string>();
  if (vault && listed.length > 0) {
    for (const p of await db.selectFrom('person').select(['id', 'id_number_cipher']).where('id', 'in', listed).execute()) idNumbers.set(p.id, vault.decrypt(p.id_number_cipher));
  }
  return receivedFrom(rows, column, (personId) => idNumbers.get(personId));
}

export interface PaidRow {
  readonly person_id: string | null;
  readonly organisation_id: string | null;
  readonly subsidy_id: string;
  readonly region_code: string;
  readonly amount_fen: string | null;
  readonly claim: unknown;
  readonly updated_at: Date;
}

/** Paid applications as the subsidies their owners received (a unit's list: one per person listed). */
export function receivedFrom(rows: readonly PaidRow[], column: 'person_id' | 'organisation_id', idNumberOf: (personId: string) => string | undefined = () => undefined): Map<string, ReceivedSubsidy[]> {
  const out = new Map<string, ReceivedSubsidy[]>();
  for (const r of rows) {
    const owner = (column === 'person_id' ? r.person_id : r.organisation_id) ?? '';
    const claim = r.claim as { certificateId?: string; fromMonth?: string; toMonth?: string; hires?: { personId: string }[] };
    const base: ReceivedSubsidy = {
      subsidy: r.subsidy_id,
      grantedOn: r.updated_at.toISOString().slice(0, 10),
      region: r.region_code,
      ...(r.amount_fen !== null ? { amountFen: Number(r.amount_fen) } : {}),
      ...(claim.certificateId ? { certificateId: claim.certificateId } : {}),
      ...(claim.fromMonth ? { fromMonth: claim.fromMonth } : {}),
      ...(claim.toMonth ? { toMonth: claim.toMonth } : {}),
    };
    // A claim for a list of hires was granted once per hire, for the per-person rules.
    const granted = claim.hires?.length ? claim.hires.map((h) => ({ ...base, personId: idNumberOf(h.personId) ?? h.personId })) : [base];
    out.set(owner, [...(out.get(owner) ?? []), ...granted]);
  }
  return out;
}

function expandInsurance(run: InsuranceRun): InsuranceMonth[] {
  const { fromMonth, toMonth, ...amounts } = run;
  const months: InsuranceMonth[] = [];
  for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i++) months.push({ ...amounts, month: monthFromIndex(i) });
  return months;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
