import { maskIdNumber, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { stepValue } from '../../applications/workflow.js';
import { appendAudit } from '../../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError, notBefore } from '../../http/errors.js';
import { saysSomething } from '../../http/said.js';
import { isInScope, regionRange } from '../../regions/region-scope.js';
import { idNumberLookup } from '../../registry/registry-input.js';
import type { Vault } from '../../security/vault.js';
import { getDemandItem } from '../catalogue/catalogue-repository.js';
import { itemView } from '../catalogue/demand-item.js';
import { certificatesFor } from '../certificates/certificate-facts.js';
import { insertCertificates } from '../certificates/certificate-repository.js';
import { getInstitution, offersItem } from '../institutions/institution-repository.js';
import { requiredReason } from '../required-reason.js';
import { classForInstitutionOrStaff, institutionFor, staffClass } from './class-access.js';
import {
  assessmentResults,
  classInspections,
  classSummaries,
  classTrainees,
  recordedSessions,
  enrolledPersonIds,
  insertAttendance,
  insertClass,
  insertInspection,
  markClassCompleted,
  nextClassSequence,
  peopleByIdHashes,
  recordDecision,
  sameOpening,
  upsertAssessments,
} from './class-repository.js';
import {
  classStateValue,
  classSteps,
  lastSessionBy,
  notStarted,
  type ClassInput,
  type ClassState,
  type ClassSummary,
  type ClassView,
} from './class-view.js';
import { checkRoster, rosterScope, type CheckedRoster } from './roster-check.js';

/**
 * Classes under the real-name system (实名制, 人社部发〔2024〕5号 (四)(五)): opened with a roster
 * (开班申请), approved by the bureau, attended session by session (考勤), inspected (过程检查),
 * assessed and completed (结业考核), issuing certificates that become the trainees' registry facts.
 */
export class ClassService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /** The institution (its own account) or a clerk on its behalf applies to open a class with its roster. */
  async openClass(actor: Actor, input: ClassInput): Promise<ClassView> {
    const inst = await institutionFor(this.db, actor, input.institutionId);
    if (inst.status !== 'listed')
      throw new AppError('INSTITUTION_REMOVED', 409, 'institutionId', { value: inst.removed_on ?? '' });
    if (!(await offersItem(this.db, inst.id, input.demandItemId)))
      throw new AppError('ITEM_NOT_OFFERED', 422, 'demandItemId');
    const item = await getDemandItem(this.db, input.demandItemId);
    if (!itemView(item, input.startsOn).inForce)
      throw new AppError('ITEM_NOT_IN_FORCE', 422, 'demandItemId', { value: input.startsOn });
    // The opening is applied for before the class starts (开班申请), not filed afterwards.
    if (input.startsOn < this.clock.today())
      throw new AppError('VALIDATION_FAILED', 400, 'startsOn', notBefore(this.clock.today()));
    if (input.endsOn < input.startsOn)
      throw new AppError('VALIDATION_FAILED', 400, 'endsOn', notBefore(input.startsOn));
    if (input.roster.length === 0) throw new AppError('REQUIRED_FIELD', 400, 'roster');
    if (input.roster.length > inst.capacity)
      throw new AppError('ROSTER_OVER_CAPACITY', 422, 'roster', { value: String(inst.capacity) });
    // Every ID number checked, then all looked up in one query by their keyed hashes, and each found
    // under the name written beside it (实名制), as the roster check does: given a number alone, the
    // class would have answered with the name registered under it, anyone's in the registry.
    const hashes = input.roster.map((t, i) =>
      idNumberLookup(this.vault, t.idNumber.toUpperCase(), `roster[${i}].idNumber`),
    );
    const scope = await rosterScope(this.db, actor);
    const found = new Map(
      (await peopleByIdHashes(this.db, hashes))
        .filter((p) => isInScope(scope, p.region_code))
        .map((p) => [p.id_number_hmac, p]),
    );
    const people = input.roster.map((t, i) => {
      const hash = hashes[i]!;
      if (hashes.indexOf(hash) !== i) throw new AppError('LISTED_TWICE', 400, `roster[${i}].idNumber`);
      const person = found.get(hash);
      if (!person)
        throw new AppError('PERSON_NOT_REGISTERED', 422, `roster[${i}].idNumber`, {
          value: maskIdNumber(t.idNumber.toUpperCase()),
        });
      if (person.name !== t.name.trim()) throw new AppError('TRAINEE_NAME_MISMATCH', 422, `roster[${i}].name`);
      return person.id;
    });
    const id = await this.db.transaction().execute(async (trx) => {
      const opening = { institutionId: inst.id, demandItemId: item.id, startsOn: input.startsOn, endsOn: input.endsOn };
      const already = await sameOpening(trx, opening, people);
      if (already) throw new AppError('CLASS_ALREADY_APPLIED', 409, undefined, { value: already });
      const number = `PX${inst.region_code}-${input.startsOn.slice(0, 4)}-${(await nextClassSequence(trx)).padStart(7, '0')}`;
      const classId = await insertClass(
        trx,
        {
          number,
          institution_id: inst.id,
          demand_item_id: item.id,
          region_code: inst.region_code,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          sessions: input.sessions,
          teaching_plan: input.teachingPlan,
          teachers: JSON.stringify(input.teachers),
          resources: JSON.stringify(input.resources),
          assessment_plan: input.assessmentPlan,
          state: 'applied',
          applied_by: actor.accountId,
        },
        people,
      );
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.class.applied',
        entityType: 'training_class',
        entityId: classId,
        regionCode: inst.region_code,
        after: { number, trainees: people.length },
      });
      return classId;
    });
    return this.getClass(actor, id);
  }

  /** The bureau approves or refuses the opening; never the account that applied (181号 第二十五条). */
  async decideClass(actor: Actor, id: string, approve: boolean, reason?: string): Promise<ClassView> {
    const cls = await staffClass(this.db, actor, id);
    if (cls.state !== 'applied') throw new AppError('CLASS_STATE', 409, 'action', classStateValue(cls.state));
    if (cls.applied_by === actor.accountId)
      throw new AppError('SOD_TWO_STEPS', 403, undefined, stepValue('application'));
    if (!approve && !saysSomething(reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
    const inst = await getInstitution(this.db, cls.institution_id);
    if (approve && inst.status !== 'listed')
      throw new AppError('INSTITUTION_REMOVED', 409, 'institutionId', { value: inst.removed_on ?? '' });
    await this.db.transaction().execute(async (trx) => {
      await recordDecision(trx, id, {
        state: approve ? 'approved' : 'rejected',
        decidedBy: actor.accountId,
        reason: reason?.trim() || null,
      });
      await appendAudit(trx, this.vault, {
        actor,
        action: approve ? 'training.class.approved' : 'training.class.rejected',
        entityType: 'training_class',
        entityId: id,
        regionCode: cls.region_code,
        after: { reason },
      });
    });
    return this.getClass(actor, id);
  }

  /** Check-ins for one session (考勤): each trainee once per session; only trainees on the roster. */
  async recordAttendance(
    actor: Actor,
    id: string,
    sessionNo: number,
    personIds: readonly string[],
  ): Promise<ClassView> {
    const cls = await classForInstitutionOrStaff(this.db, actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'sessionNo', classStateValue(cls.state));
    if (notStarted(cls, this.clock.today()))
      throw new AppError('CLASS_NOT_STARTED', 409, 'sessionNo', { value: cls.starts_on });
    if (sessionNo > cls.sessions)
      throw new AppError('VALIDATION_FAILED', 400, 'sessionNo', { detail: `≤ ${cls.sessions}` });
    const lastToday = lastSessionBy(cls, this.clock.today());
    if (sessionNo > lastToday)
      throw new AppError('SESSION_NOT_HELD_YET', 409, 'sessionNo', {
        value: String(sessionNo),
        last: String(lastToday),
      });
    const enrolled = new Set(await enrolledPersonIds(this.db, id));
    personIds.forEach((p, i) => {
      if (!enrolled.has(p)) throw new AppError('NOT_ENROLLED', 422, `personIds[${i}]`);
    });
    await this.db.transaction().execute(async (trx) => {
      await insertAttendance(trx, id, sessionNo, personIds, this.clock.now(), actor.accountId);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.attendance.recorded',
        entityType: 'training_class',
        entityId: id,
        regionCode: cls.region_code,
        after: { sessionNo, present: personIds.length },
      });
    });
    return this.getClass(actor, id);
  }

  /** A process inspection (过程检查) by the bureau. */
  async inspect(
    actor: Actor,
    id: string,
    input: { inspectedOn: IsoDate; satisfactory: boolean; finding: string },
  ): Promise<ClassView> {
    const cls = await staffClass(this.db, actor, id);
    // 过程检查 is of a class running: on a day it has begun and that has come.
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'action', classStateValue(cls.state));
    if (input.inspectedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'inspectedOn');
    if (input.inspectedOn < cls.starts_on)
      throw new AppError('VALIDATION_FAILED', 400, 'inspectedOn', notBefore(cls.starts_on));
    await this.db.transaction().execute(async (trx) => {
      await insertInspection(trx, {
        class_id: id,
        inspector_id: actor.accountId,
        inspected_on: input.inspectedOn,
        satisfactory: input.satisfactory,
        finding: requiredReason(input.finding, 'finding'),
      });
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.class.inspected',
        entityType: 'training_class',
        entityId: id,
        regionCode: cls.region_code,
        after: { ...input },
      });
    });
    return this.getClass(actor, id);
  }

  /** Completion assessment results (结业考核), recorded by the institution once the class has ended. */
  async recordAssessment(
    actor: Actor,
    id: string,
    results: readonly { personId: string; passed: boolean; score?: number }[],
  ): Promise<ClassView> {
    const cls = await classForInstitutionOrStaff(this.db, actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'results', classStateValue(cls.state));
    if (this.clock.today() < cls.ends_on) throw new AppError('CLASS_NOT_ENDED', 409, 'results', { value: cls.ends_on });
    const enrolled = new Set(await enrolledPersonIds(this.db, id));
    results.forEach((r, i) => {
      if (!enrolled.has(r.personId)) throw new AppError('NOT_ENROLLED', 422, `results[${i}].personId`);
      if (results.findIndex((x) => x.personId === r.personId) !== i)
        throw new AppError('LISTED_TWICE', 400, `results[${i}].personId`);
    });
    await this.db.transaction().execute(async (trx) => {
      await upsertAssessments(trx, id, results, actor.accountId);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.assessment.recorded',
        entityType: 'training_class',
        entityId: id,
        regionCode: cls.region_code,
        after: { results: results.length, passed: results.filter((r) => r.passed).length },
      });
    });
    return this.getClass(actor, id);
  }

  /**
   * The bureau's completion review (结业审核): the class is completed and every trainee who passed
   * gets a certificate (培训合格证书, 5号 (五)) with its serial number, which is also recorded as their
   * registry fact, so the training subsidy is decided on it like any other certificate.
   */
  async complete(actor: Actor, id: string): Promise<ClassView> {
    const cls = await staffClass(this.db, actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'action', classStateValue(cls.state));
    if (cls.decided_by === actor.accountId) throw new AppError('SOD_TWO_STEPS', 403, undefined, stepValue('approval'));
    const results = await assessmentResults(this.db, id);
    const enrolled = await enrolledPersonIds(this.db, id);
    if (results.length < enrolled.length)
      throw new AppError('ASSESSMENT_INCOMPLETE', 409, 'results', { value: String(enrolled.length - results.length) });
    const item = await getDemandItem(this.db, cls.demand_item_id);
    const inst = await getInstitution(this.db, cls.institution_id);
    const { certificates, facts } = certificatesFor(
      {
        id,
        number: cls.number,
        startsOn: cls.starts_on,
        endsOn: cls.ends_on,
        occupation: item.occupation,
        level: item.level,
        trainingKind: item.training_kind,
        institutionName: inst.name,
      },
      results.filter((r) => r.passed).map((r) => r.person_id),
      this.clock.today(),
      actor.accountId,
    );
    await this.db.transaction().execute(async (trx) => {
      await insertCertificates(trx, certificates, facts);
      await markClassCompleted(trx, id, actor.accountId);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.class.completed',
        entityType: 'training_class',
        entityId: id,
        regionCode: cls.region_code,
        after: { certificates: certificates.length },
      });
    });
    return this.getClass(actor, id);
  }

  /** Classes the caller may see: the bureau's within its regions, an institution's own; newest first. */
  async listClasses(actor: Actor, state?: ClassState): Promise<ClassSummary[]> {
    const scope = actor.permissions.has('training:manage')
      ? { range: regionRange(actor.regionCode) }
      : { organisationId: actor.organisationId ?? NO_ONE };
    const rows = await classSummaries(this.db, scope, state);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      notStarted: notStarted(r, this.clock.today()),
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      regionCode: r.region_code,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      occupation: r.occupation,
      ...(r.level !== null ? { level: r.level } : {}),
      trainees: Number(r.trainees ?? 0),
      certificates: Number(r.certificates ?? 0),
    }));
  }

  /** A roster sheet checked against the registry before the opening is applied for (see `checkRoster`). */
  checkRoster(actor: Actor, file: Buffer): Promise<CheckedRoster> {
    return checkRoster(this.db, this.vault, actor, file);
  }

  /** A class with its roster, attendance, results, certificates and inspections, and the caller's next steps. */
  async getClass(actor: Actor, id: string): Promise<ClassView> {
    const cls = await classForInstitutionOrStaff(this.db, actor, id);
    const item = await getDemandItem(this.db, cls.demand_item_id);
    const inst = await getInstitution(this.db, cls.institution_id);
    const trainees = await classTrainees(this.db, id);
    const inspections = await classInspections(this.db, id);
    const recorded = await recordedSessions(this.db, id);
    return {
      id: cls.id,
      number: cls.number,
      institutionId: cls.institution_id,
      institutionName: inst.name,
      demandItemId: cls.demand_item_id,
      occupation: item.occupation,
      ...(item.level !== null ? { level: item.level } : {}),
      regionCode: cls.region_code,
      startsOn: cls.starts_on,
      endsOn: cls.ends_on,
      sessions: cls.sessions,
      sessionsRecorded: recorded,
      sessionsDue: lastSessionBy(cls, this.clock.today()),
      state: cls.state,
      notStarted: notStarted(cls, this.clock.today()),
      ...(cls.decision_reason ? { decisionReason: cls.decision_reason } : {}),
      trainees: trainees.map((t) => ({
        personId: t.id,
        name: t.name,
        idNumberMasked: t.id_number_masked,
        attended: Number(t.attended ?? 0),
        ...(t.passed !== null ? { passed: t.passed } : {}),
        ...(t.score !== null ? { score: t.score } : {}),
        ...(t.serial ? { certificate: t.serial } : {}),
      })),
      inspections: inspections.map((i) => ({
        inspectedOn: i.inspected_on,
        satisfactory: i.satisfactory,
        finding: i.finding,
      })),
      steps: classSteps(actor, cls, this.clock.today()),
    };
  }
}
