import type { PolicyEngine } from '@huimin/policy';
import type { Kysely } from 'kysely';
import pLimit from 'p-limit';
import type { SmsSender } from '../accounts/sms-sender.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { PolicyService } from '../policies/policy-service.js';
import type { Vault } from '../security/vault.js';
import { announceEndedSweeps, pendingTexts, type PendingText } from './notification-repository.js';
import { noticeText, smsText, type NoticeWords } from './notification-texts.js';
import type { NotificationListT } from './notifications.schemas.js';

/** An offer's message names its amount as the offer holds it now (a hire offer's grows with its hires). */
const offerParams = (params: Record<string, string>, offerAmountFen: string | null): Record<string, string> =>
  offerAmountFen === null ? params : { ...params, amountFen: offerAmountFen };

/** A text message is tried this many times before it is given up as failed. */
const SMS_TRIES = 5;
/** Messages a dispatch sends before it hands the worker back (a tick's work is bounded). */
const DISPATCH_MOST = 20_000;
/** Messages waiting on the gateway at once unless the operator says (HUIMIN_SMS_IN_FLIGHT): a gateway answers each in tens of milliseconds. */
const SMS_IN_FLIGHT = 8;

/**
 * Notifications to applicants (消息提醒): what happened to their application and what to do next,
 * in their message list and by text message to the phone on record, through the same sender as
 * identity codes. Messages are addressed to the person or unit, not to an account.
 */
export class NotificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly sms: SmsSender,
  ) {}

  /** The caller's own messages, newest first, in the caller's language. */
  async list(
    actor: Actor,
    language: 'zh' | 'en',
    q: { unread?: boolean; limit?: number; offset?: number },
  ): Promise<NotificationListT> {
    const own = this.db
      .selectFrom('notification as n')
      .where((eb) =>
        actor.personId
          ? eb('n.person_id', '=', actor.personId)
          : eb('n.organisation_id', '=', actor.organisationId ?? NO_ONE),
      );
    const counts = await own
      .select((eb) => [
        eb.fn.countAll<string>().as('total'),
        eb.fn.count<string>('n.id').filterWhere('n.read_at', 'is', null).as('unread'),
      ])
      .executeTakeFirstOrThrow();
    const rows = await (q.unread ? own.where('n.read_at', 'is', null) : own)
      .leftJoin('offer as o', 'o.id', 'n.offer_id')
      // The application a message is about, or the one its offer became once confirmed or filed.
      .leftJoin('application as a', (join) =>
        join.on((eb) => eb('a.id', '=', eb.fn.coalesce('n.application_id', 'o.application_id'))),
      )
      .select((eb) => [
        'n.id',
        'n.kind',
        'n.params',
        'n.created_at',
        'n.read_at',
        'a.id as application_id',
        'a.number',
        'o.id as offer_id',
        'n.referral_id',
        'n.loan_id',
        'o.amount_fen as offer_amount_fen',
        eb.fn.coalesce('a.subsidy_id', 'o.subsidy_id').as('subsidy_id'),
      ])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(q.limit ?? 20)
      .offset(q.offset ?? 0)
      .execute();
    const engine = await this.policies.engine();
    return {
      total: Number(counts.total),
      unread: Number(counts.unread),
      notifications: rows.map((r) => {
        const subsidy = engine.subsidy(r.subsidy_id ?? '')?.name[language] ?? r.subsidy_id ?? '';
        return {
          id: r.id,
          kind: r.kind,
          ...(r.application_id && r.number ? { applicationId: r.application_id, applicationNumber: r.number } : {}),
          ...(r.offer_id ? { offerId: r.offer_id } : {}),
          ...(r.referral_id ? { referralId: r.referral_id } : {}),
          ...(r.loan_id ? { loanId: r.loan_id } : {}),
          message: noticeText(r.kind, language, {
            number: r.number ?? '',
            subsidy,
            params: offerParams(r.params, r.offer_amount_fen),
          }),
          createdAt: r.created_at.toISOString(),
          ...(r.read_at ? { readAt: r.read_at.toISOString() } : {}),
        };
      }),
    };
  }

  /** Marks one of the caller's messages read (again is harmless); another's is not found. */
  async markRead(actor: Actor, id: string): Promise<void> {
    const found = await this.db
      .updateTable('notification')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(this.clock.now())) }))
      .where('id', '=', id)
      .where((eb) =>
        actor.personId
          ? eb('person_id', '=', actor.personId)
          : eb('organisation_id', '=', actor.organisationId ?? NO_ONE),
      )
      .executeTakeFirst();
    if (Number(found.numUpdatedRows) === 0) throw new AppError('NOTIFICATION_NOT_FOUND', 404);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    const result = await this.db
      .updateTable('notification')
      .set({ read_at: this.clock.now() })
      .where('read_at', 'is', null)
      .where((eb) =>
        actor.personId
          ? eb('person_id', '=', actor.personId)
          : eb('organisation_id', '=', actor.organisationId ?? NO_ONE),
      )
      .executeTakeFirst();
    return { updated: Number(result.numUpdatedRows) };
  }

  /**
   * Announces the offers of sweeps that have ended (免申即享): the notification job's first step, so
   * a sweep's messages follow it within a tick and never hold up the sweep itself (decision 016).
   */
  announceEndedSweeps(): Promise<{ sweeps: number; messages: number }> {
    return announceEndedSweeps(this.db);
  }

  /**
   * Sends pending text messages, oldest first, until none is left or `most` have been tried: a
   * sweep's hundred thousand offers go out as fast as the gateway takes them, not a fixed 200 a
   * tick (at most `inFlight` at once, each waiting on the gateway's answer). Each message is tried
   * at most once a dispatch: the queue is walked past the last one read, so one the gateway refused
   * waits for the next dispatch rather than being retried at once. Each is claimed by raising its
   * attempt count where it still has the count read, so two dispatchers never send one message at
   * once; a message sent but not yet marked when the process dies is sent again (at least once,
   * never lost).
   */
  async dispatchPending(
    options: { chunk?: number; most?: number; inFlight?: number } = {},
  ): Promise<{ sent: number; none: number; failed: number }> {
    const { chunk = 200, most = DISPATCH_MOST, inFlight = SMS_IN_FLIGHT } = options;
    const outcome = { sent: 0, none: 0, failed: 0 };
    const limit = pLimit(inFlight);
    let after: PendingText | undefined;
    for (let tried = 0; tried < most;) {
      const pending = await pendingTexts(this.db, after, Math.min(chunk, most - tried));
      if (pending.length === 0) break;
      const engine = await this.policies.engine();
      const outcomes = await Promise.all(pending.map((n) => limit(() => this.dispatchOne(n, engine))));
      for (const o of outcomes) if (o !== 'claimed-elsewhere' && o !== 'retry') outcome[o]++;
      tried += pending.length;
      after = pending[pending.length - 1];
      if (pending.length < chunk) break;
    }
    return outcome;
  }

  private async dispatchOne(
    n: PendingText,
    engine: PolicyEngine,
  ): Promise<'sent' | 'none' | 'failed' | 'retry' | 'claimed-elsewhere'> {
    const claimed = await this.db
      .updateTable('notification')
      .set({ sms_attempts: n.sms_attempts + 1 })
      .where('id', '=', n.id)
      .where('sms_state', '=', 'pending')
      .where('sms_attempts', '=', n.sms_attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return 'claimed-elsewhere';
    if (!n.phone_cipher || !n.region_code) {
      await this.settle(n.id, 'none');
      return 'none';
    }
    const words: NoticeWords = {
      number: n.number ?? '',
      subsidy: engine.subsidy(n.subsidy_id ?? '')?.name.zh ?? n.subsidy_id ?? '',
      params: offerParams(n.params, n.offer_amount_fen),
    };
    try {
      await this.sms.send({
        phone: this.vault.decrypt(n.phone_cipher),
        body: smsText(n.kind, words),
        regionCode: n.region_code,
      });
    } catch {
      // The gateway refused or timed out: tried again by the next dispatch, up to SMS_TRIES.
      if (n.sms_attempts + 1 < SMS_TRIES) return 'retry';
      await this.settle(n.id, 'failed');
      return 'failed';
    }
    await this.settle(n.id, 'sent');
    return 'sent';
  }

  private async settle(id: string, state: 'sent' | 'none' | 'failed'): Promise<void> {
    await this.db
      .updateTable('notification')
      .set({ sms_state: state, ...(state === 'sent' ? { sms_sent_at: this.clock.now() } : {}) })
      .where('id', '=', id)
      .execute();
  }
}
