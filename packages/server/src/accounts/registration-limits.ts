import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { RateLimited } from '../http/errors.js';

/**
 * How often applicants may register themselves (申请人注册), counted in the database so that every
 * app server in front of it counts the same registrations, as wrong passwords (account.failed_logins)
 * and text-message codes (identity_code) are.
 */
export interface RegistrationLimits {
  /** Registrations from one client address within `addressWindowMinutes`. */
  readonly perAddress: number;
  readonly addressWindowMinutes: number;
  /**
   * Unbound accounts (not yet 实名核验) claiming one 身份证号 — or one unit's credit code — that were
   * registered within `claimWindowDays`.
   */
  readonly unboundPerSubject: number;
  readonly claimWindowDays: number;
}

/**
 * Twenty an hour from one address leaves room for a school's computer room or a service hall's
 * shared line registering a class or a queue, and stops a script at twenty.
 *
 * Three unbound accounts per ID number: a person may lose track of an account before binding it (a
 * forgotten username or password, a relative who registered for them) and start again, but more
 * unbound claims of one identity serve nobody honest — each one may ask for codes to the phone on
 * record and try them. The count is over the last seven days, not for ever: anyone who knows an ID
 * number can register claims to it, and a cap for ever would let them shut its holder out of
 * registering at all; this way a squatter delays the holder by seven days at most.
 */
export const DEFAULT_REGISTRATION_LIMITS: RegistrationLimits = {
  perAddress: 20,
  addressWindowMinutes: 60,
  unboundPerSubject: 3,
  claimWindowDays: 7,
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** `2026-12-05 18:30`, Beijing time: when a caller may try again, as a person reads it. */
const beijingMinute = (at: Date) =>
  new Date(at.getTime() + 8 * 60 * MINUTE).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Refuses a registration past either limit, with when to try again (429). Run once before the
 * password is hashed, so a flood costs no hashing, and again inside the registration's transaction
 * under a lock per address and per claimed identity, so fifty registrations sent at once are
 * counted one after the other. `subject` is the keyed hash (or code) the account will claim.
 */
export async function refuseTooManyRegistrations(
  db: Kysely<Database>,
  limits: RegistrationLimits,
  request: { ip: string | null; subject: string; field: 'idNumber' | 'creditCode' },
  lock: boolean,
): Promise<void> {
  const now = Date.now();
  if (lock) {
    // Always the address first, then the identity: two registrations never wait on each other crosswise.
    if (request.ip)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`register-ip:${request.ip}`}, 0))`.execute(db);
    await sql`select pg_advisory_xact_lock(hashtextextended(${`register-subject:${request.subject}`}, 0))`.execute(db);
  }
  if (request.ip) {
    const since = new Date(now - limits.addressWindowMinutes * MINUTE);
    const recent = await registrationsFrom(db, request.ip, since);
    const oldest = recent[recent.length - limits.perAddress];
    if (oldest) {
      const freeAt = oldest.getTime() + limits.addressWindowMinutes * MINUTE;
      throw new RateLimited('REGISTRATION_RATE_LIMITED', (freeAt - now) / 1000, undefined, {
        minutes: String(Math.max(1, Math.ceil((freeAt - now) / MINUTE))),
      });
    }
  }
  const since = new Date(now - limits.claimWindowDays * DAY);
  const claims = await unboundClaims(db, request.subject, since);
  const oldest = claims[claims.length - limits.unboundPerSubject];
  if (oldest)
    throw new RateLimited(
      'UNBOUND_CLAIMS_LIMITED',
      (oldest.getTime() + limits.claimWindowDays * DAY - now) / 1000,
      request.field,
      {
        count: String(claims.length),
        days: String(limits.claimWindowDays),
        until: beijingMinute(new Date(oldest.getTime() + limits.claimWindowDays * DAY)),
      },
    );
}

/**
 * When each registration from `ip` since `since` was recorded, oldest first: the audit trail's
 * `account.registered` entries, which carry the caller's address (the partial index of 0049).
 */
async function registrationsFrom(db: Kysely<Database>, ip: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('audit_entry')
    .select('at')
    .where('action', '=', 'account.registered')
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

/** When each unbound account claiming `subject` since `since` was created, oldest first. */
async function unboundClaims(db: Kysely<Database>, subject: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('account')
    .select('created_at')
    .where('claimed_subject_hmac', '=', subject)
    .where('bound_at', 'is', null)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.created_at);
}
