import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Permission } from '../auth/roles.js';
import type { Database, RegistryFactTable } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { PreparedOrganisation, PreparedPerson } from './registry-input.js';
import type { OrganisationViewT, PersonViewT } from './registry.schemas.js';

// The registry's rows: inserts the registry owns and the views it returns.

type Db = Kysely<Database>;

/**
 * Facts recorded by another module inside its transaction (training's certificates), many at
 * once: the registry owns `registry_fact`, so this is the one way in besides its own use cases.
 */
export async function insertFacts(
  trx: Transaction<Database>,
  facts: readonly Insertable<RegistryFactTable>[],
): Promise<void> {
  if (facts.length === 0) return;
  await trx
    .insertInto('registry_fact')
    .values([...facts])
    .execute();
}

export async function insertPerson(
  trx: Transaction<Database> | Db,
  prepared: PreparedPerson,
  recordedBy: string | null,
  source: 'manual' | 'import' | 'demo',
): Promise<string> {
  const existing = await trx
    .selectFrom('person')
    .select('id')
    .where('id_number_hmac', '=', prepared.row.id_number_hmac)
    .executeTakeFirst();
  if (existing) throw new AppError('PERSON_EXISTS', 409, 'idNumber');
  const { id } = await trx.insertInto('person').values(prepared.row).returning('id').executeTakeFirstOrThrow();
  await insertInitialFacts(trx, { person_id: id, organisation_id: null }, prepared.facts, source, recordedBy);
  return id;
}

export async function insertOrganisation(
  trx: Transaction<Database> | Db,
  prepared: PreparedOrganisation,
  recordedBy: string | null,
  source: 'manual' | 'import' | 'demo',
): Promise<string> {
  const existing = await trx
    .selectFrom('organisation')
    .select('id')
    .where('credit_code', '=', prepared.row.credit_code)
    .executeTakeFirst();
  if (existing) throw new AppError('ORGANISATION_EXISTS', 409, 'creditCode');
  const { id } = await trx.insertInto('organisation').values(prepared.row).returning('id').executeTakeFirstOrThrow();
  await insertInitialFacts(trx, { person_id: null, organisation_id: id }, prepared.facts, source, recordedBy);
  return id;
}

/** The facts a new person or unit is recorded with, in the transaction that creates it. */
async function insertInitialFacts(
  trx: Transaction<Database> | Db,
  owner: { person_id: string | null; organisation_id: string | null },
  facts: PreparedPerson['facts'],
  source: 'manual' | 'import' | 'demo',
  recordedBy: string | null,
): Promise<void> {
  if (facts.length === 0) return;
  await trx
    .insertInto('registry_fact')
    .values(
      facts.map((f) => ({ ...owner, kind: f.kind, data: JSON.stringify(f.data), source, recorded_by: recordedBy })),
    )
    .execute();
}

export function maskedRow(p: PreparedPerson) {
  return {
    idNumber: p.row.id_number_masked,
    name: p.row.name,
    regionCode: p.row.region_code,
    householdId: p.row.household_id,
  };
}

/**
 * Who is shown where a person's or unit's subsidies are paid (收款账户), masked: the registry's
 * clerks, who set it; staff who handle claims, who check a claim is paid to its claimant; and the
 * applicant, of their own record. A case worker, who handles no claim, is not.
 */
export function seesPayeeAccount(actor: Actor): boolean {
  return PAYEE_ACCOUNT_READERS.some((p) => actor.permissions.has(p));
}
const PAYEE_ACCOUNT_READERS: readonly Permission[] = ['registry:write', 'application:read', 'application:own'];

export function personView(row: Selectable<Database['person']>, payee: boolean): PersonViewT {
  return {
    id: row.id,
    idNumberMasked: row.id_number_masked,
    name: row.name,
    sex: row.sex,
    birthYear: Number(String(row.birth_date).slice(0, 4)),
    regionCode: row.region_code,
    ...(row.retirement_category ? { retirementCategory: row.retirement_category } : {}),
    ...(row.hukou_region ? { hukouRegion: row.hukou_region } : {}),
    ...(row.household_id ? { householdId: row.household_id } : {}),
    ...(row.rural !== null ? { rural: row.rural } : {}),
    ...(row.phone_masked ? { phoneMasked: row.phone_masked } : {}),
    ...(payee ? payeeAccountView(row) : {}),
  };
}

export function organisationView(row: Selectable<Database['organisation']>, payee: boolean): OrganisationViewT {
  return {
    id: row.id,
    creditCode: row.credit_code,
    ...(row.credit_code_override ? { creditCodeOverride: row.credit_code_override } : {}),
    name: row.name,
    category: row.category,
    ...(row.size_class ? { sizeClass: row.size_class } : {}),
    regionCode: row.region_code,
    ...(payee ? payeeAccountView(row) : {}),
  };
}

function payeeAccountView(row: { bank_account_masked: string | null; bank_name: string | null }) {
  return {
    ...(row.bank_account_masked ? { bankAccountMasked: row.bank_account_masked } : {}),
    ...(row.bank_name ? { bankName: row.bank_name } : {}),
  };
}

export function factView(row: Selectable<Database['registry_fact']>) {
  return {
    id: row.id,
    kind: row.kind,
    data: row.data,
    source: row.source,
    recordedAt: row.recorded_at.toISOString(),
    ...(row.retracted_at
      ? { retractedAt: row.retracted_at.toISOString(), retractionReason: row.retraction_reason ?? '' }
      : {}),
  };
}

/**
 * The units a person's facts name by credit code (an employer), so a clerk reads "用人单位 某某公司",
 * not the code. A unit's registered name is public, so it is given whatever region the unit is in.
 */
export async function unitNamesOf(
  db: Kysely<Database>,
  facts: readonly { kind: string; data: unknown }[],
): Promise<Record<string, string>> {
  const codes = [
    ...new Set(
      facts.flatMap((f) => {
        const employer = f.kind === 'employment' ? (f.data as { employer?: unknown }).employer : undefined;
        return typeof employer === 'string' ? [employer] : [];
      }),
    ),
  ];
  if (codes.length === 0) return {};
  const units = await db
    .selectFrom('organisation')
    .select(['credit_code', 'name'])
    .where('credit_code', 'in', codes)
    .execute();
  return Object.fromEntries(units.map((u) => [u.credit_code, u.name]));
}
