import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { NotificationKind } from '../db/tables/notifications.js';
import { regionRange } from '../regions/region-scope.js';

/** One event in an application's life that its applicant is told about. */
export interface ApplicationNotice {
  readonly applicationId: string;
  readonly personId: string | null;
  readonly organisationId: string | null;
  readonly kind: NotificationKind;
  /** Named in the message: the clerk's reason, an amount in fen, a date. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Records a notice inside the transaction that made the event, so the two stand or fall together.
 * Only a person has a phone on record; a unit's notice is read in its message list.
 */
export async function recordNotice(trx: Transaction<Database>, notice: ApplicationNotice): Promise<void> {
  await trx
    .insertInto('notification')
    .values({
      application_id: notice.applicationId,
      person_id: notice.personId,
      organisation_id: notice.personId ? null : notice.organisationId,
      kind: notice.kind,
      params: JSON.stringify(notice.params),
      sms_state: notice.personId ? 'pending' : 'none',
    })
    .execute();
}

/** "Paid" for many applications at once, set-based, inside the payment batch's transaction. */
export async function recordPaidInBulk(trx: Transaction<Database>, applicationIds: readonly string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await sql`
    insert into notification (application_id, person_id, organisation_id, kind, params, sms_state)
    select a.id, a.person_id, case when a.person_id is null then a.organisation_id end, 'paid',
           jsonb_strip_nulls(jsonb_build_object(
             'amountFen', coalesce(a.amount_fen::text, '0'),
             'payee', case when a.payee_organisation_id is not null
                           then (select o.name from organisation o where o.id = a.payee_organisation_id) end)),
           case when a.person_id is null then 'none' else 'pending' end
    from unnest(${sql.val([...applicationIds])}::uuid[]) as v(id)
    -- One index lookup per application (offset 0 keeps the planner from scanning the table instead),
    -- reading only the columns used: the whole row costs the embedded database a tenth of the insert.
    cross join lateral (select x.id, x.person_id, x.organisation_id, x.amount_fen, x.payee_organisation_id from application x where x.id = v.id offset 0) a`.execute(
    trx,
  );
}

/**
 * Announces the offers of sweeps that have ended and are not yet announced, oldest first, each
 * sweep in one transaction with its mark in `sweep_announcement`: of two workers at once, the one
 * that claims a sweep announces it and the other waits on the claim and skips it; a crash leaves
 * the sweep to the next run. How many sweeps and messages.
 */
export async function announceEndedSweeps(
  db: Kysely<Database>,
  limit = 5,
): Promise<{ sweeps: number; messages: number }> {
  const ended = await db
    .selectFrom('sweep_job as s')
    .select(['s.id', 's.region_code'])
    .where('s.state', '=', 'done')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('sweep_announcement as a').select('a.sweep_job_id').whereRef('a.sweep_job_id', '=', 's.id')),
      ),
    )
    .orderBy('s.finished_at')
    .limit(limit)
    .execute();
  const outcome = { sweeps: 0, messages: 0 };
  for (const sweep of ended) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('sweep_announcement')
        .values({ sweep_job_id: sweep.id, messages: 0 })
        .onConflict((oc) => oc.column('sweep_job_id').doNothing())
        .returning('sweep_job_id')
        .executeTakeFirst();
      if (!claimed) return;
      const messages = await recordOffersMade(trx, sweep.id, regionRange(sweep.region_code));
      await trx.updateTable('sweep_announcement').set({ messages }).where('sweep_job_id', '=', sweep.id).execute();
      outcome.sweeps++;
      outcome.messages += messages;
    });
  }
  return outcome;
}

/**
 * "Offered" for each offer a sweep made that is still open (免申即享: the person is told, not left
 * to find it), set-based. The sweep's region bounds the read to an index (offer_region_state); an
 * offer already announced is skipped. What the message names is read from the offer when shown.
 */
export async function recordOffersMade(
  trx: Transaction<Database>,
  sweepJobId: string,
  region: { readonly low: string; readonly high: string },
): Promise<number> {
  const result = await sql`
    insert into notification (offer_id, person_id, organisation_id, kind, sms_state)
    select o.id, o.person_id, case when o.person_id is null then o.organisation_id end, 'offered',
           case when o.person_id is null then 'none' else 'pending' end
      from offer o
     where o.region_code between ${region.low} and ${region.high} and o.state = 'open'
       and o.sweep_job_id = ${sweepJobId}
    on conflict (offer_id) where offer_id is not null do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** "Offered" for one offer, in the transaction that made it (a unit's offer after a hire). */
export async function recordOfferNotice(
  trx: Transaction<Database>,
  offer: { readonly id: string; readonly personId: string | null; readonly organisationId: string | null },
): Promise<void> {
  await trx
    .insertInto('notification')
    .values({
      offer_id: offer.id,
      application_id: null,
      person_id: offer.personId,
      organisation_id: offer.personId ? null : offer.organisationId,
      kind: 'offered',
      params: JSON.stringify({}),
      sms_state: offer.personId ? 'pending' : 'none',
    })
    .onConflict((oc) => oc.column('offer_id').where('offer_id', 'is not', null).doNothing())
    .execute();
}

/**
 * "Referred" for a person referred to a job (岗位推荐), in the transaction that made the referral,
 * naming the job and the unit as they are now: the message says what the person was referred to.
 */
export async function recordReferralNotice(
  trx: Transaction<Database>,
  referral: { readonly id: string; readonly personId: string; readonly posting: string; readonly employer: string },
): Promise<void> {
  await trx
    .insertInto('notification')
    .values({
      referral_id: referral.id,
      application_id: null,
      offer_id: null,
      person_id: referral.personId,
      organisation_id: null,
      kind: 'referred',
      params: JSON.stringify({ posting: referral.posting, employer: referral.employer }),
      sms_state: 'pending',
    })
    .execute();
}

/** What a borrower is told of a step on their loan (kind 'loan'): the words, as the loan was then. */
export interface LoanNotice {
  readonly loanId: string;
  readonly personId: string | null;
  readonly organisationId: string | null;
  /** The loan's number, the state it reached, and the reason or the amount lent where there is one. */
  readonly params: Readonly<Record<string, string>>;
}

/** "Your loan was qualified / guaranteed / lent, or refused", in the transaction of the step itself. */
export async function recordLoanNotice(trx: Transaction<Database>, notice: LoanNotice): Promise<void> {
  await trx
    .insertInto('notification')
    .values({
      loan_id: notice.loanId,
      application_id: null,
      person_id: notice.personId,
      organisation_id: notice.personId ? null : notice.organisationId,
      kind: 'loan',
      params: JSON.stringify(notice.params),
      sms_state: notice.personId ? 'pending' : 'none',
    })
    .execute();
}

/** A message whose text is yet to be sent, with what its words are made of. */
export interface PendingText {
  readonly id: string;
  /** Exact to the microsecond, as text: the walk's place (a `Date` would cut it to the millisecond). */
  readonly created_at: string;
  readonly kind: NotificationKind;
  readonly params: Record<string, string>;
  readonly sms_attempts: number;
  readonly number: string | null;
  readonly offer_amount_fen: string | null;
  readonly subsidy_id: string | null;
  readonly phone_cipher: string | null;
  readonly region_code: string | null;
}

/**
 * The next pending text messages after `after` in the order they were written (a sweep's messages
 * share one instant, so the id breaks ties). Messages settled leave the pending index, so walking it
 * costs what is still pending, not what was sent.
 */
export async function pendingTexts(
  db: Kysely<Database>,
  after: Pick<PendingText, 'created_at' | 'id'> | undefined,
  limit: number,
): Promise<PendingText[]> {
  let q = db
    .selectFrom('notification as n')
    .leftJoin('application as a', 'a.id', 'n.application_id')
    .leftJoin('offer as o', 'o.id', 'n.offer_id')
    .leftJoin('person as p', 'p.id', 'n.person_id')
    .select((eb) => [
      'n.id',
      sql<string>`n.created_at::text`.as('created_at'),
      'n.kind',
      'n.params',
      'n.sms_attempts',
      'a.number',
      'o.amount_fen as offer_amount_fen',
      eb.fn.coalesce('a.subsidy_id', 'o.subsidy_id').as('subsidy_id'),
      'p.phone_cipher',
      'p.region_code',
    ])
    .where('n.sms_state', '=', 'pending');
  if (after) q = q.where(sql<boolean>`(n.created_at, n.id) > (${after.created_at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy('n.created_at').orderBy('n.id').limit(limit).execute();
}
