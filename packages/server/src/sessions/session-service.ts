import { createHash, randomBytes } from 'node:crypto';
import type { JoinBuilder, Kysely, Transaction } from 'kysely';
import { appendAudit, recordAudit } from '../audit/audit-trail.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import type { CurrentSession } from '../auth/access.js';
import type { Actor } from '../auth/actor.js';
import {
  decoyHash,
  hashPassword,
  PASSWORD_HISTORY,
  PASSWORD_MAX_AGE_DAYS,
  passwordMatches,
  refuseWeakPassword,
} from '../auth/passwords.js';
import { permissionsOf } from '../auth/roles.js';

export interface SessionSettings {
  /** Idle minutes before a session ends (等保 baseline: 10). */
  readonly idleMinutes: number;
  /** A session ends this many hours after login, however active. */
  readonly absoluteHours: number;
  /** Failures allowed before the account locks; the next one locks it (baseline: lock after > 5). */
  readonly maxFailedLogins: number;
  readonly lockMinutes: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMinutes: 10,
  absoluteHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 30,
};

export interface LoginResult {
  readonly token: string;
  readonly csrfToken: string;
  readonly actor: Actor;
  readonly mustChangePassword: boolean;
}

const MINUTE = 60_000;

/**
 * The account-table writes sign-in needs. Accounts owns the table and supplies them
 * (`accounts/account-repository.ts`), wired by the composition root: sessions does not import
 * accounts, which imports sessions.
 */
export interface AccountCredentials {
  /** One wrong password counted in the database; `failedLogins` 0: the account locked now. */
  countFailedLogin(
    trx: Transaction<Database>,
    accountId: string,
    maxFailedLogins: number,
    lockUntil: Date,
  ): Promise<{ failedLogins: number }>;
  /** Clears the count after a good password; false when a lock written meanwhile still holds. */
  clearFailedLogins(trx: Transaction<Database>, accountId: string, now: Date): Promise<boolean>;
  /** Stores a new password hash with its history entry; lifts a lockout. */
  storePassword(
    trx: Transaction<Database>,
    accountId: string,
    passwordHash: string,
    now: Date,
    mustChange: boolean,
  ): Promise<{ regionCode: string }>;
}

/**
 * Ends an account's live sessions inside the caller's transaction (deactivated, unbound, a
 * password reset): the one way another module ends sessions, since the sessions module owns the session table.
 */
export async function endSessions(trx: Transaction<Database>, accountId: string, at: Date): Promise<void> {
  await trx
    .updateTable('session')
    .set({ ended_at: at })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .execute();
}

/** The session token is only ever stored hashed, so reading the table does not give live sessions. */
function tokenHash(token: string): string {
  return createHash('sm3').update(token).digest('hex');
}

/** Login, sessions, password changes and lockout. */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly credentials: AccountCredentials,
    private readonly settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
  ) {}

  async login(username: string, password: string, ip: string | null): Promise<LoginResult> {
    const account = await this.db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
    const now = this.clock.now();
    const failure = (reason: string, entityId?: string, regionCode?: string) =>
      recordAudit(this.db, this.vault, {
        actor: null,
        action: 'session.login',
        outcome: 'failure',
        entityType: 'account',
        ...(entityId ? { entityId } : {}),
        regionCode: regionCode ?? null,
        after: { username, reason, ip },
      });
    if (!account || !account.active) {
      await passwordMatches(await decoyHash(), password);
      await failure(account ? 'inactive' : 'unknown-username', account?.id, account?.region_code);
      throw new AppError('INVALID_CREDENTIALS', 401);
    }
    if (account.locked_until && account.locked_until > now) {
      await failure('locked', account.id, account.region_code);
      throw new AppError('ACCOUNT_LOCKED', 423, undefined, {
        minutes: String(Math.ceil((account.locked_until.getTime() - now.getTime()) / MINUTE)),
      });
    }
    if (!(await passwordMatches(account.password_hash, password))) {
      // Counted in the database, not from the row read above: 25 wrong passwords sent at once all
      // read the same count, and a count written back from it would never reach the limit.
      const lockUntil = new Date(now.getTime() + this.settings.lockMinutes * MINUTE);
      const failures = await this.db.transaction().execute(async (trx) => {
        const counted = await this.credentials.countFailedLogin(
          trx,
          account.id,
          this.settings.maxFailedLogins,
          lockUntil,
        );
        const lock = counted.failedLogins === 0;
        await appendAudit(trx, this.vault, {
          actor: null,
          action: lock ? 'account.locked' : 'session.login',
          outcome: 'failure',
          entityType: 'account',
          entityId: account.id,
          regionCode: account.region_code,
          after: {
            username,
            reason: 'wrong-password',
            failures: lock ? this.settings.maxFailedLogins + 1 : counted.failedLogins,
            ip,
          },
        });
        return lock ? null : counted.failedLogins;
      });
      if (failures === null)
        throw new AppError('ACCOUNT_LOCKED', 423, undefined, { minutes: String(this.settings.lockMinutes) });
      throw new AppError('INVALID_CREDENTIALS', 401);
    }

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expired = now.getTime() - account.password_changed_at.getTime() > PASSWORD_MAX_AGE_DAYS * 24 * 60 * MINUTE;
    await this.db.transaction().execute(async (trx) => {
      // A lock written by a concurrent wrong password since the read above still holds.
      const unlocked = await this.credentials.clearFailedLogins(trx, account.id, now);
      if (!unlocked)
        throw new AppError('ACCOUNT_LOCKED', 423, undefined, { minutes: String(this.settings.lockMinutes) });
      await trx
        .insertInto('session')
        .values({
          token_hash: tokenHash(token),
          account_id: account.id,
          csrf_token: csrfToken,
          ip,
          created_at: now,
          last_seen_at: now,
        })
        .execute();
      await appendAudit(trx, this.vault, {
        actor: { accountId: account.id, displayName: account.display_name, roles: account.roles, ip },
        action: 'session.login',
        entityType: 'account',
        entityId: account.id,
        regionCode: account.region_code,
      });
    });
    const actor = await this.actorOf(account.id, ip);
    return { token, csrfToken, actor, mustChangePassword: account.must_change_password || expired };
  }

  /** The live session for a token, touched; null when there is none or it has timed out. */
  async resume(token: string, ip: string | null): Promise<CurrentSession | null> {
    const hash = tokenHash(token);
    const row = await this.db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .leftJoin('person', personOfAccount)
      .select([
        'session.csrf_token',
        'session.created_at',
        'session.last_seen_at',
        'session.ended_at',
        'account.active',
        'account.must_change_password',
        'account.password_changed_at',
        ...ACTOR_COLUMNS,
      ])
      .where('session.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.ended_at || !row.active) return null;
    const now = this.clock.now();
    const idle = now.getTime() - row.last_seen_at.getTime() > this.settings.idleMinutes * MINUTE;
    const tooOld = now.getTime() - row.created_at.getTime() > this.settings.absoluteHours * 60 * MINUTE;
    if (idle || tooOld) {
      await this.db
        .updateTable('session')
        .set({ ended_at: now })
        .where('token_hash', '=', hash)
        .where('ended_at', 'is', null)
        .execute();
      return null;
    }
    // A write per request would be wasted; a few seconds of idle-time precision are not.
    if (now.getTime() - row.last_seen_at.getTime() > 15_000) {
      await this.db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
    }
    const expired = now.getTime() - row.password_changed_at.getTime() > PASSWORD_MAX_AGE_DAYS * 24 * 60 * MINUTE;
    return {
      actor: actorFrom(row, ip),
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password || expired,
      tokenHash: hash,
    };
  }

  async logout(session: CurrentSession): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('session')
        .set({ ended_at: this.clock.now() })
        .where('token_hash', '=', session.tokenHash)
        .execute();
      await appendAudit(trx, this.vault, {
        actor: session.actor,
        action: 'session.logout',
        entityType: 'account',
        entityId: session.actor.accountId,
        regionCode: session.actor.regionCode,
      });
    });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const account = await this.db
      .selectFrom('account')
      .selectAll()
      .where('id', '=', actor.accountId)
      .executeTakeFirstOrThrow();
    if (!(await passwordMatches(account.password_hash, current)))
      throw new AppError('INVALID_CREDENTIALS', 401, 'currentPassword');
    await this.setPassword(account.id, account.username, next, {
      by: actor,
      mustChange: false,
      action: 'account.password-changed',
    });
  }

  /** Sets a password after checking the rules and the history; ends the account's other sessions. */
  async setPassword(
    accountId: string,
    username: string,
    password: string,
    how: { by: Actor; mustChange: boolean; action: string },
  ): Promise<void> {
    refuseWeakPassword(password, username, how.mustChange ? 'password' : 'newPassword');
    const history = await this.db
      .selectFrom('password_history')
      .select('password_hash')
      .where('account_id', '=', accountId)
      .orderBy('set_at', 'desc')
      .limit(PASSWORD_HISTORY)
      .execute();
    for (const h of history)
      if (await passwordMatches(h.password_hash, password))
        throw new AppError('PASSWORD_REUSED', 400, 'newPassword', { count: String(PASSWORD_HISTORY) });
    const passwordHash = await hashPassword(password);
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const account = await this.credentials.storePassword(trx, accountId, passwordHash, now, how.mustChange);
      if (how.mustChange) await endSessions(trx, accountId, now);
      await appendAudit(trx, this.vault, {
        actor: how.by,
        action: how.action,
        entityType: 'account',
        entityId: accountId,
        regionCode: account.regionCode,
      });
    });
  }

  async actorOf(accountId: string, ip: string | null): Promise<Actor> {
    const row = await this.db
      .selectFrom('account')
      .leftJoin('person', personOfAccount)
      .select(ACTOR_COLUMNS)
      .where('account.id', '=', accountId)
      .executeTakeFirstOrThrow();
    return actorFrom(row, ip);
  }
}

/** What an actor is made of, read with the session in one query on every request. */
const ACTOR_COLUMNS = [
  'account.id',
  'account.username',
  'account.display_name',
  'account.roles',
  'account.region_code',
  'account.person_id',
  'account.organisation_id',
  'person.id as registry_person_id',
  'person.household_id',
] as const;

/**
 * The registry person behind an account: an applicant's bound record, or a member of staff found by
 * their own ID number, so the own-claim and household checks hold whenever staff are in the registry.
 */
const personOfAccount = (join: JoinBuilder<Database & { account: Database['account'] }, 'account' | 'person'>) =>
  join.on((eb) =>
    eb.or([
      eb('person.id', '=', eb.ref('account.person_id')),
      eb('person.id_number_hmac', '=', eb.ref('account.id_number_hmac')),
    ]),
  );

function actorFrom(
  row: {
    id: string;
    username: string;
    display_name: string;
    roles: string[];
    region_code: string;
    person_id: string | null;
    organisation_id: string | null;
    registry_person_id: string | null;
    household_id: string | null;
  },
  ip: string | null,
): Actor {
  return {
    accountId: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: permissionsOf(row.roles, row.person_id !== null || row.organisation_id !== null),
    regionCode: row.region_code,
    personId: row.person_id ?? row.registry_person_id,
    householdId: row.household_id,
    organisationId: row.organisation_id,
    ip,
  };
}
