import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { isRole, STAFF_ROLES } from '../auth/roles.js';
import type { SessionService } from '../auth/session-service.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { assertRegionInScope, regionPrefix } from '../regions/region-scope.js';
import { insertOrganisation, insertPerson, type RegistryService } from '../registry/registry-service.js';
import type { Vault } from '../security/vault.js';
import type { CreateStaffAccount, Registration } from './accounts.schemas.js';

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string;
  active: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/**
 * Accounts. Staff accounts are created by an administrator of the region (or above) with a first
 * password the holder must change; applicants register themselves, tied to their registry record
 * by ID number or credit code and name.
 */
export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly sessions: SessionService,
    private readonly registry: RegistryService,
  ) {}

  async createStaff(admin: Actor, input: CreateStaffAccount): Promise<AccountView> {
    for (const [i, role] of input.roles.entries()) {
      if (!isRole(role) || !STAFF_ROLES.includes(role)) throw new AppError('UNKNOWN_ROLE', 400, `roles[${i}]`, { value: role });
    }
    await assertRegionInScope(this.db, admin.regionCode, input.regionCode, 'regionCode');
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new AppError('WEAK_PASSWORD', 400, 'password', { rule: problem });
    let personId: string | null = null;
    if (input.idNumber) {
      const person = await this.db.selectFrom('person').select('id').where('id_number_hmac', '=', this.vault.lookupHash('id-number', input.idNumber.toUpperCase())).executeTakeFirst();
      if (!person) throw new AppError('PERSON_NOT_REGISTERED', 422, 'idNumber', { value: `${input.idNumber.slice(0, 6)}…` });
      personId = person.id;
    }
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('account').select('id').where('username', '=', input.username).executeTakeFirst();
      if (taken) throw new AppError('USERNAME_TAKEN', 409, 'username', { value: input.username });
      const row = await trx
        .insertInto('account')
        .values({ username: input.username, display_name: input.displayName, roles: [...input.roles], region_code: input.regionCode, person_id: personId, password_hash: passwordHash, must_change_password: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('password_history').values({ account_id: row.id, password_hash: passwordHash }).execute();
      await appendAudit(trx, this.vault, { actor: admin, action: 'account.created', entityType: 'account', entityId: row.id, regionCode: input.regionCode, after: { username: input.username, roles: input.roles, regionCode: input.regionCode } });
      return row.id;
    });
    return this.get(admin, id);
  }

  async list(admin: Actor): Promise<AccountView[]> {
    const staff = await this.db
      .selectFrom('account')
      .selectAll()
      .where('region_code', 'like', `${regionPrefix(admin.regionCode)}%`)
      .where((eb) => eb.not(hasRole('applicant')))
      .orderBy('username')
      .execute();
    return staff.map(accountView);
  }

  async get(admin: Actor, id: string): Promise<AccountView> {
    const row = await this.db.selectFrom('account').selectAll().where('id', '=', id).where('region_code', 'like', `${regionPrefix(admin.regionCode)}%`).executeTakeFirst();
    if (!row) throw new AppError('ACCOUNT_NOT_FOUND', 404);
    return accountView(row);
  }

  /** A new first password, to be changed at next login; also lifts a lockout. */
  async resetPassword(admin: Actor, id: string, password: string): Promise<void> {
    const account = await this.get(admin, id);
    await this.sessions.setPassword(id, account.username, password, { by: admin, mustChange: true, action: 'account.password-reset' });
  }

  async setActive(admin: Actor, id: string, active: boolean): Promise<AccountView> {
    const account = await this.get(admin, id);
    if (id === admin.accountId) throw new AppError('FORBIDDEN', 403);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('account').set({ active, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
      if (!active) await trx.updateTable('session').set({ ended_at: new Date() }).where('account_id', '=', id).where('ended_at', 'is', null).execute();
      await appendAudit(trx, this.vault, { actor: admin, action: active ? 'account.activated' : 'account.deactivated', entityType: 'account', entityId: id, regionCode: account.regionCode });
    });
    return this.get(admin, id);
  }

  /** Self-registration of an applicant (a person or a unit), tied to or creating its registry record. */
  async register(input: Registration, ip: string | null): Promise<{ id: string }> {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new AppError('WEAK_PASSWORD', 400, 'password', { rule: problem });
    const known = await this.db.selectFrom('region').select('code').where('code', '=', input.regionCode).executeTakeFirst();
    if (!known) throw new AppError('UNKNOWN_REGION', 400, 'regionCode', { value: input.regionCode });
    const prepared =
      input.kind === 'person'
        ? { kind: 'person' as const, p: this.registry.preparePerson({ idNumber: input.idNumber, name: input.name, regionCode: input.regionCode, ...(input.phone ? { phone: input.phone } : {}) }) }
        : { kind: 'organisation' as const, p: this.registry.prepareOrganisation({ creditCode: input.creditCode, name: input.name, category: input.category, regionCode: input.regionCode }) };
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('account').select('id').where('username', '=', input.username).executeTakeFirst()) throw new AppError('USERNAME_TAKEN', 409, 'username', { value: input.username });
      let personId: string | null = null;
      let organisationId: string | null = null;
      let region = input.regionCode;
      if (prepared.kind === 'person') {
        const existing = await trx.selectFrom('person').select(['id', 'name', 'region_code']).where('id_number_hmac', '=', prepared.p.row.id_number_hmac).executeTakeFirst();
        if (existing && existing.name !== prepared.p.row.name) throw new AppError('NAME_MISMATCH', 422, 'name');
        personId = existing?.id ?? (await insertPerson(trx, prepared.p, null, 'manual'));
        region = existing?.region_code ?? region;
        if (await trx.selectFrom('account').select('id').where('person_id', '=', personId).where(hasRole('applicant')).executeTakeFirst()) throw new AppError('ACCOUNT_EXISTS', 409, 'idNumber');
      } else {
        const existing = await trx.selectFrom('organisation').select(['id', 'name', 'region_code']).where('credit_code', '=', prepared.p.row.credit_code).executeTakeFirst();
        if (existing && existing.name !== prepared.p.row.name) throw new AppError('NAME_MISMATCH', 422, 'name');
        organisationId = existing?.id ?? (await insertOrganisation(trx, prepared.p, null, 'manual'));
        region = existing?.region_code ?? region;
        if (await trx.selectFrom('account').select('id').where('organisation_id', '=', organisationId).where(hasRole('applicant')).executeTakeFirst()) throw new AppError('ACCOUNT_EXISTS', 409, 'creditCode');
      }
      const row = await trx
        .insertInto('account')
        .values({ username: input.username, display_name: input.name, roles: ['applicant'], region_code: region, person_id: personId, organisation_id: organisationId, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('password_history').values({ account_id: row.id, password_hash: passwordHash }).execute();
      await appendAudit(trx, this.vault, { actor: { accountId: row.id, displayName: input.name, roles: ['applicant'], ip }, action: 'account.registered', entityType: 'account', entityId: row.id, regionCode: region, after: { username: input.username, kind: input.kind } });
      return { id: row.id };
    });
  }
}

function accountView(row: { id: string; username: string; display_name: string; roles: string[]; region_code: string; active: boolean; locked_until: Date | null; must_change_password: boolean; created_at: Date }): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    regionCode: row.region_code,
    active: row.active,
    locked: row.locked_until !== null && row.locked_until > new Date(),
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
  };
}

/** True when the account holds the role (roles is a text[] column). */
const hasRole = (role: string) => sql<boolean>`${role} = any(roles)`;
