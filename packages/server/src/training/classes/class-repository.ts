import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, TrainingClassTable } from '../../db/schema.js';
import type { ClassState } from './class-view.js';

/** A class (training_class) and what is recorded against it: enrolment, attendance, inspections, assessment. */
export type ClassRow = Selectable<TrainingClassTable>;

/** The next number of the sequence class numbers share with applications (PX… is built from it). */
export async function nextClassSequence(trx: Transaction<Database>): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('application_number_seq')::text as n`.execute(trx);
  return rows[0]?.n ?? '0';
}

export async function insertClass(
  trx: Transaction<Database>,
  values: Insertable<TrainingClassTable>,
  personIds: readonly string[],
): Promise<string> {
  const row = await trx.insertInto('training_class').values(values).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('training_enrolment')
    .values(personIds.map((p) => ({ class_id: row.id, person_id: p })))
    .execute();
  return row.id;
}

/**
 * The same opening already applied for or approved: the institution's class of that item and dates
 * whose roster is exactly these people. The institution's row is locked first, so two identical
 * openings at once (a double click) are told apart: the second finds the first.
 */
export async function sameOpening(
  trx: Transaction<Database>,
  opening: { institutionId: string; demandItemId: string; startsOn: string; endsOn: string },
  personIds: readonly string[],
): Promise<string | undefined> {
  await trx
    .selectFrom('training_institution')
    .select('id')
    .where('id', '=', opening.institutionId)
    .forUpdate()
    .execute();
  const candidates = await trx
    .selectFrom('training_class as c')
    .innerJoin('training_enrolment as e', 'e.class_id', 'c.id')
    .select(['c.number', sql<string[]>`array_agg(e.person_id::text)`.as('people')])
    .where('c.institution_id', '=', opening.institutionId)
    .where('c.demand_item_id', '=', opening.demandItemId)
    .where('c.starts_on', '=', opening.startsOn)
    .where('c.ends_on', '=', opening.endsOn)
    .where('c.state', 'in', ['applied', 'approved'])
    .groupBy('c.number')
    .execute();
  const wanted = [...personIds].sort().join();
  return candidates.find((c) => [...c.people].sort().join() === wanted)?.number;
}

export function findClass(db: Kysely<Database>, id: string): Promise<ClassRow | undefined> {
  return db.selectFrom('training_class').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The class with the registered unit of its institution. */
export function findClassWithOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<(ClassRow & { organisation_id: string }) | undefined> {
  return db
    .selectFrom('training_class as c')
    .innerJoin('training_institution as i', 'i.id', 'c.institution_id')
    .selectAll('c')
    .select('i.organisation_id')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Registry people by the keyed hashes of their ID numbers. */
export function peopleByIdHashes(db: Kysely<Database>, hashes: readonly string[]) {
  return db
    .selectFrom('person')
    .select(['id', 'id_number_hmac', 'name', 'id_number_masked', 'region_code'])
    .where('id_number_hmac', 'in', [...hashes])
    .execute();
}

export async function enrolledPersonIds(db: Kysely<Database>, classId: string): Promise<string[]> {
  return (await db.selectFrom('training_enrolment').select('person_id').where('class_id', '=', classId).execute()).map(
    (e) => e.person_id,
  );
}

/** Approved or refused, if the class is still waiting for the decision. */
export async function recordDecision(
  trx: Transaction<Database>,
  id: string,
  decision: { state: 'approved' | 'rejected'; decidedBy: string; reason: string | null },
): Promise<void> {
  await trx
    .updateTable('training_class')
    .set({ state: decision.state, decided_by: decision.decidedBy, decision_reason: decision.reason })
    .where('id', '=', id)
    .where('state', '=', 'applied')
    .execute();
}

/** Check-ins for one session; a trainee already checked in for it stays as first recorded. */
export async function insertAttendance(
  trx: Transaction<Database>,
  classId: string,
  sessionNo: number,
  personIds: readonly string[],
  at: Date,
  recordedBy: string,
): Promise<void> {
  await trx
    .insertInto('training_attendance')
    .values(
      personIds.map((p) => ({
        class_id: classId,
        session_no: sessionNo,
        person_id: p,
        checked_in_at: at,
        recorded_by: recordedBy,
      })),
    )
    .onConflict((oc) => oc.columns(['class_id', 'session_no', 'person_id']).doNothing())
    .execute();
}

export async function insertInspection(
  trx: Transaction<Database>,
  values: Insertable<Database['training_inspection']>,
): Promise<void> {
  await trx.insertInto('training_inspection').values(values).execute();
}

/** Assessment results; a trainee's later result replaces the earlier one. */
export async function upsertAssessments(
  trx: Transaction<Database>,
  classId: string,
  results: readonly { personId: string; passed: boolean; score?: number }[],
  recordedBy: string,
): Promise<void> {
  await trx
    .insertInto('training_assessment')
    .values(
      results.map((r) => ({
        class_id: classId,
        person_id: r.personId,
        passed: r.passed,
        score: r.score ?? null,
        recorded_by: recordedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['class_id', 'person_id']).doUpdateSet((eb) => ({
        passed: eb.ref('excluded.passed'),
        score: eb.ref('excluded.score'),
        recorded_by: eb.ref('excluded.recorded_by'),
      })),
    )
    .execute();
}

export function assessmentResults(
  db: Kysely<Database>,
  classId: string,
): Promise<{ person_id: string; passed: boolean }[]> {
  return db.selectFrom('training_assessment').select(['person_id', 'passed']).where('class_id', '=', classId).execute();
}

export async function markClassCompleted(trx: Transaction<Database>, id: string, completedBy: string): Promise<void> {
  await trx
    .updateTable('training_class')
    .set({ state: 'completed', completed_by: completedBy })
    .where('id', '=', id)
    .where('state', '=', 'approved')
    .execute();
}

/** Each trainee on the roster with sessions attended, result and certificate, by name. */
export function classTrainees(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('training_assessment as a', (j) =>
      j.onRef('a.class_id', '=', 'e.class_id').onRef('a.person_id', '=', 'e.person_id'),
    )
    .leftJoin('training_certificate as c', (j) =>
      j.onRef('c.class_id', '=', 'e.class_id').onRef('c.person_id', '=', 'e.person_id'),
    )
    .select((eb) => [
      'p.id',
      'p.name',
      'p.id_number_masked',
      'a.passed',
      'a.score',
      'c.serial',
      eb
        .selectFrom('training_attendance as t')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('t.class_id', '=', 'e.class_id')
        .whereRef('t.person_id', '=', 'e.person_id')
        .as('attended'),
    ])
    .where('e.class_id', '=', classId)
    .orderBy('p.name')
    .execute();
}

/** The sessions with at least one check-in recorded, in order. */
export async function recordedSessions(db: Kysely<Database>, classId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('training_attendance')
    .select('session_no')
    .distinct()
    .where('class_id', '=', classId)
    .orderBy('session_no')
    .execute();
  return rows.map((r) => r.session_no);
}

export function classInspections(db: Kysely<Database>, classId: string) {
  return db
    .selectFrom('training_inspection')
    .select(['inspected_on', 'satisfactory', 'finding'])
    .where('class_id', '=', classId)
    .orderBy('id')
    .execute();
}

/** Classes within a range of region codes, or of one unit's institution; newest first, at most 500. */
export function classSummaries(
  db: Kysely<Database>,
  scope: { range: { low: string; high: string } } | { organisationId: string },
  state?: ClassState,
) {
  let q = db
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
      eb
        .selectFrom('training_enrolment as e')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .as('trainees'),
      eb
        .selectFrom('training_certificate as t')
        .select((x) => x.fn.countAll<string>().as('n'))
        .whereRef('t.class_id', '=', 'c.id')
        .as('certificates'),
    ]);
  if ('range' in scope)
    q = q.where('c.region_code', '>=', scope.range.low).where('c.region_code', '<=', scope.range.high);
  else q = q.where('i.organisation_id', '=', scope.organisationId);
  if (state) q = q.where('c.state', '=', state);
  return q.orderBy('c.starts_on', 'desc').orderBy('c.number', 'desc').limit(500).execute();
}

/** Whom a class's subsidy is paid to: its catalogue item's payee, and its institution's unit. */
export function classPayee(
  db: Kysely<Database>,
  classId: string,
): Promise<{ payee: 'trainee' | 'institution'; organisation_id: string }> {
  return db
    .selectFrom('training_class as c')
    .innerJoin('training_demand_item as d', 'd.id', 'c.demand_item_id')
    .innerJoin('training_institution as i', 'i.id', 'c.institution_id')
    .select(['d.payee', 'i.organisation_id'])
    .where('c.id', '=', classId)
    .executeTakeFirstOrThrow();
}
