import { addMonths, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { AssistanceKind, Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import { findPosting } from '../labour-market/posting-repository.js';
import { GRADUATE_PROMISE, resolveDated, type Promise131 } from '../employment-services-parameters.js';
import {
  caseForUpdate,
  casesInRange,
  casesOfPerson,
  closeCase,
  contactsOf,
  findCase,
  hasContact,
  householdHasWork,
  insertCase,
  insertContact,
  openCasesOf,
  openHouseholdsByRegion,
  pickCaseWorker,
  type CaseListRow,
  type CaseRow,
  type ContactRow,
} from './assistance-repository.js';
import type { AssistanceCase, CasesQuery, ContactBody, HouseholdDashboard } from './assistance.schemas.js';

export type CaseView = Static<typeof AssistanceCase>;
export type ContactInput = Static<typeof ContactBody>;
export type CasesFilter = Static<typeof CasesQuery>;

/** Months a hard-to-employ person's or household's first follow-up may take: this platform's working rule. */
const FIRST_FOLLOW_UP_MONTHS = 1;

/** Where a case is opened and who it is about. */
export interface NewCase {
  readonly kind: AssistanceKind;
  readonly personId: string;
  readonly householdId?: string | null;
  readonly regionCode: string;
  readonly community: string | null;
  readonly openedOn: IsoDate;
}

/**
 * 就业援助 (川办发〔2024〕34号 (十八), 庆政办发〔2023〕102号 第22条 "一对一跟踪服务"): a case opened for each
 * newly certified hard-to-employ person, zero-employment household and unemployed graduate, assigned
 * to the case worker of its 街道/社区, every contact logged; a graduate's 1+3+1 ((十四)) closes the
 * case when kept, and a zero-employment household closes only when a member is employed (动态清零).
 */
export class AssistanceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /** Opens a case in the caller's transaction, unless one of its kind is already open; returns its id. */
  async open(trx: Transaction<Database>, actor: Actor | null, c: NewCase): Promise<string | undefined> {
    const promise = resolveDated(GRADUATE_PROMISE, c.regionCode, c.openedOn)?.value;
    const months = c.kind === 'graduate' ? (promise?.months ?? 3) : FIRST_FOLLOW_UP_MONTHS;
    const caseWorker = await pickCaseWorker(trx, c.regionCode, c.community);
    const id = await insertCase(trx, {
      kind: c.kind,
      person_id: c.personId,
      household_id: c.kind === 'zero-employment-household' ? (c.householdId ?? null) : null,
      region_code: c.regionCode,
      community: c.community,
      case_worker_id: caseWorker,
      opened_on: c.openedOn,
      due_on: addMonths(c.openedOn, months),
    });
    if (id)
      await appendAudit(trx, this.vault, {
        actor,
        action: 'employment-services.case-opened',
        entityType: 'assistance_case',
        entityId: id,
        regionCode: c.regionCode,
        after: { ...c, caseWorker },
      });
    return id;
  }

  /** A person started work: their cases close, and their household's (动态清零). */
  async employed(
    trx: Transaction<Database>,
    actor: Actor,
    personId: string,
    householdId: string | null,
    on: IsoDate,
  ): Promise<void> {
    for (const c of await openCasesOf(trx, personId, householdId)) {
      await closeCase(trx, c.id, on, 'employed');
      await appendAudit(trx, this.vault, {
        actor,
        action: 'employment-services.case-closed',
        entityType: 'assistance_case',
        entityId: c.id,
        regionCode: c.region_code,
        after: { reason: 'employed', on },
      });
    }
  }

  /** A certification ended other than by employment: the person's hard-to-employ case closes. */
  async certificationEnded(trx: Transaction<Database>, personId: string, on: IsoDate): Promise<void> {
    for (const c of await openCasesOf(trx, personId, null))
      if (c.kind === 'hard-to-employ') await closeCase(trx, c.id, on, 'certification-ended');
  }

  /** Whether a household has nobody employed: the test of a zero-employment household. */
  async householdWithoutWork(trx: Transaction<Database>, householdId: string, on: IsoDate): Promise<boolean> {
    return !(await householdHasWork(trx, householdId, on));
  }

  /**
   * A guidance, referral, offer or plain contact, logged; a graduate's kept 1+3+1 closes the case.
   * A referral may name its posting. One counting toward the promise already on the case — a
   * referral to the same posting, or a guidance, referral or offer of the same kind on the same day
   * with the same note — is not logged again: the call answers with the case as it stands (a
   * double click, or the labour market's own referral logged by hand), so each counts once. Plain
   * contacts are logged as often as they are made.
   */
  async logContact(actor: Actor, caseId: string, input: ContactInput): Promise<CaseView> {
    const c = await this.caseInScope(actor, caseId);
    if (c.closed_on) throw new AppError('CASE_CLOSED', 409);
    if (input.happenedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'happenedOn');
    if (input.happenedOn < c.opened_on)
      throw new AppError('CONTACT_BEFORE_CASE', 400, 'happenedOn', { date: c.opened_on });
    const note = input.note.trim();
    if (!note) throw new AppError('REQUIRED_FIELD', 400, 'note', { field: 'note' });
    const postingId = await this.referredPosting(input);
    await this.db.transaction().execute(async (trx) => {
      // Read again under the lock: the contact that kept the 1+3+1 may have closed it meanwhile.
      if ((await caseForUpdate(trx, c.id))?.closed_on) throw new AppError('CASE_CLOSED', 409);
      // Under the same lock, so of fifty identical contacts at once the first is logged and the rest
      // see it; the labour market's referral, which takes no case lock, meets the unique index instead.
      // What counts toward the 1+3+1 counts once; two plain contacts on a day (two calls unanswered,
      // noted alike) are two.
      if (
        input.kind !== 'contact' &&
        (await hasContact(trx, c.id, { kind: input.kind, postingId, note, happenedOn: input.happenedOn }))
      )
        return;
      const logged = await insertContact(trx, {
        case_id: c.id,
        kind: input.kind,
        happened_on: input.happenedOn,
        note,
        posting_id: postingId,
        recorded_by: actor.accountId,
      });
      if (!logged) return;
      await appendAudit(trx, this.vault, {
        actor,
        action: 'employment-services.case-contact',
        entityType: 'assistance_case',
        entityId: c.id,
        regionCode: c.region_code,
        after: { ...input },
      });
      if (c.kind !== 'graduate') return;
      const promise = this.promiseOf(c);
      if (kept(progress(await contactsOf(trx, [c.id])), promise))
        await closeCase(trx, c.id, input.happenedOn, 'promise-kept');
    });
    return this.view(caseId);
  }

  /**
   * The posting a referral names, if any: one that was published (a referral can be logged after
   * the posting has closed, as long as it was once on the board). Only a referral names a posting.
   */
  private async referredPosting(input: ContactInput): Promise<string | null> {
    if (input.postingId === undefined) return null;
    if (input.kind !== 'referral') throw new AppError('POSTING_ONLY_FOR_REFERRAL', 400, 'postingId');
    const posting = await findPosting(this.db, input.postingId);
    if (!posting || posting.state === 'submitted' || posting.state === 'refused')
      throw new AppError('POSTING_NOT_FOUND', 404, 'postingId');
    return posting.id;
  }

  async cases(actor: Actor, filter: CasesFilter): Promise<CaseView[]> {
    const today = this.clock.today();
    const rows = await casesInRange(this.db, regionRange(actor.regionCode), {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.open ? { open: true } : {}),
      ...(filter.overdue ? { overdueOn: today } : {}),
      ...(filter.mine ? { caseWorkerId: actor.accountId } : {}),
    });
    return this.views(rows);
  }

  async householdDashboard(actor: Actor): Promise<Static<typeof HouseholdDashboard>> {
    const rows = await openHouseholdsByRegion(this.db, regionRange(actor.regionCode));
    return {
      regions: rows.map((r) => ({ regionCode: r.region_code, nameZh: r.name_zh, nameEn: r.name_en, open: r.open })),
    };
  }

  async myCases(actor: Actor): Promise<CaseView[]> {
    if (!actor.personId) return [];
    const rows = await casesOfPerson(this.db, actor.personId);
    return this.views(
      rows.map((r) => ({ ...r, name: actor.displayName, id_number_masked: '', case_worker_name: null })),
    );
  }

  async view(id: string): Promise<CaseView> {
    const [row] = await casesInRange(this.db, { low: '000000', high: '999999' }, { id });
    if (!row) throw new AppError('CASE_NOT_FOUND', 404);
    const [v] = await this.views([row]);
    return v as CaseView;
  }

  private promiseOf(c: CaseRow): Promise131 {
    return (
      resolveDated(GRADUATE_PROMISE, c.region_code, c.opened_on)?.value ?? {
        guidance: 1,
        referrals: 3,
        offers: 1,
        months: 3,
      }
    );
  }

  private async caseInScope(actor: Actor, id: string): Promise<CaseRow> {
    const c = await findCase(this.db, id);
    if (!c || !isInScope(actor.regionCode, c.region_code)) throw new AppError('CASE_NOT_FOUND', 404);
    return c;
  }

  private async views(rows: readonly CaseListRow[]): Promise<CaseView[]> {
    const contacts = await contactsOf(
      this.db,
      rows.map((r) => r.id),
    );
    const today = this.clock.today();
    return rows.map((r) => {
      const mine = contacts.filter((x) => x.case_id === r.id);
      const done = progress(mine);
      return {
        id: r.id,
        kind: r.kind,
        personId: r.person_id,
        name: r.name,
        idNumberMasked: r.id_number_masked,
        ...(r.household_id ? { householdId: r.household_id } : {}),
        regionCode: r.region_code,
        ...(r.community ? { community: r.community } : {}),
        ...(r.case_worker_name ? { caseWorkerName: r.case_worker_name } : {}),
        openedOn: r.opened_on,
        dueOn: r.due_on,
        ...(r.closed_on ? { closedOn: r.closed_on } : {}),
        ...(r.close_reason ? { closeReason: r.close_reason } : {}),
        overdue: r.closed_on === null && r.due_on < today,
        ...(r.kind === 'graduate' ? { promise: { ...done, ...withTargets(this.promiseOf(r)) } } : {}),
        contacts: mine.map((x) => ({
          kind: x.kind,
          happenedOn: x.happened_on,
          note: x.note,
          ...(x.posting_id ? { postingId: x.posting_id } : {}),
        })),
      };
    });
  }
}

interface Progress {
  guidanceDone: number;
  referralsDone: number;
  offersDone: number;
}

function progress(contacts: readonly ContactRow[]): Progress {
  const count = (...kinds: string[]) => contacts.filter((c) => kinds.includes(c.kind)).length;
  return {
    guidanceDone: count('guidance'),
    referralsDone: count('referral'),
    offersDone: count('training-offer', 'internship-offer'),
  };
}

function kept(p: Progress, promise: Promise131): boolean {
  return p.guidanceDone >= promise.guidance && p.referralsDone >= promise.referrals && p.offersDone >= promise.offers;
}

function withTargets(p: Promise131) {
  return { guidance: p.guidance, referrals: p.referrals, offers: p.offers };
}
