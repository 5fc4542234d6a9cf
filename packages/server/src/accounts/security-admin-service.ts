import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { INCOMPATIBLE_ROLES, isRole, ROLE_NAMES } from '../auth/roles.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { explainsItself } from '../http/said.js';
import { assertRegionInScope, isInScope, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import type { DeclareRoleException } from './identity.schemas.js';

export interface RoleExceptionView {
  id: string;
  regionCode: string;
  roles: string[];
  reason: string;
  declaredBy: string;
  declaredAt: string;
}

/**
 * The security administrator's (安全管理员) part: a region's declared exceptions to 权限不相容, and
 * the demonstration text-message outbox.
 */
export class SecurityAdminService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async exceptions(actor: Actor): Promise<RoleExceptionView[]> {
    const rows = await this.db
      .selectFrom('role_exception')
      .innerJoin('account', 'account.id', 'role_exception.declared_by')
      .select([
        'role_exception.id',
        'role_exception.region_code',
        'role_exception.roles',
        'role_exception.reason',
        'role_exception.declared_at',
        'account.display_name',
      ])
      .where('role_exception.revoked_at', 'is', null)
      .orderBy('role_exception.declared_at', 'desc')
      .execute();
    return rows
      .filter((r) => isInScope(actor.regionCode, r.region_code))
      .map((r) => ({
        id: r.id,
        regionCode: r.region_code,
        roles: r.roles,
        reason: r.reason,
        declaredBy: r.display_name,
        declaredAt: r.declared_at.toISOString(),
      }));
  }

  /** A small office may let one account hold two incompatible posts; never one of the three administrators. */
  async declareException(actor: Actor, input: DeclareRoleException): Promise<RoleExceptionView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    for (const [i, role] of input.roles.entries()) {
      if (!isRole(role)) throw new AppError('UNKNOWN_ROLE', 400, `roles[${i}]`, { value: role });
      if (!INCOMPATIBLE_ROLES.includes(role))
        throw new AppError('ROLE_EXCEPTION_NOT_ALLOWED', 400, `roles[${i}]`, {
          'role.zh-CN': ROLE_NAMES[role].zh,
          'role.en-US': ROLE_NAMES[role].en,
        });
    }
    const roles = [...input.roles].sort();
    const reason = input.reason.trim();
    if (!explainsItself(reason)) throw new AppError('REASON_TOO_BRIEF', 400, 'reason');
    const declaredAt = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      // One declaration per pair and region: two would need two revocations, and revoking "the"
      // exception would leave the pair allowed. The lock keeps two requests from both finding none.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`role-exception:${input.regionCode}`}, 0))`.execute(
        trx,
      );
      const declared = await trx
        .selectFrom('role_exception')
        .select('id')
        .where('region_code', '=', input.regionCode)
        .where('revoked_at', 'is', null)
        .where(sql<boolean>`roles = ${sql.val(roles)}::text[]`)
        .executeTakeFirst();
      if (declared) throw new AppError('ROLE_EXCEPTION_EXISTS', 409, 'roles', { value: declared.id });
      const row = await trx
        .insertInto('role_exception')
        .values({ region_code: input.regionCode, roles, reason, declared_by: actor.accountId, declared_at: declaredAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'role-exception.declared',
        entityType: 'role_exception',
        entityId: row.id,
        regionCode: input.regionCode,
        after: { roles: input.roles, reason: input.reason },
      });
      return {
        id: row.id,
        regionCode: input.regionCode,
        roles,
        reason,
        declaredBy: actor.displayName,
        declaredAt: declaredAt.toISOString(),
      };
    });
  }

  /** Revoking stops new accounts combining the pair; accounts already made keep their roles until changed. */
  async revokeException(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('role_exception')
        .select(['region_code'])
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!row || !isInScope(actor.regionCode, row.region_code)) throw new AppError('ROLE_EXCEPTION_NOT_FOUND', 404);
      await trx
        .updateTable('role_exception')
        .set({ revoked_at: this.clock.now(), revoked_by: actor.accountId })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'role-exception.revoked',
        entityType: 'role_exception',
        entityId: id,
        regionCode: row.region_code,
      });
    });
  }

  /** The last 100 demonstration messages in the caller's regions. */
  async outbox(actor: Actor) {
    const rows = await this.db
      .selectFrom('sms_outbox')
      .selectAll()
      .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return {
      demonstration: true as const,
      messages: rows.map((r) => ({
        id: String(r.id),
        phoneMasked: r.phone_masked,
        body: r.body,
        regionCode: r.region_code,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }
}
