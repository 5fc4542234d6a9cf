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
import { shanghaiDateOf } from '../http/today.js';
import type { Vault } from '../security/vault.js';

/**
 * The registry read as the policy engine's facts. Subsidies already granted come from two places:
 * facts recorded in the registry (granted before this platform, or elsewhere) and applications
 * paid here, so a claim paid today counts against the caps of the next one without anyone copying
 * it across.
 */
type InsuranceRun = Omit<InsuranceMonth, 'month'> & { fromMonth: string; toMonth: string };
/** Facts while being built, field by field. */
type Built<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The person columns the engine reads: the full row, or the sweep's narrower batch, without the
 * name and the ID number's cipher (read only if a rule asks for the number: `IdNumberNotRead`).
 */
export type PersonRow = Pick<
  Selectable<Database['person']>,
  'id' | 'birth_date' | 'sex' | 'retirement_category' | 'hukou_region' | 'rural' | 'household_id'
> & { readonly name?: string; readonly id_number_cipher?: string };

/**
 * A rule read the ID number of a person whose row was read without its cipher (the sweep's batch):
 * the caller reads the ciphers and decides again.
 */
export class IdNumberNotRead extends Error {
  constructor() {
    super('an ID number was read from a row read without it');
  }
}
export type OrganisationRow = Pick<
  Selectable<Database['organisation']>,
  'id' | 'credit_code' | 'credit_code_override' | 'name' | 'category' | 'size_class' | 'region_code'
>;
export interface FactRow {
  readonly person_id?: string | null;
  readonly organisation_id?: string | null;
  readonly kind: string;
  readonly data: unknown;
}

/**
 * People, their facts and what they were granted, as the engine's facts. Facts come in the order
 * recorded, and those recorded at one instant (one transaction) in the order of their ids: where
 * the engine keeps one of a kind (the last graduation), the sweep's batch read takes the same order,
 * so an offer and the filing it leads to count the same fact. Ids are random, so between facts of
 * one instant this is no order of recording (there is none), only the same choice everywhere.
 */
/**
 * One person's facts. Birth date and sex come from the registry's columns, so a person's own rules
 * never need the ID number; it is decrypted only when a rule or a sealed record reads it (decrypting
 * was most of the cost of deciding the whole registry).
 */
export function personFacts(
  vault: Pick<Vault, 'decrypt'>,
  p: PersonRow,
  mine: readonly FactRow[],
  received: readonly ReceivedSubsidy[],
): PersonFacts {
  // One pass over the facts, each kind in the order recorded, and the object built field by field
  // in a fixed order: the sweep builds one per person of the registry, and filtering the facts once
  // per kind and spreading the optional fields in was a fifth of its deciding.
  const statuses: DatedStatus<PersonStatusKind>[] = [];
  let graduation: Graduation | undefined;
  const employments: Employment[] = [];
  const insurance: InsuranceMonth[] = [];
  const businesses: Business[] = [];
  const certificates: Certificate[] = [];
  const subsidies: ReceivedSubsidy[] = [];
  for (const f of mine) {
    if (f.kind === 'status') statuses.push(f.data as DatedStatus<PersonStatusKind>);
    else if (f.kind === 'graduation') graduation = f.data as Graduation;
    else if (f.kind === 'employment') employments.push(f.data as Employment);
    else if (f.kind === 'insurance') expandInsurance(f.data as InsuranceRun, insurance);
    else if (f.kind === 'business') businesses.push(f.data as Business);
    else if (f.kind === 'certificate') certificates.push(f.data as Certificate);
    else if (f.kind === 'subsidy') subsidies.push(f.data as ReceivedSubsidy);
  }
  for (const r of received) subsidies.push(withCertificate(r, certificates));
  const facts: Built<Omit<PersonFacts, 'idNumber'>> = {
    kind: 'person',
    birthDate: p.birth_date,
  };
  if (p.sex === 'male' || p.sex === 'female') facts.sex = p.sex;
  if (p.name !== undefined) facts.name = p.name;
  if (p.retirement_category) facts.retirementCategory = p.retirement_category as PersonFacts['retirementCategory'];
  if (p.hukou_region) facts.hukouRegion = p.hukou_region;
  if (p.rural !== null) facts.rural = p.rural;
  if (p.household_id) facts.householdId = p.household_id;
  facts.statuses = statuses;
  if (graduation) facts.graduation = graduation;
  facts.employments = employments;
  facts.insurance = insurance;
  facts.businesses = businesses;
  facts.certificates = certificates;
  facts.subsidies = subsidies;
  let idNumber: string | undefined;
  Object.defineProperty(facts, 'idNumber', {
    enumerable: true,
    get: () => {
      if (p.id_number_cipher === undefined) throw new IdNumberNotRead();
      return (idNumber ??= vault.decrypt(p.id_number_cipher));
    },
  });
  return facts as PersonFacts;
}

/**
 * A claim paid here names its certificate; the once-per-occupation and per-level rules compare the
 * occupation, level and training kind, so a grant carries them from the certificate it was for.
 */
function withCertificate(r: ReceivedSubsidy, certificates: readonly Certificate[]): ReceivedSubsidy {
  if (!r.certificateId || r.occupation !== undefined) return r;
  const c = certificates.find((x) => x.id === r.certificateId);
  if (!c) return r;
  return {
    ...r,
    occupation: c.occupation,
    ...(c.level !== undefined ? { level: c.level } : {}),
    ...(c.training ? { trainingKind: c.training.kind } : {}),
  };
}

/** One unit's facts: its registration, its facts in the order recorded, and what it was granted. */
export function organisationFacts(
  org: OrganisationRow,
  mine: readonly FactRow[],
  received: readonly ReceivedSubsidy[],
): OrganisationFacts {
  const data = <T>(kind: string) => mine.filter((f) => f.kind === kind).map((f) => f.data as T);
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
    subsidies: [...data<ReceivedSubsidy>('subsidy'), ...received],
  };
}

/** ID numbers of the people named in paid lists, so per-person rules can match them (one query). */
export async function idNumbersOf(
  db: Kysely<Database>,
  vault: Vault,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return out;
  for (const p of await db.selectFrom('person').select(['id', 'id_number_cipher']).where('id', 'in', ids).execute())
    out.set(p.id, vault.decrypt(p.id_number_cipher));
  return out;
}

/** The people each paid claim lists (a unit's hires), by registry id. */
export function listedIn(rows: readonly { claim: unknown }[]): string[] {
  return rows.flatMap((r) => ((r.claim as { hires?: { personId: string }[] }).hires ?? []).map((h) => h.personId));
}

export interface PaidRow {
  readonly person_id: string | null;
  readonly organisation_id: string | null;
  readonly subsidy_id: string;
  readonly region_code: string;
  readonly amount_fen: string | null;
  readonly claim: unknown;
  readonly updated_at: Date | string;
}

/** Paid applications as the subsidies their owners received (a unit's list: one per person listed). */
export function receivedFrom(
  rows: readonly PaidRow[],
  column: 'person_id' | 'organisation_id',
  idNumberOf: (personId: string) => string | undefined = () => undefined,
): Map<string, ReceivedSubsidy[]> {
  const out = new Map<string, ReceivedSubsidy[]>();
  for (const r of rows) {
    const owner = (column === 'person_id' ? r.person_id : r.organisation_id) ?? '';
    const claim = r.claim as {
      certificateId?: string;
      fromMonth?: string;
      toMonth?: string;
      hires?: { personId: string }[];
    };
    const base: ReceivedSubsidy = {
      subsidy: r.subsidy_id,
      // The day it was paid, as the bureau counts days.
      grantedOn: shanghaiDateOf(typeof r.updated_at === 'string' ? new Date(r.updated_at) : r.updated_at),
      region: r.region_code,
      ...(r.amount_fen !== null ? { amountFen: Number(r.amount_fen) } : {}),
      ...(claim.certificateId ? { certificateId: claim.certificateId } : {}),
      ...(claim.fromMonth ? { fromMonth: claim.fromMonth } : {}),
      ...(claim.toMonth ? { toMonth: claim.toMonth } : {}),
    };
    // A claim for a list of hires was granted once per hire, for the per-person rules.
    const granted = claim.hires?.length
      ? claim.hires.map((h) => ({ ...base, personId: idNumberOf(h.personId) ?? h.personId }))
      : [base];
    out.set(owner, [...(out.get(owner) ?? []), ...granted]);
  }
  return out;
}

/** A run of monthly contributions as its months, added to `into` (months in order, as recorded). */
function expandInsurance(run: InsuranceRun, into: InsuranceMonth[]): void {
  const { fromMonth, toMonth, ...amounts } = run;
  const last = monthIndex(toMonth);
  for (let i = monthIndex(fromMonth); i <= last; i++) into.push({ ...amounts, month: monthFromIndex(i) });
}
