import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError, RateLimited } from '../http/errors.js';
import { explainsItself } from '../http/said.js';
import { assertRegionInScope } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { hasRole } from './account-service.js';
import type { IdentityStatus, IssueActivationCode } from './identity.schemas.js';
import type { OidcClaims } from './oidc.js';
import type { SmsSender } from './sms-sender.js';
import {
  bindTo,
  claimsRecord,
  findOrRegister,
  withUniqueBinding,
  type Account,
  type Subject,
} from './identity-records.js';

const MINUTE = 60_000;
/** A text-message code lives 10 minutes, may be asked for once a minute and 5 times a day, and allows 5 tries. */
const SMS = { lifeMinutes: 10, resendSeconds: 60, perDay: 5, tries: 5 } as const;
/** A counter code is handed over on paper and lives 7 days. */
const COUNTER_LIFE_DAYS = 7;
/** Wrong codes an account may enter in 24 hours before it must wait or go to a counter. */
const MAX_BIND_FAILURES = 10;
/** Counter codes: no 0/O, 1/I; 10 characters of 32 are 50 bits, beyond guessing at 10 tries a day. */
const COUNTER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

type Outcome<T> = { ok: T } | { error: AppError };

/**
 * Real-name binding (实名核验): an applicant account is tied to its registry record only by a proof
 * its holder controls — a code sent to the phone already on record, a code a counter clerk issues
 * after seeing the ID card or business licence, or the province's unified identity service. A
 * record already bound moves to another account only through a counter code issued with a reason.
 */
export class IdentityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly sms: SmsSender,
    readonly oidcEnabled: boolean,
  ) {}

  async status(actor: Actor): Promise<IdentityStatus> {
    const account = await this.db
      .selectFrom('account')
      .selectAll()
      .where('id', '=', actor.accountId)
      .executeTakeFirstOrThrow();
    const methods = { sms: account.claimed_kind === 'person', counter: true, oidc: this.oidcEnabled };
    if (account.person_id) {
      const p = await this.db
        .selectFrom('person')
        .select(['name', 'id_number_masked'])
        .where('id', '=', account.person_id)
        .executeTakeFirstOrThrow();
      return {
        bound: true,
        kind: 'person',
        name: p.name,
        subjectMasked: p.id_number_masked,
        via: account.bound_via,
        boundAt: account.bound_at?.toISOString() ?? null,
        methods,
        smsSender: this.sms.kind,
      };
    }
    if (account.organisation_id) {
      const o = await this.db
        .selectFrom('organisation')
        .select(['name', 'credit_code'])
        .where('id', '=', account.organisation_id)
        .executeTakeFirstOrThrow();
      return {
        bound: true,
        kind: 'organisation',
        name: o.name,
        subjectMasked: `${o.credit_code.slice(0, 6)}********${o.credit_code.slice(-4)}`,
        via: account.bound_via,
        boundAt: account.bound_at?.toISOString() ?? null,
        methods,
        smsSender: this.sms.kind,
      };
    }
    return {
      bound: false,
      kind: account.claimed_kind,
      name: account.claimed_name ?? account.display_name,
      subjectMasked: null,
      via: null,
      boundAt: null,
      methods,
      smsSender: this.sms.kind,
    };
  }

  /**
   * Sends a code to the phone on record for the identity the account claims. The answer is the
   * same whether or not a record, a matching name or a phone exists: only the holder of that phone
   * learns anything.
   */
  async requestSmsCode(actor: Actor): Promise<{ resendAfterSeconds: number }> {
    const now = this.clock.now();
    const message = await this.db.transaction().execute(async (trx) => {
      const account = await this.lockUnbound(trx, actor);
      if (account.claimed_kind !== 'person') throw new AppError('SMS_ONLY_FOR_PEOPLE', 422, 'method');
      const recent = await trx
        .selectFrom('identity_code')
        .select('issued_at')
        .where('account_id', '=', account.id)
        .where('via', '=', 'sms')
        .where('issued_at', '>', new Date(now.getTime() - 24 * 60 * MINUTE))
        .orderBy('issued_at', 'desc')
        .execute();
      const last = recent[0]?.issued_at;
      if (last && now.getTime() - last.getTime() < SMS.resendSeconds * 1000) {
        const seconds = Math.ceil((SMS.resendSeconds * 1000 - (now.getTime() - last.getTime())) / 1000);
        throw new RateLimited('CODE_RATE_LIMITED', seconds, undefined, { seconds: String(seconds) });
      }
      // The day's first code leaves the 24 hours first: then one more may be sent.
      const first = recent[SMS.perDay - 1]?.issued_at;
      if (first) throw new RateLimited('CODE_DAILY_LIMIT', (first.getTime() + 24 * 60 * MINUTE - now.getTime()) / 1000);
      const person = await trx
        .selectFrom('person')
        .select(['id', 'name', 'phone_cipher', 'region_code'])
        .where('id_number_hmac', '=', account.claimed_subject_hmac ?? '')
        .executeTakeFirst();
      if (!person || person.name !== account.claimed_name || !person.phone_cipher) return null;
      // The day's limit holds per person too: anyone may register accounts claiming an identity,
      // and each would otherwise send that phone its own five codes (and bring its own guesses).
      // Past it nothing is sent, with the same answer, as for a record not found.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sms-code:${person.id}`}, 0))`.execute(trx);
      const sentToPerson = await trx
        .selectFrom('identity_code')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('person_id', '=', person.id)
        .where('via', '=', 'sms')
        .where('issued_at', '>', new Date(now.getTime() - 24 * 60 * MINUTE))
        .executeTakeFirstOrThrow();
      if (Number(sentToPerson.n) >= SMS.perDay) return null;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await trx
        .insertInto('identity_code')
        .values({
          via: 'sms',
          code_hmac: this.codeHash(code, account.id),
          account_id: account.id,
          person_id: person.id,
          issued_at: now,
          expires_at: new Date(now.getTime() + SMS.lifeMinutes * MINUTE),
        })
        .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'identity.sms-code-sent',
        entityType: 'account',
        entityId: account.id,
        regionCode: person.region_code,
      });
      return { phone: this.vault.decrypt(person.phone_cipher), regionCode: person.region_code, code };
    });
    if (message) {
      await this.sms.send({
        phone: message.phone,
        regionCode: message.regionCode,
        body: `【惠民就业补贴】您正在进行账号实名核验，验证码 ${message.code}，${SMS.lifeMinutes} 分钟内有效。如非本人操作，请勿告知他人。`,
      });
    }
    return { resendAfterSeconds: SMS.resendSeconds };
  }

  /** Binds the caller's account with a text-message code (6 digits) or a counter activation code. */
  async bind(actor: Actor, rawCode: string): Promise<IdentityStatus> {
    const code = rawCode.replace(/[\s-]/g, '').toUpperCase();
    const outcome = await withUniqueBinding(() =>
      this.db.transaction().execute(async (trx): Promise<Outcome<true>> => {
        const account = await this.lockUnbound(trx, actor);
        const now = this.clock.now();
        const recentFailures =
          account.bind_failed_at && now.getTime() - account.bind_failed_at.getTime() < 24 * 60 * MINUTE
            ? account.bind_failures
            : 0;
        if (recentFailures >= MAX_BIND_FAILURES && account.bind_failed_at) {
          const freeAt = account.bind_failed_at.getTime() + 24 * 60 * MINUTE;
          return {
            error: new RateLimited('BIND_ATTEMPTS_EXCEEDED', (freeAt - now.getTime()) / 1000, 'verificationCode'),
          };
        }
        const failed = async (error: AppError): Promise<Outcome<true>> => {
          await trx
            .updateTable('account')
            .set({ bind_failures: recentFailures + 1, bind_failed_at: now })
            .where('id', '=', account.id)
            .execute();
          return { error };
        };
        const found = /^\d{6}$/.test(code) ? await this.smsCode(trx, account, code) : await this.counterCode(trx, code);
        if (!found) return failed(new AppError('INVALID_CODE', 422, 'verificationCode'));
        const subject: Subject = found.person_id
          ? { kind: 'person', id: found.person_id }
          : { kind: 'organisation', id: found.organisation_id ?? '' };
        if (!(await claimsRecord(trx, account, subject)))
          return failed(new AppError('CODE_NOT_FOR_THIS_ACCOUNT', 422, 'verificationCode'));
        await trx
          .updateTable('identity_code')
          .set({ used_at: now, used_by: account.id })
          .where('id', '=', found.id)
          .execute();
        await bindTo(trx, this.vault, this.clock.now(), actor, account, subject, found.via, found.rebind_reason);
        return { ok: true };
      }),
    );
    if ('error' in outcome) throw outcome.error;
    return this.status(actor);
  }

  /**
   * A counter clerk has seen the ID card (or the business licence and the legal representative's
   * card) and issues a code for that record, creating it in the registry when it is new. A record
   * bound to another account needs the reason the clerk verified; the code then moves it.
   */
  async issueActivationCode(
    clerk: Actor,
    input: IssueActivationCode,
  ): Promise<{ code: string; expiresAt: string; rebind: boolean }> {
    await assertRegionInScope(this.db, clerk.regionCode, input.regionCode, 'regionCode');
    const now = this.clock.now();
    const code = Array.from({ length: 10 }, () => COUNTER_ALPHABET[randomInt(0, COUNTER_ALPHABET.length)]).join('');
    const rebind = await this.db.transaction().execute(async (trx) => {
      const subject = await findOrRegister(trx, this.vault, clerk, input);
      const bound = await trx
        .selectFrom('account')
        .select('id')
        .where(subject.kind === 'person' ? 'person_id' : 'organisation_id', '=', subject.id)
        .where(hasRole('applicant'))
        .executeTakeFirst();
      const reason = input.reason?.trim();
      if (bound && !reason) throw new AppError('REBIND_REASON_REQUIRED', 409, 'reason');
      if (bound && !explainsItself(reason)) throw new AppError('REASON_TOO_BRIEF', 400, 'reason');
      // A new code replaces any earlier one still unused for the same record.
      await trx
        .updateTable('identity_code')
        .set({ expires_at: now })
        .where('via', '=', 'counter')
        .where('used_at', 'is', null)
        .where(subject.kind === 'person' ? 'person_id' : 'organisation_id', '=', subject.id)
        .execute();
      await trx
        .insertInto('identity_code')
        .values({
          via: 'counter',
          code_hmac: this.codeHash(code),
          person_id: subject.kind === 'person' ? subject.id : null,
          organisation_id: subject.kind === 'organisation' ? subject.id : null,
          rebind_reason: bound ? (reason ?? null) : null,
          issued_by: clerk.accountId,
          issued_at: now,
          expires_at: new Date(now.getTime() + COUNTER_LIFE_DAYS * 24 * 60 * MINUTE),
        })
        .execute();
      await appendAudit(trx, this.vault, {
        actor: clerk,
        action: 'identity.activation-code-issued',
        entityType: subject.kind,
        entityId: subject.id,
        regionCode: input.regionCode,
        after: { rebind: Boolean(bound), ...(bound ? { reason } : {}) },
      });
      return Boolean(bound);
    });
    return {
      code: `${code.slice(0, 5)}-${code.slice(5)}`,
      expiresAt: new Date(now.getTime() + COUNTER_LIFE_DAYS * 24 * 60 * MINUTE).toISOString(),
      rebind,
    };
  }

  /** Binds with what the province's identity service asserted; a record it vouches for is registered if new. */
  async bindVerified(actor: Actor, claims: OidcClaims): Promise<IdentityStatus> {
    const outcome = await withUniqueBinding(() =>
      this.db.transaction().execute(async (trx): Promise<Outcome<true>> => {
        const account = await this.lockUnbound(trx, actor);
        const subject = await findOrRegister(
          trx,
          this.vault,
          actor,
          { ...claims, regionCode: account.region_code },
          { trusted: true },
        );
        if (!(await claimsRecord(trx, account, subject))) return { error: new AppError('OIDC_IDENTITY_MISMATCH', 422) };
        await bindTo(trx, this.vault, this.clock.now(), actor, account, subject, 'oidc', null);
        return { ok: true };
      }),
    );
    if ('error' in outcome) throw outcome.error;
    return this.status(actor);
  }

  /** The caller's applicant account, locked so concurrent requests for it queue; refused once bound. */
  async lockUnbound(trx: Transaction<Database>, actor: Actor): Promise<Account> {
    const account = await trx
      .selectFrom('account')
      .selectAll()
      .where('id', '=', actor.accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (account.person_id || account.organisation_id) throw new AppError('IDENTITY_ALREADY_BOUND', 409);
    if (!account.claimed_kind || !account.claimed_subject_hmac) throw new AppError('IDENTITY_CLAIM_MISSING', 409);
    return account;
  }

  private codeHash(code: string, accountId = ''): string {
    return this.vault.lookupHash('one-time-code', `${accountId}:${code}`);
  }

  /** The account's newest live text-message code, if this is it; a wrong guess uses up one of its tries. */
  private async smsCode(trx: Transaction<Database>, account: Account, code: string) {
    const live = await trx
      .selectFrom('identity_code')
      .selectAll()
      .where('account_id', '=', account.id)
      .where('via', '=', 'sms')
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.clock.now())
      .orderBy('issued_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!live || live.attempts >= SMS.tries) return undefined;
    if (live.code_hmac === this.codeHash(code, account.id)) return live;
    await trx
      .updateTable('identity_code')
      .set({ attempts: live.attempts + 1 })
      .where('id', '=', live.id)
      .execute();
    return undefined;
  }

  private async counterCode(trx: Transaction<Database>, code: string) {
    return trx
      .selectFrom('identity_code')
      .selectAll()
      .where('via', '=', 'counter')
      .where('code_hmac', '=', this.codeHash(code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', this.clock.now())
      .executeTakeFirst();
  }
}
