import {
  checkCreditCode,
  DESIGNATION_NAMES,
  maskIdNumber,
  ORGANISATION_CATEGORY_NAMES,
  parseResidentId,
  PERSON_STATUS_NAMES,
  validateFacts,
} from '@huimin/policy';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database, RegistryFactTable } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { assertMatches } from '../http/schema-check.js';
import { assertRegionInScope, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import {
  ORGANISATION_FACT_SCHEMAS,
  PERSON_FACT_SCHEMAS,
  type CreateOrganisation,
  type CreatePerson,
  type FactInput,
  type OrganisationViewT,
  type PersonViewT,
} from './registry.schemas.js';

type Db = Kysely<Database>;

/** A person ready to insert: validated, the ID number encrypted, the lookup hash computed. */
export interface PreparedPerson {
  readonly row: Omit<Insertable<Database['person']>, 'id' | 'created_at' | 'updated_at'> & { id_number_hmac: string; id_number_masked: string; name: string; region_code: string; household_id: string | null };
  readonly facts: readonly FactInput[];
}

export interface PreparedOrganisation {
  readonly row: { credit_code: string; credit_code_override: string | null; name: string; category: string; size_class: CreateOrganisation['sizeClass'] | null; region_code: string };
  readonly facts: readonly FactInput[];
}

/**
 * One address however it was typed: full-width letters and digits as half-width, no spaces or
 * punctuation, so "成都市 锦江区１号" and "成都市锦江区1号" count as the same place.
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/[\s\p{P}]/gu, '')
    .toUpperCase();
}

const phoneMask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/**
 * The registry (人员库、单位库): people, units and training institutions, and the dated facts the
 * policy engine decides on. ID and phone numbers are kept encrypted with a keyed hash for lookup
 * and shown masked; the full number is given only to roles that need it, and every such view is
 * in the audit trail. Facts are never edited: a wrong one is retracted with a reason.
 */
export class RegistryService {
  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
  ) {}

  /** Validates and encrypts; throws a field-named error and touches nothing on bad input. */
  preparePerson(input: CreatePerson, field = ''): PreparedPerson {
    const at = (f: string) => (field ? `${field}.${f}` : f);
    const parsed = parseResidentId(input.idNumber);
    if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', 400, at('idNumber'), { detail: ID_PROBLEMS[parsed.error] });
    const id = parsed.value;
    if (id.sex === 'male' && input.retirementCategory && input.retirementCategory !== 'male') {
      throw new AppError('VALIDATION_FAILED', 400, at('retirementCategory'), { detail: 'male / 男性' });
    }
    const facts = (input.facts ?? []).map((f, i) => checkFact('person', f, at(`facts[${i}]`)));
    return {
      row: {
        id_number_hmac: this.vault.lookupHash('id-number', id.number),
        id_number_cipher: this.vault.encrypt(id.number),
        id_number_masked: maskIdNumber(id.number),
        name: input.name.trim(),
        sex: id.sex,
        birth_date: id.birthDate,
        retirement_category: input.retirementCategory ?? (id.sex === 'male' ? 'male' : null),
        region_code: input.regionCode,
        hukou_region: input.hukouRegion ?? null,
        household_id: input.householdId ?? null,
        rural: input.rural ?? null,
        phone_cipher: input.phone ? this.vault.encrypt(input.phone) : null,
        phone_hmac: input.phone ? this.vault.lookupHash('phone', input.phone) : null,
        phone_masked: input.phone ? phoneMask(input.phone) : null,
        address_cipher: input.address ? this.vault.encrypt(input.address.trim()) : null,
        address_hmac: input.address ? this.vault.lookupHash('address', normaliseAddress(input.address)) : null,
      },
      facts,
    };
  }

  prepareOrganisation(input: CreateOrganisation, field = ''): PreparedOrganisation {
    const at = (f: string) => (field ? `${field}.${f}` : f);
    const code = input.creditCode.toUpperCase();
    const check = checkCreditCode(code);
    if (check === 'format') throw new AppError('INVALID_CREDIT_CODE', 400, at('creditCode'), { detail: '格式 / format' });
    if (check === 'check-digit' && !input.creditCodeOverride) {
      throw new AppError('INVALID_CREDIT_CODE', 400, at('creditCode'), { detail: '校验码错误，如确为早期试点代码请填写 creditCodeOverride 说明理由 / wrong check character; give creditCodeOverride with a reason if it is a genuine early-pilot code' });
    }
    if (!(input.category in ORGANISATION_CATEGORY_NAMES)) throw new AppError('VALIDATION_FAILED', 400, at('category'), { detail: Object.keys(ORGANISATION_CATEGORY_NAMES).join(', ') });
    const facts = (input.facts ?? []).map((f, i) => checkFact('organisation', f, at(`facts[${i}]`)));
    return {
      row: {
        credit_code: code,
        credit_code_override: check === 'check-digit' ? (input.creditCodeOverride ?? null) : null,
        name: input.name.trim(),
        category: input.category,
        size_class: input.sizeClass ?? null,
        region_code: input.regionCode,
      },
      facts,
    };
  }

  async createPerson(actor: Actor, input: CreatePerson): Promise<PersonViewT> {
    const prepared = this.preparePerson(input);
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      const personId = await insertPerson(trx, prepared, actor.accountId, 'manual');
      await appendAudit(trx, this.vault, { actor, action: 'person.created', entityType: 'person', entityId: personId, regionCode: input.regionCode, after: { ...maskedRow(prepared), facts: prepared.facts.length } });
      return personId;
    });
    return this.getPerson(actor, id);
  }

  async createOrganisation(actor: Actor, input: CreateOrganisation): Promise<OrganisationViewT> {
    const prepared = this.prepareOrganisation(input);
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      const orgId = await insertOrganisation(trx, prepared, actor.accountId, 'manual');
      await appendAudit(trx, this.vault, { actor, action: 'organisation.created', entityType: 'organisation', entityId: orgId, regionCode: input.regionCode, after: prepared.row });
      return orgId;
    });
    return this.getOrganisation(actor, id);
  }

  /** A person in the caller's regions (or the applicant themself), masked, with their facts. */
  async getPerson(actor: Actor, personId: string): Promise<PersonViewT> {
    const row = await this.visiblePeople(actor).selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) throw new AppError('PERSON_NOT_FOUND', 404);
    const facts = await this.db.selectFrom('registry_fact').selectAll().where('person_id', '=', personId).orderBy('recorded_at').execute();
    return { ...personView(row), facts: facts.map(factView) };
  }

  async findPeople(actor: Actor, q: { idNumber?: string; name?: string; regionCode?: string; limit?: number; offset?: number }): Promise<{ total: number; people: PersonViewT[] }> {
    let query = this.visiblePeople(actor);
    if (q.idNumber) query = query.where('id_number_hmac', '=', this.vault.lookupHash('id-number', q.idNumber.toUpperCase()));
    if (q.name) query = query.where('name', 'like', `${q.name.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.regionCode) query = query.where('region_code', 'like', `${regionPrefix(q.regionCode)}%`);
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('name').orderBy('id').limit(q.limit ?? 50).offset(q.offset ?? 0).execute();
    return { total: Number(total.n), people: rows.map(personView) };
  }

  /** Phone hashes for rows written before the column existed (migration 0011); a no-op after. */
  async backfillPhoneHashes(): Promise<number> {
    let filled = 0;
    for (;;) {
      const rows = await this.db.selectFrom('person').select(['id', 'phone_cipher']).where('phone_cipher', 'is not', null).where('phone_hmac', 'is', null).limit(1000).execute();
      if (rows.length === 0) return filled;
      await this.db.transaction().execute(async (trx) => {
        for (const r of rows) await trx.updateTable('person').set({ phone_hmac: this.vault.lookupHash('phone', this.vault.decrypt(r.phone_cipher ?? '')) }).where('id', '=', r.id).execute();
      });
      filled += rows.length;
    }
  }

  /** The full ID number, phone and address, for a role that needs them; the view itself is audited. */
  async revealIdentity(actor: Actor, personId: string, purpose: string): Promise<{ idNumber: string; phone?: string; address?: string }> {
    const row = await this.visiblePeople(actor).select(['id', 'id_number_cipher', 'phone_cipher', 'address_cipher', 'region_code']).where('id', '=', personId).executeTakeFirst();
    if (!row) throw new AppError('PERSON_NOT_FOUND', 404);
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, this.vault, { actor, action: 'person.identity-viewed', entityType: 'person', entityId: personId, regionCode: row.region_code, after: { purpose } }),
    );
    return {
      idNumber: this.vault.decrypt(row.id_number_cipher),
      ...(row.phone_cipher ? { phone: this.vault.decrypt(row.phone_cipher) } : {}),
      ...(row.address_cipher ? { address: this.vault.decrypt(row.address_cipher) } : {}),
    };
  }

  async getOrganisation(actor: Actor, organisationId: string): Promise<OrganisationViewT> {
    const row = await this.visibleOrganisations(actor).selectAll().where('id', '=', organisationId).executeTakeFirst();
    if (!row) throw new AppError('ORGANISATION_NOT_FOUND', 404);
    const facts = await this.db.selectFrom('registry_fact').selectAll().where('organisation_id', '=', organisationId).orderBy('recorded_at').execute();
    return { ...organisationView(row), facts: facts.map(factView) };
  }

  async findOrganisations(actor: Actor, q: { creditCode?: string; name?: string; regionCode?: string; limit?: number; offset?: number }): Promise<{ total: number; organisations: OrganisationViewT[] }> {
    let query = this.visibleOrganisations(actor);
    if (q.creditCode) query = query.where('credit_code', '=', q.creditCode.toUpperCase());
    if (q.name) query = query.where('name', 'like', `%${q.name.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.regionCode) query = query.where('region_code', 'like', `${regionPrefix(q.regionCode)}%`);
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('name').orderBy('id').limit(q.limit ?? 50).offset(q.offset ?? 0).execute();
    return { total: Number(total.n), organisations: rows.map(organisationView) };
  }

  async addFact(actor: Actor, owner: { personId: string } | { organisationId: string }, input: FactInput): Promise<string> {
    const isPerson = 'personId' in owner;
    const fact = checkFact(isPerson ? 'person' : 'organisation', input, '');
    const region = isPerson
      ? (await this.visiblePeople(actor).select('region_code').where('id', '=', owner.personId).executeTakeFirst())?.region_code
      : (await this.visibleOrganisations(actor).select('region_code').where('id', '=', owner.organisationId).executeTakeFirst())?.region_code;
    if (!region) throw new AppError(isPerson ? 'PERSON_NOT_FOUND' : 'ORGANISATION_NOT_FOUND', 404);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('registry_fact')
        .values({
          person_id: isPerson ? owner.personId : null,
          organisation_id: isPerson ? null : owner.organisationId,
          kind: fact.kind,
          data: JSON.stringify(fact.data),
          source: 'manual',
          recorded_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, { actor, action: 'fact.recorded', entityType: 'registry_fact', entityId: row.id, regionCode: region, after: { owner, ...fact } });
      return row.id;
    });
  }

  async retractFact(actor: Actor, factId: string, reason: string): Promise<void> {
    const fact = await this.db.selectFrom('registry_fact').selectAll().where('id', '=', factId).executeTakeFirst();
    const region = fact?.person_id
      ? (await this.visiblePeople(actor).select('region_code').where('id', '=', fact.person_id).executeTakeFirst())?.region_code
      : fact?.organisation_id
        ? (await this.visibleOrganisations(actor).select('region_code').where('id', '=', fact.organisation_id).executeTakeFirst())?.region_code
        : undefined;
    if (!fact || !region) throw new AppError('FACT_NOT_FOUND', 404);
    await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('registry_fact')
        .set({ retracted_at: new Date(), retracted_by: actor.accountId, retraction_reason: reason })
        .where('id', '=', factId)
        .where('retracted_at', 'is', null)
        .executeTakeFirst();
      if (done.numUpdatedRows === 0n) throw new AppError('FACT_ALREADY_RETRACTED', 409);
      await appendAudit(trx, this.vault, { actor, action: 'fact.retracted', entityType: 'registry_fact', entityId: factId, regionCode: region, before: { kind: fact.kind, data: fact.data }, after: { reason } });
    });
  }

  /** Where the subsidy is paid: the social-security card's bank account, or the unit's account. */
  async setBankAccount(actor: Actor, owner: { personId: string } | { organisationId: string }, input: { accountNumber: string; bankName: string }): Promise<{ accountMasked: string }> {
    const account = input.accountNumber.replace(/\s/g, '');
    if (!/^\d{12,30}$/.test(account)) throw new AppError('BANK_ACCOUNT_INVALID', 400, 'accountNumber');
    const isPerson = 'personId' in owner;
    const found = isPerson
      ? await this.visiblePeople(actor).select(['id', 'region_code', 'bank_account_masked']).where('id', '=', owner.personId).executeTakeFirst()
      : await this.visibleOrganisations(actor).select(['id', 'region_code', 'bank_account_masked']).where('id', '=', owner.organisationId).executeTakeFirst();
    if (!found) throw new AppError(isPerson ? 'PERSON_NOT_FOUND' : 'ORGANISATION_NOT_FOUND', 404);
    const masked = maskIdNumber(account, 6, 4);
    const values = { bank_account_cipher: this.vault.encrypt(account), bank_account_hmac: this.vault.lookupHash('bank-account', account), bank_account_masked: masked, bank_name: input.bankName };
    await this.db.transaction().execute(async (trx) => {
      if (isPerson) await trx.updateTable('person').set({ ...values, updated_at: new Date() }).where('id', '=', found.id).execute();
      else await trx.updateTable('organisation').set({ ...values, updated_at: new Date() }).where('id', '=', found.id).execute();
      await appendAudit(trx, this.vault, { actor, action: 'payee-account.set', entityType: isPerson ? 'person' : 'organisation', entityId: found.id, regionCode: found.region_code, before: { account: found.bank_account_masked }, after: { account: masked, bank: input.bankName } });
    });
    return { accountMasked: masked };
  }

  /** People the caller may see: staff, their regions; an applicant, themself. */
  visiblePeople(actor: Actor) {
    const q = this.db.selectFrom('person');
    if (actor.permissions.has('registry:read')) return q.where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    return q.where('id', '=', actor.personId ?? NO_ONE);
  }

  visibleOrganisations(actor: Actor) {
    const q = this.db.selectFrom('organisation');
    if (actor.permissions.has('registry:read')) return q.where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    return q.where('id', '=', actor.organisationId ?? NO_ONE);
  }
}

/** A 身份证号 checked and turned into its lookup hash: how accounts find a person without decrypting anyone. */
export function idNumberLookup(vault: Vault, idNumber: string, field = 'idNumber'): string {
  const parsed = parseResidentId(idNumber);
  if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', 400, field, { detail: ID_PROBLEMS[parsed.error] });
  return vault.lookupHash('id-number', parsed.value.number);
}

const ID_PROBLEMS = { format: '应为18位，末位可为X / 18 characters, the last may be X', 'birth-date': '出生日期不存在 / the birth date does not exist', 'check-digit': '校验码错误 / wrong check digit' } as const;

/** Checks a fact's data against its kind: structure by schema, then dates, codes and amounts. */
export function checkFact(owner: 'person' | 'organisation', input: FactInput, field: string): FactInput {
  const schemas: Record<string, Parameters<typeof assertMatches>[0]> = owner === 'person' ? PERSON_FACT_SCHEMAS : ORGANISATION_FACT_SCHEMAS;
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const schema = schemas[input.kind];
  if (!schema) throw new AppError('VALIDATION_FAILED', 400, at('kind'), { detail: Object.keys(schemas).join(', ') });
  assertMatches(schema, input.data, at('data'));
  const problems = validateFacts(input.data, at('data'));
  const first = problems[0];
  if (first) throw new AppError('INVALID_FACT', 400, first.field, { detail: `${first.message.zh} / ${first.message.en}` });
  const kind = (input.data as { kind?: string }).kind;
  if (input.kind === 'status' && !(String(kind) in PERSON_STATUS_NAMES)) throw new AppError('VALIDATION_FAILED', 400, at('data.kind'), { detail: Object.keys(PERSON_STATUS_NAMES).join(', ') });
  if (input.kind === 'designation' && !(String(kind) in DESIGNATION_NAMES)) throw new AppError('VALIDATION_FAILED', 400, at('data.kind'), { detail: Object.keys(DESIGNATION_NAMES).join(', ') });
  const d = input.data as { from?: string; to?: string; fromMonth?: string; toMonth?: string };
  if ((d.to && d.from && d.to < d.from) || (d.toMonth && d.fromMonth && d.toMonth < d.fromMonth)) {
    throw new AppError('INVALID_FACT', 400, at(d.toMonth ? 'data.toMonth' : 'data.to'), { detail: '结束早于开始 / ends before it starts' });
  }
  return { kind: input.kind, data: input.data };
}

/**
 * Facts recorded by another module inside its transaction (training's certificates), many at
 * once: the registry owns `registry_fact`, so this is the one way in besides its own use cases.
 */
export async function insertFacts(trx: Transaction<Database>, facts: readonly Insertable<RegistryFactTable>[]): Promise<void> {
  if (facts.length === 0) return;
  await trx.insertInto('registry_fact').values([...facts]).execute();
}

export async function insertPerson(trx: Transaction<Database> | Db, prepared: PreparedPerson, recordedBy: string | null, source: 'manual' | 'import' | 'demo'): Promise<string> {
  const existing = await trx.selectFrom('person').select('id').where('id_number_hmac', '=', prepared.row.id_number_hmac).executeTakeFirst();
  if (existing) throw new AppError('PERSON_EXISTS', 409, 'idNumber');
  const { id } = await trx.insertInto('person').values(prepared.row).returning('id').executeTakeFirstOrThrow();
  if (prepared.facts.length > 0) {
    await trx
      .insertInto('registry_fact')
      .values(prepared.facts.map((f) => ({ person_id: id, organisation_id: null, kind: f.kind, data: JSON.stringify(f.data), source, recorded_by: recordedBy })))
      .execute();
  }
  return id;
}

export async function insertOrganisation(trx: Transaction<Database> | Db, prepared: PreparedOrganisation, recordedBy: string | null, source: 'manual' | 'import' | 'demo'): Promise<string> {
  const existing = await trx.selectFrom('organisation').select('id').where('credit_code', '=', prepared.row.credit_code).executeTakeFirst();
  if (existing) throw new AppError('ORGANISATION_EXISTS', 409, 'creditCode');
  const { id } = await trx.insertInto('organisation').values(prepared.row).returning('id').executeTakeFirstOrThrow();
  if (prepared.facts.length > 0) {
    await trx
      .insertInto('registry_fact')
      .values(prepared.facts.map((f) => ({ person_id: null, organisation_id: id, kind: f.kind, data: JSON.stringify(f.data), source, recorded_by: recordedBy })))
      .execute();
  }
  return id;
}

function maskedRow(p: PreparedPerson) {
  return { idNumber: p.row.id_number_masked, name: p.row.name, regionCode: p.row.region_code, householdId: p.row.household_id };
}


function personView(row: Selectable<Database['person']>): PersonViewT {
  return {
    id: row.id,
    idNumberMasked: row.id_number_masked,
    name: row.name,
    sex: row.sex,
    birthDate: row.birth_date,
    regionCode: row.region_code,
    ...(row.retirement_category ? { retirementCategory: row.retirement_category } : {}),
    ...(row.hukou_region ? { hukouRegion: row.hukou_region } : {}),
    ...(row.household_id ? { householdId: row.household_id } : {}),
    ...(row.rural !== null ? { rural: row.rural } : {}),
    ...(row.phone_masked ? { phoneMasked: row.phone_masked } : {}),
  };
}

function organisationView(row: Selectable<Database['organisation']>): OrganisationViewT {
  return {
    id: row.id,
    creditCode: row.credit_code,
    ...(row.credit_code_override ? { creditCodeOverride: row.credit_code_override } : {}),
    name: row.name,
    category: row.category,
    ...(row.size_class ? { sizeClass: row.size_class } : {}),
    regionCode: row.region_code,
  };
}

function factView(row: Selectable<Database['registry_fact']>) {
  return {
    id: row.id,
    kind: row.kind,
    data: row.data,
    source: row.source,
    recordedAt: row.recorded_at.toISOString(),
    ...(row.retracted_at ? { retractedAt: row.retracted_at.toISOString(), retractionReason: row.retraction_reason ?? '' } : {}),
  };
}
