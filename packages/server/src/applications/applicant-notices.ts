import type { Selectable } from 'kysely';
import type { ApplicationTable } from '../db/schema.js';
import type { NotificationKind } from '../db/tables/notifications.js';
import type { ApplicationNotice } from '../notifications/notification-repository.js';
import type { Action } from './workflow.js';

/** The steps an applicant is told about; their own steps (submit, withdraw) and internal ones are not. */
const KIND_OF: Partial<Record<Action, NotificationKind>> = {
  prepare: 'filed-for-you',
  accept: 'accepted',
  return: 'returned',
  lapse: 'returned',
  'not-accept': 'not-accepted',
  reject: 'rejected',
  approve: 'approved',
  publicise: 'publicised',
  pay: 'paid',
  bounce: 'payment-failed',
  revoke: 'revoked',
};

/** What the applicant is told about one transition, with what its message names. */
export function noticeOf(
  action: Action,
  app: Selectable<ApplicationTable>,
  changes: { amount_fen?: string | null; publicity_ends_on?: string | null },
  reason: string | undefined,
  /** Paid into this unit's account instead of the applicant's. */
  payee?: string,
): ApplicationNotice | undefined {
  const kind = KIND_OF[action];
  if (!kind) return undefined;
  const amountFen = changes.amount_fen ?? app.amount_fen;
  const publicityEndsOn = changes.publicity_ends_on ?? app.publicity_ends_on;
  return {
    applicationId: app.id,
    personId: app.person_id,
    organisationId: app.organisation_id,
    kind,
    params: {
      ...(reason ? { reason } : {}),
      ...(amountFen !== null && amountFen !== undefined ? { amountFen: String(amountFen) } : {}),
      ...(publicityEndsOn ? { publicityEndsOn: String(publicityEndsOn) } : {}),
      ...(payee ? { payee } : {}),
    },
  };
}
