import { addDays, addMonths, type IsoDate } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import type { Static } from 'typebox';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { CertificationExitReason, Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionRange } from '../../regions/region-scope.js';
import { endFact, recordFact } from '../../registry/registry-fact-repository.js';
import type { Vault } from '../../security/vault.js';
import type { AssistanceService } from '../assistance/assistance-service.js';
import { CATEGORY_LISTS, CERTIFICATION_REVIEW_MONTHS, resolveDated } from '../employment-services-parameters.js';
import { findPerson, latestCommunity } from '../registration/registration-repository.js';
import {
  checkCategoriesOnLists,
  checkCategoryOnList,
  listCheckView,
  type CategoryListCheck,
  type ListDataset,
} from './category-lists.js';
import {
  certificationsInRange,
  certificationsOf,
  certifiedOf,
  findCertification,
  insertCertification,
  lockCertification,
  updateCertification,
  type CertificationRow,
  type CertificationWithList,
} from './hardship-repository.js';
import type { Certification, DecisionBody, ExitBody, FileBody } from './hardship.schemas.js';

export type FileInput = Static<typeof FileBody>;
export type CertificationView = Static<typeof Certification>;
const SOURCE = 'employment-services' as const;

/**
 * 就业困难人员认定 (川办发〔2024〕34号 (十八), 庆政办发〔2023〕102号 第22条): filed by the person or by a
 * clerk with the evidence, within the region's categories in force (a dated, cited list), decided
 * by someone other than the filer (separation of duties, also a database check), reviewed after the
 * region's months, and ended on exit. The certification is the `hard-to-employ` status the engine
 * reads; its end is the same status with its last day.
 */
export class HardshipService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly assistance: AssistanceService,
  ) {}

  async file(actor: Actor, input: FileInput): Promise<CertificationView> {
    const person = await findPerson(this.db, input.personId);
    const own = actor.personId === input.personId;
    // A person files their own online; staff never file for themselves (181号 第二十五条).
    if (own && actor.permissions.has('hardship:file')) throw new AppError('SOD_OWN_CLAIM', 403, 'personId');
    if (!person || (!own && !isInScope(actor.regionCode, person.region_code)))
      throw new AppError('PERSON_NOT_FOUND', 404, 'personId');
    const today = this.clock.today();
    const list = resolveDated(CATEGORY_LISTS, person.region_code, today);
    if (!list?.value.includes(input.category)) throw new AppError('CATEGORY_NOT_IN_FORCE', 400, 'category');
    // What the list holds is not asked for again on paper (181号 第二十三条); what it does not, is.
    const subject = { hmac: person.id_number_hmac, regionCode: person.region_code, category: input.category };
    const check = await checkCategoryOnList(this.db, subject, today);
    const evidence = input.evidence?.trim() || null;
    if (!evidence && !check?.holds)
      throw check
        ? new AppError('NOT_ON_CATEGORY_LIST', 400, 'evidence', { date: check.takenOn })
        : new AppError('REQUIRED_FIELD', 400, 'evidence', { field: 'evidence' });
    const id = await this.db
      .transaction()
      .execute(async (trx) => {
        const id = await insertCertification(trx, {
          person_id: person.id,
          region_code: person.region_code,
          category: input.category,
          evidence,
          verified_by_snapshot: check?.holds ? check.snapshotId : null,
          filed_by: actor.accountId,
        });
        await appendAudit(trx, this.vault, {
          actor,
          action: 'employment-services.certification-filed',
          entityType: 'hardship_certification',
          entityId: id,
          regionCode: person.region_code,
          after: { ...input, ...(check ? { listCheck: { ...check } } : {}) },
        });
        return id;
      })
      .catch((error: { code?: string; message?: string }) => {
        if (error.code === '23505' && String(error.message).includes('hardship_certification_one_live'))
          throw new AppError('CERTIFICATION_PENDING', 409, 'personId');
        throw error;
      });
    return this.view(actor, id);
  }

  /** Certify or refuse, by someone other than the filer; a certification opens an assistance case. */
  async decide(actor: Actor, id: string, input: Static<typeof DecisionBody>): Promise<CertificationView> {
    const found = await this.inScope(actor, id);
    if (found.filed_by === actor.accountId) throw new AppError('OWN_FILING', 403);
    // Never on one's own certification or a relative's (181号 第二十五条), as with applications.
    if (actor.personId === found.person_id) throw new AppError('SOD_OWN_CLAIM', 403);
    if (actor.householdId && (await findPerson(this.db, found.person_id))?.household_id === actor.householdId)
      throw new AppError('SOD_RELATIVE_CLAIM', 403);
    const reason = input.reason?.trim();
    if (!input.certify && !reason) throw new AppError('REQUIRED_FIELD', 400, 'reason', { field: 'reason' });
    const today = this.clock.today();
    // A list that no longer holds the person (they left 低保, the risk was removed) is not overruled
    // silently: certifying all the same takes a reason on the record.
    const check = input.certify ? await this.listCheck(found, today) : undefined;
    if (check && !check.holds && !reason)
      throw new AppError('LIST_DOES_NOT_HOLD', 400, 'reason', { date: check.takenOn });
    await this.db.transaction().execute(async (trx) => {
      const c = await lockCertification(trx, id);
      if (c?.state !== 'filed') throw new AppError('CERTIFICATION_NOT_PENDING', 409);
      if (!input.certify) {
        await updateCertification(trx, id, {
          state: 'refused',
          decided_by: actor.accountId,
          decided_on: today,
          decision_reason: reason ?? null,
        });
      } else {
        const months = resolveDated(CERTIFICATION_REVIEW_MONTHS, c.region_code, today)?.value ?? 12;
        const fact = {
          personId: c.person_id,
          kind: 'status',
          data: { kind: 'hard-to-employ', from: today },
          source: SOURCE,
          recordedBy: actor.accountId,
          ...(check?.holds
            ? { provenance: { dataset: check.dataset, snapshotId: check.snapshotId, takenOn: check.takenOn } }
            : {}),
        };
        const factId = await recordFact(trx, fact);
        await updateCertification(trx, id, {
          state: 'certified',
          decided_by: actor.accountId,
          decided_on: today,
          decision_reason: reason ?? null,
          valid_from: today,
          review_due: addMonths(today, months),
          fact_id: factId,
        });
        const person = await findPerson(trx, c.person_id);
        const community = (await latestCommunity(trx, c.person_id)) ?? null;
        await this.assistance.open(trx, actor, {
          kind: 'hard-to-employ',
          personId: c.person_id,
          regionCode: person?.region_code ?? c.region_code,
          community,
          openedOn: today,
        });
      }
      await appendAudit(trx, this.vault, {
        actor,
        action: `employment-services.certification-${input.certify ? 'certified' : 'refused'}`,
        entityType: 'hardship_certification',
        entityId: id,
        regionCode: c.region_code,
        after: { ...input, ...(check ? { listCheck: { ...check } } : {}) },
      });
    });
    return this.view(actor, id);
  }

  /** Ends a certification in force on a day, for a reason (employed, review failed, moved away …). */
  async exit(actor: Actor, id: string, input: Static<typeof ExitBody>): Promise<CertificationView> {
    const found = await this.inScope(actor, id);
    if (found.state !== 'certified') throw new AppError('CERTIFICATION_NOT_IN_FORCE', 409);
    if (input.exitedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'exitedOn');
    if (input.exitedOn < (found.valid_from ?? ''))
      throw new AppError('EXIT_BEFORE_CERTIFIED', 400, 'exitedOn', { date: found.valid_from ?? '' });
    await this.db.transaction().execute(async (trx) => {
      await this.end(trx, actor, found, input.exitedOn, input.reason);
      await this.assistance.certificationEnded(trx, found.person_id, input.exitedOn);
    });
    return this.view(actor, id);
  }

  /** Stable employment by a labour contract ends the certification the day before it starts. */
  async employed(trx: Transaction<Database>, actor: Actor, personId: string, on: IsoDate): Promise<void> {
    const c = await certifiedOf(trx, personId);
    if (c) await this.end(trx, actor, c, on > (c.valid_from ?? on) ? addDays(on, -1) : on, 'employed');
  }

  /**
   * A periodic review (动态调整) that finds the person still hard to employ: the certification stands
   * to the next review, the region's months on. One that does not is an exit (`review-failed`).
   */
  async review(actor: Actor, id: string, note: string): Promise<CertificationView> {
    const found = await this.inScope(actor, id);
    if (found.state !== 'certified') throw new AppError('CERTIFICATION_NOT_IN_FORCE', 409);
    // The note is what the review found: a blank one would carry the certification a year on unsaid.
    if (!note.trim()) throw new AppError('REQUIRED_FIELD', 400, 'note', { field: 'note' });
    const today = this.clock.today();
    const months = resolveDated(CERTIFICATION_REVIEW_MONTHS, found.region_code, today)?.value ?? 12;
    // 动态调整: what the list said at the review is kept with the note that kept the certification.
    const check = await this.listCheck(found, today);
    await this.db.transaction().execute(async (trx) => {
      await updateCertification(trx, id, { review_due: addMonths(today, months) });
      await appendAudit(trx, this.vault, {
        actor,
        action: 'employment-services.certification-reviewed',
        entityType: 'hardship_certification',
        entityId: id,
        regionCode: found.region_code,
        after: {
          note: note.trim(),
          nextReview: addMonths(today, months),
          ...(check ? { listCheck: { ...check } } : {}),
        },
      });
    });
    return this.view(actor, id);
  }

  async certifications(
    actor: Actor,
    state?: CertificationView['state'],
    dueForReview = false,
  ): Promise<CertificationView[]> {
    const rows = await certificationsInRange(
      this.db,
      regionRange(actor.regionCode),
      state,
      dueForReview ? this.clock.today() : undefined,
    );
    const checks = await this.listChecks(rows.map((r) => ({ ...r, hmac: r.id_number_hmac })));
    return rows.map((r, i) => this.toView(actor, r, checks[i], r.name, r.id_number_masked));
  }

  async mine(actor: Actor): Promise<CertificationView[]> {
    const person = actor.personId ? await findPerson(this.db, actor.personId) : undefined;
    if (!person) return [];
    const rows = await certificationsOf(this.db, person.id);
    const checks = await this.listChecks(rows.map((r) => ({ ...r, hmac: person.id_number_hmac })));
    return rows.map((r, i) => this.toView(actor, r, checks[i]));
  }

  /** The lists' word on pending and live certifications today; a decided-against or ended one has none. */
  private listChecks(
    rows: readonly (CertificationRow & { hmac: string })[],
  ): Promise<(CategoryListCheck | undefined)[]> {
    const live = (r: CertificationRow) => r.state === 'filed' || r.state === 'certified';
    const today = this.clock.today();
    return checkCategoriesOnLists(
      this.db,
      rows.map((r) => ({
        hmac: live(r) ? r.hmac : '',
        regionCode: r.region_code,
        category: live(r) ? r.category : '',
      })),
      today,
    );
  }

  private async listCheck(c: CertificationRow, on: string): Promise<CategoryListCheck | undefined> {
    const person = await findPerson(this.db, c.person_id);
    if (!person) return undefined;
    return checkCategoryOnList(
      this.db,
      { hmac: person.id_number_hmac, regionCode: c.region_code, category: c.category },
      on,
    );
  }

  private async end(
    trx: Transaction<Database>,
    actor: Actor,
    c: CertificationRow,
    on: IsoDate,
    reason: CertificationExitReason,
  ): Promise<void> {
    const by = {
      recordedBy: actor.accountId,
      source: SOURCE,
      reason: `certification ended: ${reason}`,
      at: this.clock.now(),
    };
    const factId = c.fact_id ? await endFact(trx, c.fact_id, on, by) : null;
    await updateCertification(trx, c.id, {
      state: 'exited',
      exited_on: on,
      exit_reason: reason,
      valid_to: on,
      fact_id: factId,
    });
    await appendAudit(trx, this.vault, {
      actor,
      action: 'employment-services.certification-exited',
      entityType: 'hardship_certification',
      entityId: c.id,
      regionCode: c.region_code,
      after: { on, reason },
    });
  }

  private async inScope(actor: Actor, id: string): Promise<CertificationWithList> {
    const c = await findCertification(this.db, id);
    if (!c || !isInScope(actor.regionCode, c.region_code)) throw new AppError('CERTIFICATION_NOT_FOUND', 404);
    return c;
  }

  private async view(actor: Actor, id: string): Promise<CertificationView> {
    const c = await findCertification(this.db, id);
    const person = c && (await findPerson(this.db, c.person_id));
    if (!c || !person) throw new AppError('CERTIFICATION_NOT_FOUND', 404);
    const [check] = await this.listChecks([{ ...c, hmac: person.id_number_hmac }]);
    return this.toView(actor, c, check);
  }

  private toView(
    actor: Actor,
    c: CertificationWithList,
    check: CategoryListCheck | undefined,
    name?: string,
    idNumberMasked?: string,
  ): CertificationView {
    const list = resolveDated(CATEGORY_LISTS, c.region_code, c.decided_on ?? this.clock.today());
    return {
      id: c.id,
      personId: c.person_id,
      ...(name ? { name } : {}),
      ...(idNumberMasked ? { idNumberMasked } : {}),
      regionCode: c.region_code,
      category: c.category as CertificationView['category'],
      ...(c.evidence ? { evidence: c.evidence } : {}),
      ...(c.verified_dataset && c.verified_taken_on
        ? { verifiedByList: { dataset: c.verified_dataset as ListDataset, takenOn: String(c.verified_taken_on) } }
        : {}),
      ...(check ? { listCheck: listCheckView(check) } : {}),
      state: c.state,
      filedAt: c.filed_at.toISOString(),
      filedByCaller: c.filed_by === actor.accountId,
      ...(c.decided_on ? { decidedOn: c.decided_on } : {}),
      ...(c.decision_reason ? { decisionReason: c.decision_reason } : {}),
      ...(c.valid_from ? { validFrom: c.valid_from } : {}),
      ...(c.review_due ? { reviewDue: c.review_due } : {}),
      ...(c.exited_on ? { exitedOn: c.exited_on } : {}),
      ...(c.exit_reason ? { exitReason: c.exit_reason } : {}),
      ...(list ? { reference: list.reference } : {}),
    };
  }
}
