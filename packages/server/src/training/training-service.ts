import { parseResidentId, regionChain, type IsoDate } from '@huimin/policy';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import { appendAudit } from '../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database, TrainingDemandItemTable, TrainingInstitutionTable } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { assertRegionInScope, isInScope, regionChecker, regionRange } from '../regions/region-scope.js';
import { fromError, readRows, rejectIfAny, type ImportProblem } from '../registry/import/sheet.js';
import { readTable } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';
import { CATALOGUE_COLUMNS, readCatalogueRow, readRosterRow, ROSTER_COLUMNS } from './training-sheets.js';

export interface DemandItemInput {
  regionCode: string;
  occupation: string;
  level?: number;
  trainingKind: 'employment-skills' | 'entrepreneurship';
  standardFen: number;
  hours: number;
  urgent: boolean;
  /** Paid to the trainee (直补个人, the default) or to the institution (项目制、先垫后补). */
  payee?: 'trainee' | 'institution';
  validFrom: IsoDate;
  validTo?: IsoDate;
}

export interface DemandItemView extends Omit<DemandItemInput, 'payee'> {
  id: string;
  payee: 'trainee' | 'institution';
  inForce: boolean;
  removedOn?: string;
  removedReason?: string;
}

export interface InstitutionInput {
  organisationId: string;
  address: string;
  nature: 'public' | 'private' | 'enterprise' | 'school';
  capacity: number;
  demandItemIds: string[];
}

export interface InstitutionView {
  id: string;
  regionCode: string;
  organisationId: string;
  name: string;
  address: string;
  nature: string;
  capacity: number;
  status: string;
  demandItemIds: string[];
  removedOn?: string;
  removedReason?: string;
}

export interface ClassInput {
  institutionId: string;
  demandItemId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  sessions: number;
  teachingPlan: string;
  teachers: { name: string; qualification: string }[];
  resources: string[];
  assessmentPlan: string;
  /** 培训学员名册: trainees by real name and ID number, each in the registry. */
  roster: string[];
}

export interface ClassView {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  demandItemId: string;
  occupation: string;
  level?: number;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  sessions: number;
  state: string;
  decisionReason?: string;
  trainees: { personId: string; name: string; idNumberMasked: string; attended: number; passed?: boolean; score?: number; certificate?: string }[];
  inspections: { inspectedOn: string; satisfactory: boolean; finding: string }[];
  /** What the caller may do next, so a screen offers only those: decide, attend, inspect, assess, complete, claim. */
  steps: ClassStep[];
}

export type ClassStep = 'decide' | 'attend' | 'inspect' | 'assess' | 'complete' | 'claim';

export type ClassState = 'applied' | 'approved' | 'rejected' | 'completed';

export interface ClassSummary {
  id: string;
  number: string;
  state: ClassState;
  startsOn: string;
  endsOn: string;
  regionCode: string;
  institutionId: string;
  institutionName: string;
  occupation: string;
  level?: number;
  trainees: number;
  certificates: number;
}

export interface CertificateView {
  serial: string;
  name: string;
  idNumberMasked: string;
  occupation: string;
  level?: number;
  institution: string;
  startsOn: string;
  endsOn: string;
  issuedOn: string;
}


/**
 * Vocational training (两目录一系统, 人社部发〔2024〕5号 一、二): the training-demand catalogue and
 * the institution catalogue, public and adjusted over time with their history kept; and the
 * real-name system through which a class is opened with its roster (开班申请), approved, attended
 * session by session, inspected (过程检查), assessed and completed (结业考核), issuing certificates
 * that become the trainees' registry facts and, from them, training-subsidy claims.
 */
export class TrainingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly applications: ApplicationService,
  ) {}

  // ── the training-demand catalogue (职业技能培训需求指导目录) ──

  async addDemandItem(actor: Actor, input: DemandItemInput): Promise<DemandItemView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    checkItemDates(input);
    const id = await this.db.transaction().execute(async (trx) => {
      const [added] = await this.insertDemandItems(trx, actor, [input]);
      await appendAudit(trx, this.vault, { actor, action: 'training.catalogue-item.added', entityType: 'training_demand_item', entityId: added ?? '', regionCode: input.regionCode, after: { ...input } });
      return added ?? '';
    });
    return this.demandItem(id);
  }

  /**
   * Catalogue items from a filled-in sheet (the bureau publishes its 目录 as a table). All or
   * nothing: any bad row refuses the file and lists every problem by row and column.
   */
  async importCatalogue(actor: Actor, file: Buffer): Promise<{ imported: number }> {
    const problems: ImportProblem[] = [];
    const rows = readRows(await readTable(file), CATALOGUE_COLUMNS, ['regionCode'], problems);
    const checkRegion = await regionChecker(this.db, actor.regionCode);
    const column = (field: string) => CATALOGUE_COLUMNS.find((c) => c.key === field);
    const inputs: DemandItemInput[] = [];
    for (const { number, row } of rows) {
      try {
        const input = readCatalogueRow(row);
        checkRegion(input.regionCode, 'regionCode');
        checkItemDates(input);
        inputs.push(input);
      } catch (error) {
        problems.push(fromError(error, number, column));
      }
    }
    rejectIfAny(problems, CATALOGUE_COLUMNS, inputs.length);
    await this.db.transaction().execute(async (trx) => {
      const ids = await this.insertDemandItems(trx, actor, inputs);
      await appendAudit(trx, this.vault, { actor, action: 'training.catalogue.imported', entityType: 'training_demand_item', entityId: ids[0] ?? '', regionCode: actor.regionCode, after: { items: ids.length } });
    });
    return { imported: inputs.length };
  }

  private async insertDemandItems(trx: Transaction<Database>, actor: Actor, inputs: readonly DemandItemInput[]): Promise<string[]> {
    const rows = await trx
      .insertInto('training_demand_item')
      .values(
        inputs.map((input) => ({
          region_code: input.regionCode,
          occupation: input.occupation.trim(),
          level: input.level ?? null,
          training_kind: input.trainingKind,
          standard_fen: String(input.standardFen),
          hours: input.hours,
          urgent: input.urgent,
          payee: input.payee ?? 'trainee',
          valid_from: input.validFrom,
          valid_to: input.validTo ?? null,
          created_by: actor.accountId,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Moved out of the catalogue: no new class may use it; classes already running finish; the row stays. */
  async removeDemandItem(actor: Actor, id: string, reason: string): Promise<DemandItemView> {
    const item = await this.db.selectFrom('training_demand_item').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item || !isInScope(actor.regionCode, item.region_code)) throw new AppError('TRAINING_ITEM_NOT_FOUND', 404);
    if (item.removed_on) return this.demandItem(id);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_demand_item').set({ removed_on: this.clock.today(), removed_reason: requiredReason(reason) }).where('id', '=', id).execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.catalogue-item.removed', entityType: 'training_demand_item', entityId: id, regionCode: item.region_code, after: { reason } });
    });
    return this.demandItem(id);
  }

  /** The public catalogue of a region (and the regions above it) on a day; `history` adds items moved out or expired. */
  async catalogue(region: string, on: IsoDate = this.clock.today(), history = false): Promise<DemandItemView[]> {
    const chain = regionChain(region);
    const rows = await this.db.selectFrom('training_demand_item').selectAll().where('region_code', 'in', chain).orderBy('occupation').orderBy('level').execute();
    return rows.map((r) => itemView(r, on)).filter((v) => history || v.inForce);
  }

  private async demandItem(id: string): Promise<DemandItemView> {
    const row = await this.db.selectFrom('training_demand_item').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return itemView(row, this.clock.today());
  }

  // ── the institution catalogue (培训机构目录) ──

  async listInstitution(actor: Actor, input: InstitutionInput): Promise<InstitutionView> {
    const unit = await this.db.selectFrom('organisation').select(['id', 'name', 'region_code']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!unit || !isInScope(actor.regionCode, unit.region_code)) throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    await this.assertItems(input.demandItemIds, unit.region_code);
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('training_institution')
        .values({ region_code: unit.region_code, organisation_id: unit.id, name: unit.name, address: input.address.trim(), nature: input.nature, capacity: input.capacity, created_by: actor.accountId })
        .onConflict((oc) => oc.column('organisation_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('INSTITUTION_ALREADY_LISTED', 409, 'organisationId');
      await trx.insertInto('training_institution_item').values(input.demandItemIds.map((d) => ({ institution_id: row.id, demand_item_id: d }))).execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.institution.listed', entityType: 'training_institution', entityId: row.id, regionCode: unit.region_code, after: { ...input } });
      return row.id;
    });
    return this.institution(id);
  }

  /** Moved out of the catalogue (移出目录, 5号 (十一)): it opens no new class; the row and its history stay. */
  async removeInstitution(actor: Actor, id: string, reason: string): Promise<InstitutionView> {
    const inst = await this.db.selectFrom('training_institution').selectAll().where('id', '=', id).executeTakeFirst();
    if (!inst || !isInScope(actor.regionCode, inst.region_code)) throw new AppError('INSTITUTION_NOT_FOUND', 404);
    if (inst.status === 'removed') return this.institution(id);
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_institution').set({ status: 'removed', removed_on: this.clock.today(), removed_reason: requiredReason(reason) }).where('id', '=', id).execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.institution.removed', entityType: 'training_institution', entityId: id, regionCode: inst.region_code, after: { reason } });
    });
    return this.institution(id);
  }

  async institutions(region: string, history = false): Promise<InstitutionView[]> {
    const range = regionRange(region);
    let q = this.db.selectFrom('training_institution').selectAll().where('region_code', '>=', range.low).where('region_code', '<=', range.high);
    if (!history) q = q.where('status', '=', 'listed');
    return this.institutionViews(await q.orderBy('name').execute());
  }

  private async institution(id: string): Promise<InstitutionView> {
    const [view] = await this.institutionViews(await this.db.selectFrom('training_institution').selectAll().where('id', '=', id).execute());
    if (!view) throw new AppError('INSTITUTION_NOT_FOUND', 404);
    return view;
  }

  /** Institutions with the items each may run, in one query for the items. */
  private async institutionViews(rows: readonly Selectable<TrainingInstitutionTable>[]): Promise<InstitutionView[]> {
    if (rows.length === 0) return [];
    const items = await this.db.selectFrom('training_institution_item').selectAll().where('institution_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      organisationId: r.organisation_id,
      name: r.name,
      address: r.address,
      nature: r.nature,
      capacity: r.capacity,
      status: r.status,
      demandItemIds: items.filter((i) => i.institution_id === r.id).map((i) => i.demand_item_id),
      ...(r.removed_on ? { removedOn: r.removed_on, removedReason: r.removed_reason ?? '' } : {}),
    }));
  }

  private async assertItems(ids: readonly string[], region: string): Promise<void> {
    if (ids.length === 0) throw new AppError('REQUIRED_FIELD', 400, 'demandItemIds');
    const found = await this.db.selectFrom('training_demand_item').select(['id', 'region_code']).where('id', 'in', [...ids]).execute();
    ids.forEach((id, i) => {
      const item = found.find((f) => f.id === id);
      if (!item || !regionChain(region).includes(item.region_code)) throw new AppError('TRAINING_ITEM_NOT_FOUND', 404, `demandItemIds[${i}]`);
    });
  }

  // ── classes (开班申请 → 审批 → 考勤与过程检查 → 结业考核 → 证书) ──

  /** The institution (its own account) or a clerk on its behalf applies to open a class with its roster. */
  async openClass(actor: Actor, input: ClassInput): Promise<ClassView> {
    const inst = await this.institutionFor(actor, input.institutionId);
    if (inst.status !== 'listed') throw new AppError('INSTITUTION_REMOVED', 409, 'institutionId', { value: inst.removed_on ?? '' });
    const offered = await this.db.selectFrom('training_institution_item').select('demand_item_id').where('institution_id', '=', inst.id).where('demand_item_id', '=', input.demandItemId).executeTakeFirst();
    if (!offered) throw new AppError('ITEM_NOT_OFFERED', 422, 'demandItemId');
    const item = await this.db.selectFrom('training_demand_item').selectAll().where('id', '=', input.demandItemId).executeTakeFirstOrThrow();
    if (!itemView(item, input.startsOn).inForce) throw new AppError('ITEM_NOT_IN_FORCE', 422, 'demandItemId', { value: input.startsOn });
    // The opening is applied for before the class starts (开班申请), not filed afterwards.
    if (input.startsOn < this.clock.today()) throw new AppError('VALIDATION_FAILED', 400, 'startsOn', { detail: `≥ ${this.clock.today()}` });
    if (input.endsOn < input.startsOn) throw new AppError('VALIDATION_FAILED', 400, 'endsOn', { detail: `≥ ${input.startsOn}` });
    if (input.roster.length === 0) throw new AppError('REQUIRED_FIELD', 400, 'roster');
    if (input.roster.length > inst.capacity) throw new AppError('ROSTER_OVER_CAPACITY', 422, 'roster', { value: String(inst.capacity) });
    // Every ID number checked, then all looked up in one query by their keyed hashes.
    const hashes = input.roster.map((raw, i) => {
      const parsed = parseResidentId(raw.toUpperCase());
      if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', 400, `roster[${i}]`);
      return this.vault.lookupHash('id-number', parsed.value.number);
    });
    const found = new Map((await this.db.selectFrom('person').select(['id', 'id_number_hmac']).where('id_number_hmac', 'in', hashes).execute()).map((p) => [p.id_number_hmac, p.id]));
    const people = hashes.map((hash, i) => {
      const person = found.get(hash);
      if (!person) throw new AppError('PERSON_NOT_FOUND', 404, `roster[${i}]`);
      if (hashes.indexOf(hash) !== i) throw new AppError('VALIDATION_FAILED', 400, `roster[${i}]`, { detail: '重复 / listed twice' });
      return person;
    });
    const id = await this.db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: string }>`select nextval('application_number_seq')::text as n`.execute(trx);
      const number = `PX${inst.region_code}-${input.startsOn.slice(0, 4)}-${(rows[0]?.n ?? '0').padStart(7, '0')}`;
      const row = await trx
        .insertInto('training_class')
        .values({
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
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('training_enrolment').values(people.map((p) => ({ class_id: row.id, person_id: p }))).execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.class.applied', entityType: 'training_class', entityId: row.id, regionCode: inst.region_code, after: { number, trainees: people.length } });
      return row.id;
    });
    return this.getClass(actor, id);
  }

  /** The bureau approves or refuses the opening; never the account that applied (181号 第二十五条). */
  async decideClass(actor: Actor, id: string, approve: boolean, reason?: string): Promise<ClassView> {
    const cls = await this.staffClass(actor, id);
    if (cls.state !== 'applied') throw new AppError('CLASS_STATE', 409, 'action', { value: cls.state });
    if (cls.applied_by === actor.accountId) throw new AppError('SOD_TWO_STEPS', 403, undefined, { step: 'application' });
    if (!approve && !reason?.trim()) throw new AppError('REASON_REQUIRED', 400, 'reason');
    const inst = await this.db.selectFrom('training_institution').select(['status', 'removed_on']).where('id', '=', cls.institution_id).executeTakeFirstOrThrow();
    if (approve && inst.status !== 'listed') throw new AppError('INSTITUTION_REMOVED', 409, 'institutionId', { value: inst.removed_on ?? '' });
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('training_class').set({ state: approve ? 'approved' : 'rejected', decided_by: actor.accountId, decision_reason: reason?.trim() || null }).where('id', '=', id).where('state', '=', 'applied').execute();
      await appendAudit(trx, this.vault, { actor, action: approve ? 'training.class.approved' : 'training.class.rejected', entityType: 'training_class', entityId: id, regionCode: cls.region_code, after: { reason } });
    });
    return this.getClass(actor, id);
  }

  /** Check-ins for one session (考勤): each trainee once per session; only trainees on the roster. */
  async recordAttendance(actor: Actor, id: string, sessionNo: number, personIds: readonly string[]): Promise<ClassView> {
    const cls = await this.classForInstitutionOrStaff(actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'sessionNo', { value: cls.state });
    if (sessionNo > cls.sessions) throw new AppError('VALIDATION_FAILED', 400, 'sessionNo', { detail: `≤ ${cls.sessions}` });
    const enrolled = new Set((await this.db.selectFrom('training_enrolment').select('person_id').where('class_id', '=', id).execute()).map((e) => e.person_id));
    personIds.forEach((p, i) => {
      if (!enrolled.has(p)) throw new AppError('NOT_ENROLLED', 422, `personIds[${i}]`);
    });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('training_attendance')
        .values(personIds.map((p) => ({ class_id: id, session_no: sessionNo, person_id: p, checked_in_at: this.clock.now(), recorded_by: actor.accountId })))
        .onConflict((oc) => oc.columns(['class_id', 'session_no', 'person_id']).doNothing())
        .execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.attendance.recorded', entityType: 'training_class', entityId: id, regionCode: cls.region_code, after: { sessionNo, present: personIds.length } });
    });
    return this.getClass(actor, id);
  }

  /** A process inspection (过程检查) by the bureau. */
  async inspect(actor: Actor, id: string, input: { inspectedOn: IsoDate; satisfactory: boolean; finding: string }): Promise<ClassView> {
    const cls = await this.staffClass(actor, id);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('training_inspection').values({ class_id: id, inspector_id: actor.accountId, inspected_on: input.inspectedOn, satisfactory: input.satisfactory, finding: requiredReason(input.finding) }).execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.class.inspected', entityType: 'training_class', entityId: id, regionCode: cls.region_code, after: { ...input } });
    });
    return this.getClass(actor, id);
  }

  /** Completion assessment results (结业考核), recorded by the institution once the class has ended. */
  async recordAssessment(actor: Actor, id: string, results: readonly { personId: string; passed: boolean; score?: number }[]): Promise<ClassView> {
    const cls = await this.classForInstitutionOrStaff(actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'results', { value: cls.state });
    if (this.clock.today() < cls.ends_on) throw new AppError('CLASS_NOT_ENDED', 409, 'results', { value: cls.ends_on });
    const enrolled = new Set((await this.db.selectFrom('training_enrolment').select('person_id').where('class_id', '=', id).execute()).map((e) => e.person_id));
    results.forEach((r, i) => {
      if (!enrolled.has(r.personId)) throw new AppError('NOT_ENROLLED', 422, `results[${i}].personId`);
      if (results.findIndex((x) => x.personId === r.personId) !== i) throw new AppError('VALIDATION_FAILED', 400, `results[${i}].personId`, { detail: '重复 / listed twice' });
    });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('training_assessment')
        .values(results.map((r) => ({ class_id: id, person_id: r.personId, passed: r.passed, score: r.score ?? null, recorded_by: actor.accountId })))
        .onConflict((oc) => oc.columns(['class_id', 'person_id']).doUpdateSet((eb) => ({ passed: eb.ref('excluded.passed'), score: eb.ref('excluded.score'), recorded_by: eb.ref('excluded.recorded_by') })))
        .execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.assessment.recorded', entityType: 'training_class', entityId: id, regionCode: cls.region_code, after: { results: results.length, passed: results.filter((r) => r.passed).length } });
    });
    return this.getClass(actor, id);
  }

  /**
   * The bureau's completion review (结业审核): the class is completed and every trainee who passed
   * gets a certificate (培训合格证书, 5号 (五)) with its serial number, which is also recorded as their
   * registry fact, so the training subsidy is decided on it like any other certificate.
   */
  async complete(actor: Actor, id: string): Promise<ClassView> {
    const cls = await this.staffClass(actor, id);
    if (cls.state !== 'approved') throw new AppError('CLASS_STATE', 409, 'action', { value: cls.state });
    if (cls.decided_by === actor.accountId) throw new AppError('SOD_TWO_STEPS', 403, undefined, { step: 'approval' });
    const results = await this.db.selectFrom('training_assessment').select(['person_id', 'passed']).where('class_id', '=', id).execute();
    const enrolled = await this.db.selectFrom('training_enrolment').select('person_id').where('class_id', '=', id).execute();
    if (results.length < enrolled.length) throw new AppError('ASSESSMENT_INCOMPLETE', 409, 'results', { value: String(enrolled.length - results.length) });
    const item = await this.db.selectFrom('training_demand_item').selectAll().where('id', '=', cls.demand_item_id).executeTakeFirstOrThrow();
    const inst = await this.db.selectFrom('training_institution').select('name').where('id', '=', cls.institution_id).executeTakeFirstOrThrow();
    const today = this.clock.today();
    const certificates = results
      .filter((x) => x.passed)
      .map((r, k) => ({ serial: `${cls.number}-${String(k + 1).padStart(3, '0')}`, class_id: id, person_id: r.person_id, occupation: item.occupation, level: item.level, training_kind: item.training_kind, institution_name: inst.name, starts_on: cls.starts_on, ends_on: cls.ends_on, issued_on: today }));
    const facts = certificates.map((c) => ({
      person_id: c.person_id,
      organisation_id: null,
      kind: 'certificate',
      data: JSON.stringify({ id: c.serial, kind: 'training-completion', occupation: c.occupation, ...(c.level !== null ? { level: c.level } : {}), issuedOn: today, training: { kind: c.training_kind, from: c.starts_on, to: c.ends_on } }),
      source: 'training' as const,
      recorded_by: actor.accountId,
    }));
    await this.db.transaction().execute(async (trx) => {
      if (certificates.length > 0) {
        await trx.insertInto('training_certificate').values(certificates).execute();
        await trx.insertInto('registry_fact').values(facts).execute();
      }
      await trx.updateTable('training_class').set({ state: 'completed', completed_by: actor.accountId }).where('id', '=', id).where('state', '=', 'approved').execute();
      await appendAudit(trx, this.vault, { actor, action: 'training.class.completed', entityType: 'training_class', entityId: id, regionCode: cls.region_code, after: { certificates: certificates.length } });
    });
    return this.getClass(actor, id);
  }

  /**
   * Training-subsidy claims from a completed class: for each certificate not yet claimed, the
   * trainee's 职业培训补贴 is filed and submitted by the clerk; the engine, the catalogue's standard
   * and the risk checks then decide it like any claim. It is paid to the trainee (补贴发放以直补个人
   * 为主, 5号 (十六)) unless the catalogue item is paid to the institution (企业和培训机构按有关管理
   * 规定申领补贴, ibid.; 项目制培训, 财社〔2023〕181号 第九条).
   */
  async fileClaims(actor: Actor, id: string): Promise<{ filed: string[]; alreadyFiled: number }> {
    const cls = await this.staffClass(actor, id);
    if (cls.state !== 'completed') throw new AppError('CLASS_STATE', 409, 'action', { value: cls.state });
    const certificates = await this.db.selectFrom('training_certificate').select(['serial', 'person_id']).where('class_id', '=', id).orderBy('serial').execute();
    const paid = await this.db
      .selectFrom('training_class as c')
      .innerJoin('training_demand_item as d', 'd.id', 'c.demand_item_id')
      .innerJoin('training_institution as i', 'i.id', 'c.institution_id')
      .select(['d.payee', 'i.organisation_id'])
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();
    // The trainee's claim either way (the caps count it against them); an institution-paid item
    // only changes the account it is paid into.
    const payee = paid.payee === 'institution' ? { payeeOrganisationId: paid.organisation_id } : {};
    const filed: string[] = [];
    let alreadyFiled = 0;
    for (const c of certificates) {
      const { application, created } = await this.applications.create(actor, { subsidy: 'vocational-training', personId: c.person_id, claim: { certificateId: c.serial }, idempotencyKey: `training-${c.serial}`, submit: true }, undefined, payee);
      if (created) filed.push(application.id);
      else alreadyFiled++;
    }
    return { filed, alreadyFiled };
  }

  /** Classes the caller may see: the bureau's within its regions, an institution's own; newest first. */
  async listClasses(actor: Actor, state?: ClassState): Promise<ClassSummary[]> {
    let q = this.db
      .selectFrom('training_class as c')
      .innerJoin('training_institution as i', 'i.id', 'c.institution_id')
      .innerJoin('training_demand_item as d', 'd.id', 'c.demand_item_id')
      .select((eb) => [
        'c.id',
        'c.number',
        'c.state',
        'c.starts_on',
        'c.ends_on',
        'c.region_code',
        'c.institution_id',
        'i.name as institution_name',
        'd.occupation',
        'd.level',
        eb.selectFrom('training_enrolment as e').select((x) => x.fn.countAll<string>().as('n')).whereRef('e.class_id', '=', 'c.id').as('trainees'),
        eb.selectFrom('training_certificate as t').select((x) => x.fn.countAll<string>().as('n')).whereRef('t.class_id', '=', 'c.id').as('certificates'),
      ]);
    if (actor.permissions.has('training:manage')) {
      const range = regionRange(actor.regionCode);
      q = q.where('c.region_code', '>=', range.low).where('c.region_code', '<=', range.high);
    } else q = q.where('i.organisation_id', '=', actor.organisationId ?? NO_ONE);
    if (state) q = q.where('c.state', '=', state);
    const rows = await q.orderBy('c.starts_on', 'desc').orderBy('c.number', 'desc').limit(500).execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
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

  /** The institutions the caller may open classes for: its own, or (bureau) those listed in its regions. */
  async institutionsFor(actor: Actor): Promise<InstitutionView[]> {
    if (actor.permissions.has('training:manage')) return this.institutions(actor.regionCode);
    const rows = await this.db.selectFrom('training_institution').selectAll().where('organisation_id', '=', actor.organisationId ?? NO_ONE).execute();
    return this.institutionViews(rows);
  }

  /**
   * A roster sheet (培训学员名册) checked before the opening is applied for: every ID number valid,
   * in the registry and under the name written next to it (real name, 实名制), none twice. All or
   * nothing, with every problem by row. The uploader gets back the roster it sent, with each
   * trainee's registry name and masked number for display.
   */
  /**
   * Only the bureau, within its regions, and a listed institution, within its city, may check names
   * against the registry: to anyone else the answer would say who is registered under which name.
   */
  async checkRoster(actor: Actor, file: Buffer): Promise<{ trainees: { row: number; idNumber: string; name: string; idNumberMasked: string }[] }> {
    let scope = actor.regionCode;
    if (!actor.permissions.has('training:manage')) {
      const listed = await this.db.selectFrom('training_institution').select('region_code').where('organisation_id', '=', actor.organisationId ?? NO_ONE).where('status', '=', 'listed').executeTakeFirst();
      if (!listed) throw new AppError('NOT_A_TRAINING_INSTITUTION', 403);
      scope = `${listed.region_code.slice(0, 4)}00`;
    }
    const problems: ImportProblem[] = [];
    const rows = readRows(await readTable(file), ROSTER_COLUMNS, ['idNumber'], problems);
    const column = (field: string) => ROSTER_COLUMNS.find((c) => c.key === field);
    const read: { row: number; name: string; idNumber: string; hash: string }[] = [];
    const seen = new Map<string, number>();
    for (const { number, row } of rows) {
      try {
        const r = readRosterRow(row);
        const hash = this.vault.lookupHash('id-number', r.idNumber);
        const first = seen.get(hash);
        if (first !== undefined) throw new AppError('VALIDATION_FAILED', 400, 'idNumber', { detail: `与第 ${first} 行重复 / duplicates row ${first}` });
        seen.set(hash, number);
        read.push({ row: number, ...r, hash });
      } catch (error) {
        problems.push(fromError(error, number, column));
      }
    }
    const people = new Map<string, { name: string; id_number_masked: string }>();
    for (let i = 0; i < read.length; i += 1000) {
      const chunk = read.slice(i, i + 1000).map((r) => r.hash);
      for (const p of await this.db.selectFrom('person').select(['id_number_hmac', 'name', 'id_number_masked', 'region_code']).where('id_number_hmac', 'in', chunk).execute()) {
        if (isInScope(scope, p.region_code)) people.set(p.id_number_hmac, p);
      }
    }
    const trainees = [];
    for (const r of read) {
      const person = people.get(r.hash);
      if (!person) problems.push(fromError(new AppError('PERSON_NOT_REGISTERED', 422, 'idNumber', { value: '' }), r.row, column));
      else if (person.name !== r.name) problems.push(fromError(new AppError('NAME_MISMATCH', 422, 'name'), r.row, column));
      else trainees.push({ row: r.row, idNumber: r.idNumber, name: person.name, idNumberMasked: person.id_number_masked });
    }
    rejectIfAny(problems, ROSTER_COLUMNS, trainees.length);
    return { trainees };
  }

  async getClass(actor: Actor, id: string): Promise<ClassView> {
    const cls = await this.classForInstitutionOrStaff(actor, id);
    const item = await this.db.selectFrom('training_demand_item').select(['occupation', 'level']).where('id', '=', cls.demand_item_id).executeTakeFirstOrThrow();
    const inst = await this.db.selectFrom('training_institution').select('name').where('id', '=', cls.institution_id).executeTakeFirstOrThrow();
    const trainees = await this.db
      .selectFrom('training_enrolment as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .leftJoin('training_assessment as a', (j) => j.onRef('a.class_id', '=', 'e.class_id').onRef('a.person_id', '=', 'e.person_id'))
      .leftJoin('training_certificate as c', (j) => j.onRef('c.class_id', '=', 'e.class_id').onRef('c.person_id', '=', 'e.person_id'))
      .select((eb) => [
        'p.id',
        'p.name',
        'p.id_number_masked',
        'a.passed',
        'a.score',
        'c.serial',
        eb.selectFrom('training_attendance as t').select((x) => x.fn.countAll<string>().as('n')).whereRef('t.class_id', '=', 'e.class_id').whereRef('t.person_id', '=', 'e.person_id').as('attended'),
      ])
      .where('e.class_id', '=', id)
      .orderBy('p.name')
      .execute();
    const inspections = await this.db.selectFrom('training_inspection').select(['inspected_on', 'satisfactory', 'finding']).where('class_id', '=', id).orderBy('id').execute();
    // The same checks the steps make, so nothing is offered that would be refused.
    const staff = actor.permissions.has('training:manage') && isInScope(actor.regionCode, cls.region_code);
    const ended = this.clock.today() >= cls.ends_on;
    const steps: ClassStep[] = [];
    if (cls.state === 'applied' && staff && cls.applied_by !== actor.accountId) steps.push('decide');
    if (cls.state === 'approved') {
      steps.push('attend');
      if (staff) steps.push('inspect');
      if (ended) steps.push('assess');
      if (ended && staff && cls.decided_by !== actor.accountId) steps.push('complete');
    }
    if (cls.state === 'completed' && staff && actor.permissions.has('application:create')) steps.push('claim');
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
      state: cls.state,
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
      inspections: inspections.map((i) => ({ inspectedOn: i.inspected_on, satisfactory: i.satisfactory, finding: i.finding })),
      steps,
    };
  }

  /** Public verification (证书查验): the serial and the holder's name must both match; the ID number is masked. */
  async verifyCertificate(serial: string, name: string): Promise<CertificateView> {
    const c = await this.db
      .selectFrom('training_certificate as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select(['c.serial', 'c.occupation', 'c.level', 'c.institution_name', 'c.starts_on', 'c.ends_on', 'c.issued_on', 'p.name', 'p.id_number_masked'])
      .where('c.serial', '=', serial.trim().toUpperCase())
      .executeTakeFirst();
    if (!c || c.name !== name.trim()) throw new AppError('CERTIFICATE_NOT_FOUND', 404, 'serial');
    return {
      serial: c.serial,
      name: c.name,
      idNumberMasked: c.id_number_masked,
      occupation: c.occupation,
      ...(c.level !== null ? { level: c.level } : {}),
      institution: c.institution_name,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      issuedOn: c.issued_on,
    };
  }

  private async institutionFor(actor: Actor, institutionId: string) {
    const inst = await this.db.selectFrom('training_institution').selectAll().where('id', '=', institutionId).executeTakeFirst();
    const own = inst && actor.organisationId === inst.organisation_id;
    const staff = inst && actor.permissions.has('training:manage') && isInScope(actor.regionCode, inst.region_code);
    if (!inst || (!own && !staff)) throw new AppError('INSTITUTION_NOT_FOUND', 404, 'institutionId');
    return inst;
  }

  private async staffClass(actor: Actor, id: string) {
    const cls = await this.db.selectFrom('training_class').selectAll().where('id', '=', id).executeTakeFirst();
    if (!cls || !actor.permissions.has('training:manage') || !isInScope(actor.regionCode, cls.region_code)) throw new AppError('CLASS_NOT_FOUND', 404);
    return cls;
  }

  private async classForInstitutionOrStaff(actor: Actor, id: string) {
    const cls = await this.db
      .selectFrom('training_class as c')
      .innerJoin('training_institution as i', 'i.id', 'c.institution_id')
      .selectAll('c')
      .select('i.organisation_id')
      .where('c.id', '=', id)
      .executeTakeFirst();
    const staff = cls && actor.permissions.has('training:manage') && isInScope(actor.regionCode, cls.region_code);
    const own = cls && cls.organisation_id === (actor.organisationId ?? NO_ONE);
    if (!cls || (!staff && !own)) throw new AppError('CLASS_NOT_FOUND', 404);
    return cls;
  }
}

/** An item's dates, whether typed in or imported: it cannot end before it starts. */
function checkItemDates(input: DemandItemInput): void {
  if (input.validTo !== undefined && input.validTo < input.validFrom) throw new AppError('VALIDATION_FAILED', 400, 'validTo', { detail: `≥ ${input.validFrom}` });
}

function requiredReason(reason: string): string {
  const r = reason.trim();
  if (!r) throw new AppError('REASON_REQUIRED', 400, 'reason');
  return r;
}

/** In force on a day: within its dates and not yet moved out. */
function itemView(r: Selectable<TrainingDemandItemTable>, on: IsoDate): DemandItemView {
  const inForce = r.valid_from <= on && (r.valid_to === null || on <= r.valid_to) && (r.removed_on === null || on < r.removed_on);
  return {
    id: r.id,
    regionCode: r.region_code,
    occupation: r.occupation,
    ...(r.level !== null ? { level: r.level } : {}),
    trainingKind: r.training_kind,
    standardFen: Number(r.standard_fen),
    hours: r.hours,
    urgent: r.urgent,
    payee: r.payee,
    validFrom: r.valid_from,
    ...(r.valid_to ? { validTo: r.valid_to } : {}),
    inForce,
    ...(r.removed_on ? { removedOn: r.removed_on, removedReason: r.removed_reason ?? '' } : {}),
  };
}

