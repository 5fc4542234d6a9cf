import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { assertRegionInScope, isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import type { BoardQueryT, PostingInput, PostingView } from './labour-market.schemas.js';
import { occupation } from './occupations.js';
import {
  assertEmployerActive,
  assertPostingFields,
  minimumWageError,
  workplaceError,
  type PayUnit,
  type StandardLookup,
} from './posting-checks.js';
import { findGigPosting } from './gig-repository.js';
import {
  board,
  BOARD_COUNT_CAP,
  findEmployer,
  findPosting,
  findPostings,
  findPostingForUpdate,
  findSameOpenPosting,
  insertPosting,
  lockUnitPostings,
  postingsInRange,
  postingsOfUnit,
  updatePosting,
  type Employer,
  type PostingRow,
} from './posting-repository.js';
import { columns, fieldsOf, postingKey } from './posting-columns.js';
import { queryTerms, runs } from './search-terms.js';

/** What another kind of posting (a gig's station and pay unit) writes beside the posting, in its transaction. */
export type AlsoInTransaction = (trx: Transaction<Database>, postingId: string) => Promise<void>;

/**
 * Job postings (岗位信息): posted by a unit through its own account or by a clerk on its behalf,
 * reviewed by a clerk who did not post it before anyone sees it (川办发〔2024〕34号 (一) 岗位收集;
 * 庆政办发〔2023〕102号 第5、6条; 直播带岗 notice: "严格审查…企业资质和招聘岗位信息"), shown on the public
 * board while published and within its validity, and withdrawn by the unit or the clerk.
 */
export class PostingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    /** The regions' dated standards (the local minimum wage), as the policy engine resolves them. */
    private readonly standard: StandardLookup,
    /**
     * Where the public board reads: a streaming replica when there is one (a posting shows there a
     * moment after it is published). Nothing that writes, or reads what it just wrote, uses it.
     */
    private readonly publicDb: Kysely<Database> = db,
  ) {}

  /** A unit posts for itself. */
  async postOwn(actor: Actor, input: PostingInput): Promise<PostingView> {
    const employer = await this.ownUnit(actor);
    await assertRegionInScope(this.db, '000000', input.regionCode, 'regionCode');
    return this.post(actor, employer, input);
  }

  /** A clerk posts on a unit's behalf, in the clerk's regions. */
  async postFor(
    actor: Actor,
    input: PostingInput & { organisationId: string },
    within?: AlsoInTransaction,
    payUnit: PayUnit = 'month',
  ): Promise<PostingView> {
    const employer = await findEmployer(this.db, input.organisationId);
    if (!employer || !isInScope(actor.regionCode, employer.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const { organisationId: _, ...fields } = input;
    return this.post(actor, employer, fields, within, payUnit);
  }

  private async post(
    actor: Actor,
    employer: Employer,
    input: PostingInput,
    within?: AlsoInTransaction,
    payUnit: PayUnit = 'month',
  ): Promise<PostingView> {
    await this.assertPostable(employer, input, payUnit);
    await assertEmployerActive(this.db, employer);
    const id = await this.db.transaction().execute(async (trx) => {
      await this.assertNotPostedAlready(trx, employer.id, input, payUnit);
      const id = await insertPosting(trx, {
        organisation_id: employer.id,
        ...columns(input, employer.name),
        state: 'submitted',
        posted_by: actor.accountId,
      });
      await this.audit(trx, actor, 'labour-market.posting-submitted', id, input.regionCode, input);
      if (within) await within(trx, id);
      return id;
    });
    return this.view(id);
  }

  /** Corrects a posting (refused, waiting or published): it goes back to review. */
  async correct(actor: Actor, id: string, input: PostingInput): Promise<PostingView> {
    const found = await this.mine(actor, id);
    if (!actor.organisationId) await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    else await assertRegionInScope(this.db, '000000', input.regionCode, 'regionCode');
    const payUnit = await this.payUnitOf(id);
    await this.assertPostable({ region_code: await this.unitRegion(found.organisation_id) }, input, payUnit);
    await this.db.transaction().execute(async (trx) => {
      await this.assertNotPostedAlready(trx, found.organisation_id, input, payUnit, id);
      const row = await findPostingForUpdate(trx, id);
      if (!row || row.state === 'withdrawn') throw new AppError('POSTING_WITHDRAWN', 409);
      await updatePosting(trx, id, {
        ...columns(input, found.organisation_name),
        state: 'submitted',
        refusal: null,
        reviewed_by: null,
        reviewed_at: null,
        // Whoever corrected it is now its poster: they may not review their own words.
        posted_by: actor.accountId,
      });
      await this.audit(trx, actor, 'labour-market.posting-corrected', id, input.regionCode, input);
    });
    return this.view(id);
  }

  /**
   * Publishes or refuses a submitted posting. The checks run again on publication (the unit may
   * have closed since), and the reviewer is never the one who posted it.
   */
  async review(actor: Actor, id: string, input: { publish: boolean; reason?: string }): Promise<PostingView> {
    const found = await this.inScope(actor, id);
    if (found.posted_by === actor.accountId) throw new AppError('SOD_OWN_POSTING', 403);
    if (!input.publish && !input.reason) throw new AppError('REQUIRED_FIELD', 400, 'reason');
    if (input.publish) {
      // The minimum wage may have been raised since it was posted.
      await this.assertPostable(
        { region_code: await this.unitRegion(found.organisation_id) },
        fieldsOf(found),
        await this.payUnitOf(id),
      );
      const employer = await findEmployer(this.db, found.organisation_id);
      if (employer) await assertEmployerActive(this.db, employer);
    }
    await this.db.transaction().execute(async (trx) => {
      const row = await findPostingForUpdate(trx, id);
      if (row?.state !== 'submitted') throw new AppError('POSTING_NOT_SUBMITTED', 409);
      await updatePosting(trx, id, {
        state: input.publish ? 'published' : 'refused',
        refusal: input.publish ? null : (input.reason ?? null),
        reviewed_by: actor.accountId,
        reviewed_at: this.clock.now(),
      });
      await this.audit(
        trx,
        actor,
        input.publish ? 'labour-market.posting-published' : 'labour-market.posting-refused',
        id,
        found.region_code,
        input,
      );
    });
    return this.view(id);
  }

  async withdraw(actor: Actor, id: string): Promise<PostingView> {
    const found = await this.mine(actor, id);
    await this.db.transaction().execute(async (trx) => {
      const row = await findPostingForUpdate(trx, id);
      if (!row || row.state === 'withdrawn') throw new AppError('POSTING_WITHDRAWN', 409);
      await updatePosting(trx, id, { state: 'withdrawn' });
      await this.audit(trx, actor, 'labour-market.posting-withdrawn', id, found.region_code, {});
    });
    return this.view(id);
  }

  async myPostings(actor: Actor): Promise<PostingView[]> {
    const employer = await this.ownUnit(actor);
    return (await postingsOfUnit(this.db, employer.id)).map((r) => this.toView(r));
  }

  async list(actor: Actor, state?: PostingView['state']): Promise<PostingView[]> {
    return (await postingsInRange(this.db, regionRange(actor.regionCode), state, 500)).map((r) => this.toView(r));
  }

  async get(actor: Actor, id: string): Promise<PostingView> {
    return this.toView(await this.inScope(actor, id));
  }

  /** The public board: one posting, published and open today. */
  async published(id: string): Promise<PostingView> {
    const row = await findPosting(this.publicDb, id);
    const view = row && this.toView(row);
    if (!view?.open) throw new AppError('POSTING_NOT_FOUND', 404);
    return view;
  }

  /** The public board: by region (and the regions below), occupation or its group, pay and keywords. */
  async search(query: BoardQueryT): Promise<{ total: number; totalIsLowerBound: boolean; postings: PostingView[] }> {
    const keyword = query.q ?? '';
    const { total, rows } = await board(this.publicDb, {
      today: this.clock.today(),
      ...(query.region ? { range: regionRange(query.region) } : {}),
      ...(query.occupation ? { occupation: query.occupation } : {}),
      ...(query.payMinFen !== undefined ? { payMinFen: query.payMinFen } : {}),
      terms: queryTerms(keyword),
      like: runs(keyword),
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
    return { total, totalIsLowerBound: total >= BOARD_COUNT_CAP, postings: rows.map((r) => this.toView(r)) };
  }

  toView(r: PostingRow): PostingView {
    const today = this.clock.today();
    const occ = occupation(r.occupation_code) ?? {
      code: r.occupation_code,
      zh: r.occupation_code,
      en: r.occupation_code,
    };
    // The employer's own fields as they wrote them, the occupation by its name in place of its code.
    const { occupationCode: _code, ...written } = fieldsOf(r);
    return {
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      ...written,
      occupation: occ,
      regionName: { zh: r.region_zh, en: r.region_en },
      state: r.state,
      open: r.state === 'published' && r.valid_from <= today && r.valid_to >= today,
      ...(r.refusal ? { refusal: r.refusal } : {}),
    };
  }

  async view(id: string): Promise<PostingView> {
    const row = await findPosting(this.db, id);
    if (!row) throw new AppError('POSTING_NOT_FOUND', 404);
    return this.toView(row);
  }

  /** Several postings in one read, by id (those not found are left out). */
  async views(ids: readonly string[]): Promise<Map<string, PostingView>> {
    if (ids.length === 0) return new Map();
    return new Map((await findPostings(this.db, ids)).map((r) => [r.id, this.toView(r)]));
  }

  /** A posting as the public boards show it, read where they read (a replica may lag a moment). */
  async onBoard(id: string): Promise<PostingView> {
    const row = await findPosting(this.publicDb, id);
    if (!row) throw new AppError('POSTING_NOT_FOUND', 404);
    return this.toView(row);
  }

  /** A posting's own fields, its workplace and its pay against the workplace's minimum wage. */
  private async assertPostable(
    employer: Pick<Employer, 'region_code'>,
    input: PostingInput,
    payUnit: PayUnit,
  ): Promise<void> {
    const today = this.clock.today();
    assertPostingFields(input, today);
    const error =
      (await workplaceError(this.db, employer, input.regionCode)) ??
      (await minimumWageError(this.standard, input, payUnit, today));
    if (error) throw error;
  }

  /**
   * The same job posted again while the first is still open (a double click, or fifty requests at
   * once): refused, naming the open one's end. Under the unit's lock, so of two at once one is saved.
   */
  private async assertNotPostedAlready(
    trx: Transaction<Database>,
    organisationId: string,
    input: PostingInput,
    payUnit: PayUnit,
    except?: string,
  ): Promise<void> {
    await lockUnitPostings(trx, organisationId);
    const same = await findSameOpenPosting(trx, postingKey(organisationId, input, payUnit), this.clock.today(), except);
    if (same) throw new AppError('DUPLICATE_POSTING', 409, 'title', { date: same.valid_to });
  }

  /** A gig's pay is by the day or the piece; every other posting's by the month. */
  private async payUnitOf(id: string): Promise<PayUnit> {
    return (await findGigPosting(this.db, id))?.pay_unit ?? 'month';
  }

  private async unitRegion(organisationId: string): Promise<string> {
    const employer = await findEmployer(this.db, organisationId);
    if (!employer) throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    return employer.region_code;
  }

  /** The unit's own posting, or, for staff, one in their regions. */
  private async mine(actor: Actor, id: string): Promise<PostingRow> {
    if (actor.organisationId) {
      const row = await findPosting(this.db, id);
      if (!row || row.organisation_id !== actor.organisationId) throw new AppError('POSTING_NOT_FOUND', 404);
      return row;
    }
    if (!actor.permissions.has('labour-market:manage')) throw new AppError('NOT_A_UNIT', 403);
    return this.inScope(actor, id);
  }

  private async inScope(actor: Actor, id: string): Promise<PostingRow> {
    const row = await findPosting(this.db, id);
    if (!row || !isInScope(actor.regionCode, row.region_code)) throw new AppError('POSTING_NOT_FOUND', 404);
    return row;
  }

  private async ownUnit(actor: Actor): Promise<Employer> {
    const employer = actor.organisationId ? await findEmployer(this.db, actor.organisationId) : undefined;
    if (!employer) throw new AppError('NOT_A_UNIT', 403);
    return employer;
  }

  private async audit(
    trx: Transaction<Database>,
    actor: Actor,
    action: string,
    id: string,
    regionCode: string,
    after: object,
  ): Promise<void> {
    await appendAudit(trx, this.vault, { actor, action, entityType: 'job_posting', entityId: id, regionCode, after });
  }
}
