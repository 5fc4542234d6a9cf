import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import { recordReferralNotice } from '../../notifications/notification-repository.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import type { RegistrationService } from '../registration/registration-service.js';
import type { AnswerInput, OwnReferralView, ReferralView } from './labour-market.schemas.js';
import { findEmployer, findPosting } from './posting-repository.js';
import {
  answerReferral,
  findReferral,
  insertReferral,
  logOnOpenCases,
  noteRegistration,
  referralsInRange,
  referralsOfPerson,
  referralsOfUnit,
  type ReferralRow,
} from './referral-repository.js';
import { findPersonRecord } from './seeker-repository.js';
import type { PostingService } from './posting-service.js';
import type { SeekerService } from './seeker-service.js';

/**
 * What a hire starts outside the labour market: the hiring unit's subsidy offers (政策找人), which are
 * the proactive module's; the composition root hands its function in. Called once the hire is
 * committed, as the unit.
 */
export type HireStarted = (
  actor: Actor,
  hire: {
    organisationId: string;
    personId: string;
    hiredOn: string;
    source: { kind: 'referral' | 'registration'; id: string };
  },
) => Promise<unknown>;

/**
 * Which answers may follow which: an interview may come first; a hire or a refusal ends it, and so
 * does the person declining it (declined), which they may do until the unit has hired or refused.
 */
const NEXT: Record<string, readonly string[]> = {
  referred: ['interview', 'hired', 'refused', 'declined'],
  interview: ['hired', 'refused', 'declined'],
};

/**
 * Referrals (岗位推荐): a clerk or case worker refers a seeker to an open posting — once per seeker
 * and posting (a unique constraint, so two at once give one and the other is told) — and the unit
 * answers: an interview, a hire, or a refusal with its reason. A hire registers the employment
 * (就业登记) through the registration service, as the unit's own act (用人单位 办理就业登记); where
 * that cannot be done (the person lives outside the unit's county, or is already registered
 * employed), the hire stands and the reason is kept for a clerk. A referral of someone with an open
 * assistance case is logged on the case as a referral contact (川办发〔2024〕34号 (十四): 3 referrals).
 * The person is told of the referral in their messages and by text, sees it in their job search,
 * and may decline it with a reason.
 */
export class ReferralService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly seekers: SeekerService,
    private readonly postings: PostingService,
    private readonly registrations: RegistrationService,
    private readonly hireStarted?: HireStarted,
  ) {}

  async refer(actor: Actor, input: { seekerId: string; postingId: string; note: string }): Promise<ReferralView> {
    const seeker = await this.seekers.inScope(actor, input.seekerId).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError('SEEKER_NOT_FOUND', 404, 'seekerId') : error;
    });
    const posting = await findPosting(this.db, input.postingId);
    if (!posting || posting.state === 'submitted' || posting.state === 'refused')
      throw new AppError('POSTING_NOT_FOUND', 404, 'postingId');
    const today = this.clock.today();
    if (posting.state !== 'published' || posting.valid_to < today || posting.valid_from > today)
      throw new AppError('POSTING_NOT_OPEN', 400, 'postingId', { date: posting.valid_to });
    const id = await this.inTransaction(async (trx) => {
      const id = await insertReferral(trx, {
        posting_id: posting.id,
        seeker_id: seeker.id,
        referred_by: actor.accountId,
        referred_on: today,
        note: input.note.trim(),
        state: 'referred',
      });
      await logOnOpenCases(trx, seeker.person_id, {
        happened_on: today,
        note: `岗位推荐：${posting.organisation_name} ${posting.title}`.slice(0, 500),
        posting_id: posting.id,
        recorded_by: actor.accountId,
      });
      await recordReferralNotice(trx, {
        id,
        personId: seeker.person_id,
        posting: posting.title,
        employer: posting.organisation_name,
      });
      await appendAudit(trx, this.vault, {
        actor,
        action: 'labour-market.referred',
        entityType: 'job_referral',
        entityId: id,
        regionCode: posting.region_code,
        after: input,
      });
      return id;
    });
    return this.view(id);
  }

  /** The unit answers a referral to one of its postings. */
  async answer(actor: Actor, id: string, input: AnswerInput): Promise<ReferralView> {
    const found = await findReferral(this.db, id);
    if (!found || !actor.organisationId || found.organisation_id !== actor.organisationId)
      throw new AppError('REFERRAL_NOT_FOUND', 404);
    if (input.answer === 'refused' && !input.reason) throw new AppError('REQUIRED_FIELD', 400, 'reason');
    const today = this.clock.today();
    const hiredOn = input.answer === 'hired' ? (input.hiredOn ?? today) : null;
    if (hiredOn && hiredOn > today) throw new AppError('DATE_IN_FUTURE', 400, 'hiredOn');
    if (hiredOn && hiredOn < found.referred_on)
      throw new AppError('DATES_REVERSED', 400, 'hiredOn', { date: found.referred_on });
    await this.move(actor, found, { state: input.answer, reason: input.reason?.trim() ?? null, hiredOn }, input);
    if (hiredOn) {
      await this.registerHire(actor, found, hiredOn);
      // The unit may now claim a hiring subsidy for this person: offered without applying (政策找人).
      await this.hireStarted?.(actor, {
        organisationId: found.organisation_id,
        personId: found.person_id,
        hiredOn,
        source: { kind: 'referral', id },
      });
    }
    return this.view(id);
  }

  /**
   * The person declines a referral made for them (不考虑该岗位), with their reason, while the unit has
   * neither hired nor refused; the unit then can no longer answer it.
   */
  async decline(actor: Actor, id: string, input: { reason: string }): Promise<OwnReferralView> {
    const found = await findReferral(this.db, id);
    if (!found || !actor.personId || found.person_id !== actor.personId) throw new AppError('REFERRAL_NOT_FOUND', 404);
    const reason = input.reason.trim();
    if (!reason) throw new AppError('REQUIRED_FIELD', 400, 'reason');
    await this.move(actor, found, { state: 'declined', declinedReason: reason }, { reason });
    return this.ownView((await findReferral(this.db, id)) ?? found);
  }

  /** The referrals made for the caller as a job seeker, newest first, each with its job as it is now. */
  async ofMine(actor: Actor): Promise<OwnReferralView[]> {
    if (!actor.personId) return [];
    const rows = await referralsOfPerson(this.db, actor.personId);
    const postings = await this.postings.views([...new Set(rows.map((r) => r.posting_id))]);
    return rows.flatMap((r) => {
      const posting = postings.get(r.posting_id);
      return posting ? [{ ...view(r), posting }] : [];
    });
  }

  /** Moves a referral on from the state it was read in, audited; a second answer at once is told it came late. */
  private async move(
    actor: Actor,
    found: ReferralRow,
    to:
      | { state: 'interview' | 'hired' | 'refused'; reason: string | null; hiredOn: string | null }
      | { state: 'declined'; declinedReason: string },
    audited: object,
  ): Promise<void> {
    // Told under the field its caller sent: the unit's answer, or the person's reason.
    const late = () => new AppError('REFERRAL_ANSWERED', 409, to.state === 'declined' ? 'reason' : 'answer');
    if (!(NEXT[found.state] ?? []).includes(to.state)) throw late();
    await this.db.transaction().execute(async (trx) => {
      const today = this.clock.today();
      const moved = await answerReferral(
        trx,
        found.id,
        found.state,
        to.state === 'declined'
          ? { state: to.state, declined_reason: to.declinedReason, declined_on: today }
          : {
              state: to.state,
              reason: to.reason,
              answered_by: actor.accountId,
              answered_on: today,
              hired_on: to.hiredOn,
            },
      );
      if (!moved) throw late();
      await appendAudit(trx, this.vault, {
        actor,
        action: `labour-market.referral-${to.state}`,
        entityType: 'job_referral',
        entityId: found.id,
        regionCode: found.posting_region,
        after: audited,
      });
    });
  }

  private async ownView(r: ReferralRow): Promise<OwnReferralView> {
    return { ...view(r), posting: await this.postings.view(r.posting_id) };
  }

  /** 就业登记 for the hire, at the person's place of residence, with the unit's credit code. */
  private async registerHire(actor: Actor, r: ReferralRow, hiredOn: string): Promise<void> {
    const person = await findPersonRecord(this.db, r.person_id);
    const employer = await findEmployer(this.db, r.organisation_id);
    if (!person || !employer) return;
    try {
      const registration = await this.registrations.register(actor, {
        personId: person.id,
        kind: 'employment',
        employmentKind: 'labour-contract',
        employerCreditCode: employer.credit_code,
        regionCode: person.region_code,
        basis: 'residence',
        startsOn: hiredOn,
      });
      await noteRegistration(this.db, r.id, { registration_id: registration.id, registration_error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Left for a clerk at the counter: the hire is recorded, the registration is not.
      await noteRegistration(this.db, r.id, { registration_id: null, registration_error: error.code });
    }
  }

  async ofMyUnit(actor: Actor): Promise<ReferralView[]> {
    if (!actor.organisationId) throw new AppError('NOT_A_UNIT', 403);
    return (await referralsOfUnit(this.db, actor.organisationId)).map(view);
  }

  async list(actor: Actor): Promise<ReferralView[]> {
    return (await referralsInRange(this.db, regionRange(actor.regionCode), 500)).map(view);
  }

  async get(actor: Actor, id: string): Promise<ReferralView> {
    const r = await findReferral(this.db, id);
    if (!r || !isInScope(actor.regionCode, r.posting_region)) throw new AppError('REFERRAL_NOT_FOUND', 404);
    return view(r);
  }

  private async view(id: string): Promise<ReferralView> {
    const r = await findReferral(this.db, id);
    if (!r) throw new AppError('REFERRAL_NOT_FOUND', 404);
    return view(r);
  }

  /** Two clerks referring the same seeker to the same posting at once: the constraint lets one through. */
  private async inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      const e = error as { code?: string; message?: string; constraint?: string };
      if (e.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('job_referral_once'))
        throw new AppError('ALREADY_REFERRED', 409, 'seekerId');
      throw error;
    }
  }
}

function view(r: ReferralRow): ReferralView {
  return {
    id: r.id,
    postingId: r.posting_id,
    postingTitle: r.posting_title,
    organisationName: r.organisation_name,
    seekerId: r.seeker_id,
    seekerName: r.seeker_name,
    referredOn: r.referred_on,
    note: r.note,
    state: r.state,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.answered_on ? { answeredOn: r.answered_on } : {}),
    ...(r.hired_on ? { hiredOn: r.hired_on } : {}),
    ...(r.registration_id ? { registrationId: r.registration_id } : {}),
    ...(r.registration_error ? { registrationError: r.registration_error } : {}),
    ...(r.declined_reason ? { declinedReason: r.declined_reason } : {}),
    ...(r.declined_on ? { declinedOn: r.declined_on } : {}),
  };
}
