import { maskIdNumber } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import { countUpTo } from '../db/capped-count.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { assertRegionInScope, regionNamer, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import {
  checkFact,
  prepareOrganisation,
  preparePerson,
  type PreparedOrganisation,
  type PreparedPerson,
} from './registry-input.js';
import {
  factView,
  insertOrganisation,
  insertPerson,
  maskedRow,
  organisationView,
  personView,
  seesPayeeAccount,
  unitNamesOf,
} from './registry-repository.js';
import {
  type CreateOrganisation,
  type CreatePerson,
  type FactInput,
  type OrganisationViewT,
  type PersonViewT,
} from './registry.schemas.js';
import { PEOPLE_EXPORT_LIMIT, peopleSheet } from './people-sheet.js';
import { foundPeople, visiblePeople, type PeopleFilter } from './people-query.js';

type Db = Kysely<Database>;

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
    return preparePerson(this.vault, input, field);
  }

  prepareOrganisation(input: CreateOrganisation, field = ''): PreparedOrganisation {
    return prepareOrganisation(input, field);
  }

  async createPerson(actor: Actor, input: CreatePerson): Promise<PersonViewT> {
    const prepared = this.preparePerson(input);
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      const personId = await insertPerson(trx, prepared, actor.accountId, 'manual');
      await appendAudit(trx, this.vault, {
        actor,
        action: 'person.created',
        entityType: 'person',
        entityId: personId,
        regionCode: input.regionCode,
        after: { ...maskedRow(prepared), facts: prepared.facts.length },
      });
      return personId;
    });
    return this.getPerson(actor, id);
  }

  async createOrganisation(actor: Actor, input: CreateOrganisation): Promise<OrganisationViewT> {
    const prepared = this.prepareOrganisation(input);
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const id = await this.db.transaction().execute(async (trx) => {
      const orgId = await insertOrganisation(trx, prepared, actor.accountId, 'manual');
      await appendAudit(trx, this.vault, {
        actor,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: orgId,
        regionCode: input.regionCode,
        after: prepared.row,
      });
      return orgId;
    });
    return this.getOrganisation(actor, id);
  }

  /** A person in the caller's regions (or the applicant themself), masked, with their facts. */
  async getPerson(actor: Actor, personId: string): Promise<PersonViewT> {
    const row = await visiblePeople(this.db, actor).selectAll().where('id', '=', personId).executeTakeFirst();
    if (!row) throw new AppError('PERSON_NOT_FOUND', 404);
    const facts = await this.db
      .selectFrom('registry_fact')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('recorded_at')
      .execute();
    return {
      ...personView(row, seesPayeeAccount(actor)),
      facts: facts.map(factView),
      unitNames: await unitNamesOf(this.db, facts),
    };
  }

  async findPeople(actor: Actor, q: PeopleFilter & { limit?: number; offset?: number }) {
    const query = foundPeople(this.db, this.vault, actor, q);
    // Counted up to the most a list is read to (the export's cap): a city's exact count is millions
    // of index entries per page (bench:plans), and past it a clerk narrows the search.
    const counted = await countUpTo(this.db, query.select('id'), PEOPLE_EXPORT_LIMIT);
    const rows = await query
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
    return {
      ...counted,
      people: rows.map((r) => personView(r, seesPayeeAccount(actor))),
    };
  }

  /**
   * The people found, as a workbook in the reader's language (at most 10,000, in the list's order),
   * masked as on screen. A bulk read of personal data, so the audit trail records who took how many.
   */
  async exportPeople(actor: Actor, q: PeopleFilter, language: 'zh' | 'en'): Promise<Buffer> {
    const rows = await foundPeople(this.db, this.vault, actor, q)
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(PEOPLE_EXPORT_LIMIT)
      .execute();
    const regionName = await regionNamer(this.db, language);
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, this.vault, {
        actor,
        action: 'people.exported',
        regionCode: actor.regionCode,
        after: { rows: rows.length, byIdNumber: Boolean(q.idNumber), byName: Boolean(q.name), region: q.regionCode },
      }),
    );
    return peopleSheet(
      rows.map((r) => personView(r, false)),
      regionName,
      language,
    );
  }

  /** Phone hashes for rows written before the column existed (migration 0011); a no-op after. */
  async backfillPhoneHashes(): Promise<number> {
    let filled = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('person')
        .select(['id', 'phone_cipher'])
        .where('phone_cipher', 'is not', null)
        .where('phone_hmac', 'is', null)
        .limit(1000)
        .execute();
      if (rows.length === 0) return filled;
      await this.db.transaction().execute(async (trx) => {
        for (const r of rows)
          await trx
            .updateTable('person')
            .set({ phone_hmac: this.vault.lookupHash('phone', this.vault.decrypt(r.phone_cipher ?? '')) })
            .where('id', '=', r.id)
            .execute();
      });
      filled += rows.length;
    }
  }

  /** The full ID number, phone and address, for a role that needs them; the view itself is audited. */
  async revealIdentity(
    actor: Actor,
    personId: string,
    purpose: string,
  ): Promise<{ idNumber: string; phone?: string; address?: string }> {
    const row = await visiblePeople(this.db, actor)
      .select(['id', 'id_number_cipher', 'phone_cipher', 'address_cipher', 'region_code'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!row) throw new AppError('PERSON_NOT_FOUND', 404);
    await this.db.transaction().execute((trx) =>
      appendAudit(trx, this.vault, {
        actor,
        action: 'person.identity-viewed',
        entityType: 'person',
        entityId: personId,
        regionCode: row.region_code,
        after: { purpose },
      }),
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
    const facts = await this.db
      .selectFrom('registry_fact')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('recorded_at')
      .execute();
    return { ...organisationView(row, seesPayeeAccount(actor)), facts: facts.map(factView) };
  }

  async findOrganisations(
    actor: Actor,
    q: { creditCode?: string; name?: string; regionCode?: string; limit?: number; offset?: number },
  ): Promise<{ total: number; organisations: OrganisationViewT[] }> {
    let query = this.visibleOrganisations(actor);
    const code = q.creditCode?.toUpperCase();
    // The whole code by the unique index; a part, by its start (letters and digits only, by the schema).
    if (code?.length === 18) query = query.where('credit_code', '=', code);
    else if (code) query = query.where('credit_code', 'like', `${code}%`);
    if (q.name) query = query.where('name', 'like', `%${q.name.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.regionCode) query = query.where('region_code', 'like', `${regionPrefix(q.regionCode)}%`);
    const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
    return { total: Number(total.n), organisations: rows.map((r) => organisationView(r, seesPayeeAccount(actor))) };
  }

  async addFact(
    actor: Actor,
    owner: { personId: string } | { organisationId: string },
    input: FactInput,
  ): Promise<string> {
    const isPerson = 'personId' in owner;
    const fact = checkFact(isPerson ? 'person' : 'organisation', input, '');
    const region = isPerson
      ? (await visiblePeople(this.db, actor).select('region_code').where('id', '=', owner.personId).executeTakeFirst())
          ?.region_code
      : (
          await this.visibleOrganisations(actor)
            .select('region_code')
            .where('id', '=', owner.organisationId)
            .executeTakeFirst()
        )?.region_code;
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
      await appendAudit(trx, this.vault, {
        actor,
        action: 'fact.recorded',
        entityType: 'registry_fact',
        entityId: row.id,
        regionCode: region,
        after: { owner, ...fact },
      });
      return row.id;
    });
  }

  async retractFact(actor: Actor, factId: string, reason: string): Promise<void> {
    const fact = await this.db.selectFrom('registry_fact').selectAll().where('id', '=', factId).executeTakeFirst();
    const region = fact?.person_id
      ? (await visiblePeople(this.db, actor).select('region_code').where('id', '=', fact.person_id).executeTakeFirst())
          ?.region_code
      : fact?.organisation_id
        ? (
            await this.visibleOrganisations(actor)
              .select('region_code')
              .where('id', '=', fact.organisation_id)
              .executeTakeFirst()
          )?.region_code
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
      await appendAudit(trx, this.vault, {
        actor,
        action: 'fact.retracted',
        entityType: 'registry_fact',
        entityId: factId,
        regionCode: region,
        before: { kind: fact.kind, data: fact.data },
        after: { reason },
      });
    });
  }

  /** Where the subsidy is paid: the social-security card's bank account, or the unit's account. */
  async setBankAccount(
    actor: Actor,
    owner: { personId: string } | { organisationId: string },
    input: { accountNumber: string; bankName: string },
  ): Promise<{ accountMasked: string }> {
    const account = input.accountNumber.replace(/\s/g, '');
    if (!/^\d{12,30}$/.test(account)) throw new AppError('BANK_ACCOUNT_INVALID', 400, 'accountNumber');
    const isPerson = 'personId' in owner;
    const found = isPerson
      ? await visiblePeople(this.db, actor)
          .select(['id', 'region_code', 'bank_account_masked'])
          .where('id', '=', owner.personId)
          .executeTakeFirst()
      : await this.visibleOrganisations(actor)
          .select(['id', 'region_code', 'bank_account_masked'])
          .where('id', '=', owner.organisationId)
          .executeTakeFirst();
    if (!found) throw new AppError(isPerson ? 'PERSON_NOT_FOUND' : 'ORGANISATION_NOT_FOUND', 404);
    const masked = maskIdNumber(account, 6, 4);
    const values = {
      bank_account_cipher: this.vault.encrypt(account),
      bank_account_hmac: this.vault.lookupHash('bank-account', account),
      bank_account_masked: masked,
      bank_name: input.bankName,
    };
    await this.db.transaction().execute(async (trx) => {
      if (isPerson)
        await trx
          .updateTable('person')
          .set({ ...values, updated_at: new Date() })
          .where('id', '=', found.id)
          .execute();
      else
        await trx
          .updateTable('organisation')
          .set({ ...values, updated_at: new Date() })
          .where('id', '=', found.id)
          .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'payee-account.set',
        entityType: isPerson ? 'person' : 'organisation',
        entityId: found.id,
        regionCode: found.region_code,
        before: { account: found.bank_account_masked },
        after: { account: masked, bank: input.bankName },
      });
    });
    return { accountMasked: masked };
  }

  visibleOrganisations(actor: Actor) {
    const q = this.db.selectFrom('organisation');
    if (actor.permissions.has('registry:read'))
      return q.where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    return q.where('id', '=', actor.organisationId ?? NO_ONE);
  }
}
