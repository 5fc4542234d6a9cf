import { sql, type Kysely } from 'kysely';
import type { Static } from 'typebox';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword, refuseWeakPassword } from '../auth/passwords.js';
import {
  INSTITUTION_ROLES,
  isRole,
  ROLE_NAMES,
  roleConflict,
  rolePair,
  STAFF_ROLES,
  type Role,
} from '../auth/roles.js';
import { endSessions, type SessionService } from '../sessions/session-service.js';
import type { Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { assertRegionInScope, isInScope, regionPrefix } from '../regions/region-scope.js';
import { idNumberLookup } from '../registry/registry-input.js';
import type { RegistryService } from '../registry/registry-service.js';
import type { Vault } from '../security/vault.js';
import type { AccountViewSchema, ChangeStaffRoles, CreateStaffAccount, Registration } from './accounts.schemas.js';
import {
  DEFAULT_REGISTRATION_LIMITS,
  refuseTooManyRegistrations,
  type RegistrationLimits,
} from './registration-limits.js';

/** A staff account as the administrator sees it: the route's response schema is its one source. */
export type AccountView = Static<typeof AccountViewSchema>;

/**
 * Accounts. Staff accounts are created by an administrator of the region (or above) with a first
 * password the holder must change; applicants register themselves and are bound to their registry
 * record by a proof they control (identity-service.ts).
 */
export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly sessions: SessionService,
    private readonly registry: RegistryService,
    private readonly registrationLimits: RegistrationLimits = DEFAULT_REGISTRATION_LIMITS,
  ) {}

  async createStaff(admin: Actor, input: CreateStaffAccount): Promise<AccountView> {
    const { roles, organisationId } = await this.checkStaffRoles(admin, input);
    refuseWeakPassword(input.password, input.username, 'password');
    const idNumberHmac = idNumberLookup(this.vault, input.idNumber);
    const passwordHash = await hashPassword(input.password);
    const id = await this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('account')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (taken) throw new AppError('USERNAME_TAKEN', 409, 'username', { value: input.username });
      const row = await trx
        .insertInto('account')
        .values({
          username: input.username,
          display_name: input.displayName,
          roles,
          region_code: input.regionCode,
          id_number_hmac: idNumberHmac,
          password_hash: passwordHash,
          must_change_password: true,
          organisation_id: organisationId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('password_history').values({ account_id: row.id, password_hash: passwordHash }).execute();
      await appendAudit(trx, this.vault, {
        actor: admin,
        action: 'account.created',
        entityType: 'account',
        entityId: row.id,
        regionCode: input.regionCode,
        after: { username: input.username, roles: input.roles, regionCode: input.regionCode },
      });
      return row.id;
    });
    return this.get(admin, id);
  }

  async list(admin: Actor): Promise<AccountView[]> {
    const staff = await this.db
      .selectFrom('account')
      .leftJoin('organisation', 'organisation.id', 'account.organisation_id')
      .selectAll('account')
      .select('organisation.name as organisation_name')
      .where('account.region_code', 'like', `${regionPrefix(admin.regionCode)}%`)
      .where((eb) => eb.not(hasRole('applicant')))
      .orderBy('username')
      .execute();
    return staff.map(accountView);
  }

  async get(admin: Actor, id: string): Promise<AccountView> {
    const row = await this.db
      .selectFrom('account')
      .leftJoin('organisation', 'organisation.id', 'account.organisation_id')
      .selectAll('account')
      .select('organisation.name as organisation_name')
      .where('account.id', '=', id)
      .where('account.region_code', 'like', `${regionPrefix(admin.regionCode)}%`)
      .executeTakeFirst();
    if (!row) throw new AppError('ACCOUNT_NOT_FOUND', 404);
    return accountView(row);
  }

  /** A new first password, to be changed at next login; also lifts a lockout. */
  async resetPassword(admin: Actor, id: string, password: string): Promise<void> {
    const account = await this.get(admin, id);
    await this.sessions.setPassword(id, account.username, password, {
      by: admin,
      mustChange: true,
      action: 'account.password-reset',
    });
  }

  async setActive(admin: Actor, id: string, active: boolean): Promise<AccountView> {
    const account = await this.get(admin, id);
    if (id === admin.accountId) throw new AppError('FORBIDDEN', 403);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('account')
        .set({ active, failed_logins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
      if (!active) await endSessions(trx, id, new Date());
      await appendAudit(trx, this.vault, {
        actor: admin,
        action: active ? 'account.activated' : 'account.deactivated',
        entityType: 'account',
        entityId: id,
        regionCode: account.regionCode,
      });
    });
    return this.get(admin, id);
  }

  /**
   * Changes a staff account's roles and region under the rules its creation obeys (三员分立,
   * 权限不相容 and its declared exceptions, an officer tied to their institution). An administrator
   * never changes their own: a second administrator does, and the trail shows both sides.
   */
  async changeRoles(admin: Actor, id: string, input: ChangeStaffRoles): Promise<AccountView> {
    if (id === admin.accountId) throw new AppError('OWN_ACCOUNT_ROLES', 403, 'roles');
    const account = await this.get(admin, id);
    if (account.roles.includes('applicant')) throw new AppError('ACCOUNT_NOT_FOUND', 404);
    const { roles, organisationId } = await this.checkStaffRoles(admin, input);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('account')
        .set({ roles, region_code: input.regionCode, organisation_id: organisationId })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, this.vault, {
        actor: admin,
        action: 'account.roles-changed',
        entityType: 'account',
        entityId: id,
        regionCode: input.regionCode,
        before: { roles: account.roles, regionCode: account.regionCode },
        after: { roles, regionCode: input.regionCode },
      });
    });
    return this.get(admin, id);
  }

  /** Roles a staff account may hold in the region, and the institution an officer's acts for. */
  private async checkStaffRoles(
    admin: Actor,
    input: { roles: readonly string[]; regionCode: string; organisationId?: string | undefined },
  ): Promise<{ roles: Role[]; organisationId: string | null }> {
    const roles: Role[] = [];
    for (const [i, role] of input.roles.entries()) {
      if (!isRole(role) || !STAFF_ROLES.includes(role))
        throw new AppError('UNKNOWN_ROLE', 400, `roles[${i}]`, { value: role });
      roles.push(role);
    }
    await assertRegionInScope(this.db, admin.regionCode, input.regionCode, 'regionCode');
    await this.assertRolesCompatible(roles, input.regionCode);
    return { roles, organisationId: await this.institutionFor(admin, roles, input.organisationId) };
  }

  /**
   * Self-registration (申请人注册): an account that claims an identity and is bound to the registry
   * only when its holder proves it (identity-service.ts). The answer is the same whether or not
   * the ID number or credit code is known, is already bound, or fits the name: registration must
   * not tell a stranger any of that, nor let them take or block someone's record.
   */
  async register(input: Registration, ip: string | null): Promise<{ id: string }> {
    refuseWeakPassword(input.password, input.username, 'password');
    const known = await this.db
      .selectFrom('region')
      .select('code')
      .where('code', '=', input.regionCode)
      .executeTakeFirst();
    if (!known) throw new AppError('UNKNOWN_REGION', 400, 'regionCode', { value: input.regionCode });
    const subject =
      input.kind === 'person'
        ? idNumberLookup(this.vault, input.idNumber)
        : this.registry.prepareOrganisation({
            creditCode: input.creditCode,
            name: input.name,
            category: 'enterprise',
            regionCode: input.regionCode,
          }).row.credit_code;
    const limited = { ip, subject, field: input.kind === 'person' ? 'idNumber' : 'creditCode' } as const;
    await refuseTooManyRegistrations(this.db, this.registrationLimits, limited, false);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      await refuseTooManyRegistrations(trx, this.registrationLimits, limited, true);
      if (await trx.selectFrom('account').select('id').where('username', '=', input.username).executeTakeFirst())
        throw new AppError('USERNAME_TAKEN', 409, 'username', { value: input.username });
      const row = await trx
        .insertInto('account')
        .values({
          username: input.username,
          display_name: input.name.trim(),
          roles: ['applicant'],
          region_code: input.regionCode,
          claimed_kind: input.kind,
          claimed_subject_hmac: subject,
          claimed_name: input.name.trim(),
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('password_history').values({ account_id: row.id, password_hash: passwordHash }).execute();
      await appendAudit(trx, this.vault, {
        actor: { accountId: row.id, displayName: input.name, roles: ['applicant'], ip },
        action: 'account.registered',
        entityType: 'account',
        entityId: row.id,
        regionCode: input.regionCode,
        after: { username: input.username, kind: input.kind },
      });
      return { id: row.id };
    });
  }

  /**
   * The institution an officer's account acts for: a registered lending bank or guarantee
   * institution of the matching kind, in the administrator's regions. No other account is tied to one.
   */
  private async institutionFor(
    admin: Actor,
    roles: readonly Role[],
    organisationId: string | undefined,
  ): Promise<string | null> {
    const kind = roles.map((r) => INSTITUTION_ROLES[r]).find((k) => k !== undefined);
    if (!kind) {
      if (organisationId !== undefined)
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          'organisationId',
          inBoth(
            'detail',
            '只有银行或担保机构经办人员的账号关联机构',
            'only a bank’s or guarantor’s officer is tied to one',
          ),
        );
      return null;
    }
    if (organisationId === undefined) throw new AppError('REQUIRED_FIELD', 400, 'organisationId');
    const institution = await this.db
      .selectFrom('loan_institution')
      .select(['organisation_id', 'region_code'])
      .where('organisation_id', '=', organisationId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!institution || !isInScope(admin.regionCode, institution.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    return institution.organisation_id;
  }

  /** Refuses roles one account may not hold together, unless the region declared that pair an exception. */
  private async assertRolesCompatible(roles: readonly Role[], regionCode: string): Promise<void> {
    const declared = await this.db
      .selectFrom('role_exception')
      .select(['roles', 'region_code'])
      .where('revoked_at', 'is', null)
      .execute();
    const allowed = declared
      .filter((d) => isInScope(d.region_code, regionCode))
      .map((d) => rolePair(d.roles[0] ?? '', d.roles[1] ?? ''));
    const conflict = roleConflict(roles, new Set(allowed));
    if (!conflict) return;
    const [a, b] = conflict;
    throw new AppError('ROLES_INCOMPATIBLE', 400, 'roles', {
      'a.zh-CN': ROLE_NAMES[a].zh,
      'a.en-US': ROLE_NAMES[a].en,
      'b.zh-CN': ROLE_NAMES[b].zh,
      'b.en-US': ROLE_NAMES[b].en,
    });
  }
}

function accountView(row: {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  region_code: string;
  active: boolean;
  locked_until: Date | null;
  must_change_password: boolean;
  created_at: Date;
  organisation_id: string | null;
  organisation_name: string | null;
}): AccountView {
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
    ...(row.organisation_name && row.organisation_id
      ? { institution: row.organisation_name, institutionId: row.organisation_id }
      : {}),
  };
}

/** True when the account holds the role (roles is a text[] column). */
export const hasRole = (role: string) => sql<boolean>`${role} = any(roles)`;
