import type { Generated } from 'kysely';
import type { CreatedAt, Json } from './columns.js';

/** Notifications to applicants (消息通知), owned by the notifications module. */

export type NotificationKind =
  | 'filed-for-you'
  | 'accepted'
  | 'returned'
  | 'not-accepted'
  | 'rejected'
  | 'approved'
  | 'publicised'
  | 'paid'
  | 'payment-failed'
  | 'revoked'
  /** An offer made to them (免申即享, migration 0050): about the offer, not an application. */
  | 'offered'
  /** A job they were referred to (岗位推荐, migration 0054): about the referral. */
  | 'referred'
  /** A decision on their 创业担保贷款 (migration 0057): about the loan, saying the state it reached. */
  | 'loan';

export interface NotificationTable {
  id: Generated<string>;
  /** What the message is about, exactly one: an application, an offer (kind 'offered'), a referral (kind 'referred') or a loan (kind 'loan'). */
  application_id: string | null;
  offer_id: string | null;
  referral_id: string | null;
  loan_id: string | null;
  person_id: string | null;
  organisation_id: string | null;
  kind: NotificationKind;
  /** What the message names besides the application: amounts in fen, dates, the clerk's reason. */
  params: Json<Record<string, string>>;
  created_at: CreatedAt;
  read_at: Date | null;
  sms_state: 'pending' | 'sent' | 'none' | 'failed';
  sms_attempts: Generated<number>;
  sms_sent_at: Date | null;
}

/** A sweep whose offers have been announced (migration 0050): once, by the worker that claims it. */
export interface SweepAnnouncementTable {
  sweep_job_id: string;
  /** How many messages it made: the offers still open when it was announced. */
  messages: number;
  announced_at: CreatedAt;
}
