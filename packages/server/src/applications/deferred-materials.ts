import type { IsoDate, Text } from '@huimin/policy';
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { isoInstant } from '../db/json-rows.js';
import type { ApplicationDeferredMaterialTable, Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * 容缺受理 (decision 026): the materials an applicant promised to supply after submitting, and what
 * became of each. Only this file and the use cases beside it (file-with-promise, check-deferred-
 * material, lapse-deferred-materials) touch `application_deferred_material`.
 */
export type DeferredState = 'promised' | 'supplied' | 'checked' | 'lapsed';

export interface DeferredMaterialView {
  material: number;
  name: Text;
  state: DeferredState;
  promisedOn: string;
  /** The last day to supply it. */
  dueOn: string;
  /** The region's document allowing 容缺受理 for this subsidy. */
  basis: string;
  promise: string;
  suppliedAt?: string;
  checkedAt?: string;
  /** Why a supplied file was refused, or what the clerk noted on accepting it. */
  checkNote?: string;
}

/** States in which a promised material may be supplied and checked: before approval (the gate). */
export const DEFERRAL_STATES: ReadonlySet<string> = new Set(['submitted', 'returned', 'accepted', 'reviewed']);

/** Every promise made on an application, open or not, in the order of the materials. */
export async function deferredMaterialsOf(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: string,
): Promise<DeferredMaterialView[]> {
  const rows = await db
    .selectFrom('application_deferred_material')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('material')
    .execute();
  return deferredMaterialViews(rows);
}

/** An application's promised materials in order, as a column of the statement that reads the application. */
export function deferredMaterialsOfApplication(eb: ExpressionBuilder<Database, 'application'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('application_deferred_material')
      .select([
        'application_deferred_material.material',
        'application_deferred_material.material_name',
        'application_deferred_material.promised_on',
        'application_deferred_material.due_on',
        'application_deferred_material.basis',
        'application_deferred_material.promise',
        'application_deferred_material.supplied_evidence_id',
        'application_deferred_material.supplied_at',
        'application_deferred_material.checked_at',
        'application_deferred_material.check_note',
        'application_deferred_material.lapsed_at',
      ])
      .whereRef('application_deferred_material.application_id', '=', 'application.id')
      .orderBy('application_deferred_material.material'),
  );
}

/** A promise as read: alone (Dates) or inside the application's statement (their JSON text). */
type DeferredMaterialRow = Pick<
  Selectable<ApplicationDeferredMaterialTable>,
  'material' | 'material_name' | 'promised_on' | 'due_on' | 'basis' | 'promise' | 'supplied_evidence_id' | 'check_note'
> & {
  readonly supplied_at: Date | string | null;
  readonly checked_at: Date | string | null;
  readonly lapsed_at: Date | string | null;
};

export function deferredMaterialViews(rows: readonly DeferredMaterialRow[]): DeferredMaterialView[] {
  return rows.map((r) => ({
    material: r.material,
    name: r.material_name,
    state: r.lapsed_at ? 'lapsed' : r.checked_at ? 'checked' : r.supplied_evidence_id ? 'supplied' : 'promised',
    promisedOn: r.promised_on,
    dueOn: r.due_on,
    basis: r.basis,
    promise: r.promise,
    ...(r.supplied_at ? { suppliedAt: isoInstant(r.supplied_at) } : {}),
    ...(r.checked_at ? { checkedAt: isoInstant(r.checked_at) } : {}),
    ...(r.check_note ? { checkNote: r.check_note } : {}),
  }));
}

/**
 * The materials under a promise still good when the application is filed again (after a return
 * for correction): supplied, or not yet past their last day. They are not asked for again.
 */
export async function promisedMaterials(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: string,
  today: IsoDate,
): Promise<Set<number>> {
  const rows = await db
    .selectFrom('application_deferred_material')
    .select('material')
    .where('application_id', '=', applicationId)
    .where('lapsed_at', 'is', null)
    .where((eb) => eb.or([eb('supplied_evidence_id', 'is not', null), eb('due_on', '>=', today)]))
    .execute();
  return new Set(rows.map((r) => r.material));
}

/** Whether a promise on this application ever lapsed: such an applicant is not trusted with another. */
export async function promiseLapsedBefore(
  db: Kysely<Database> | Transaction<Database>,
  applicationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('application_deferred_material')
    .select('material')
    .where('application_id', '=', applicationId)
    .where('lapsed_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PromiseRow {
  readonly applicationId: string;
  readonly material: number;
  readonly name: Text;
  readonly promise: string;
  readonly promisedBy: string;
  readonly promisedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly basis: string;
}

export async function insertPromises(trx: Transaction<Database>, rows: readonly PromiseRow[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('application_deferred_material')
    .values(
      rows.map((r) => ({
        application_id: r.applicationId,
        material: r.material,
        material_name: JSON.stringify(r.name),
        promise: r.promise,
        promised_by: r.promisedBy,
        promised_on: r.promisedOn,
        due_on: r.dueOn,
        basis: r.basis,
      })),
    )
    .execute();
}

/**
 * Before a file is taken for a material after submission: the material must be under an open
 * promise (not checked, not lapsed) whose last day has not passed. Returns whether the file
 * supplies a promise (false: an ordinary file in a draft or an application returned for correction).
 */
export async function assertSuppliable(
  db: Kysely<Database> | Transaction<Database>,
  app: { id: string; state: string },
  material: number,
  today: IsoDate,
  openForFiles: boolean,
): Promise<boolean> {
  const row = await db
    .selectFrom('application_deferred_material')
    .select(['due_on', 'checked_at', 'lapsed_at'])
    .where('application_id', '=', app.id)
    .where('material', '=', material)
    .executeTakeFirst();
  const open = row && !row.lapsed_at && !row.checked_at && DEFERRAL_STATES.has(app.state);
  // Returned for correction, the applicant may hand in anything, and what was promised counts as supplied.
  if (open && (today <= row.due_on || openForFiles)) return true;
  if (openForFiles) return false;
  if (open) throw new AppError('DEFERRED_LAPSED', 409, 'file', { date: row.due_on });
  throw new AppError('EVIDENCE_CLOSED', 409, 'file', { state: app.state });
}

/** A file handed in for a promised material: it now waits for a clerk's check (inside the upload's transaction). */
export async function markSupplied(
  trx: Transaction<Database>,
  applicationId: string,
  material: number,
  evidenceId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('application_deferred_material')
    .set({ supplied_evidence_id: evidenceId, supplied_at: now, check_note: null })
    .where('application_id', '=', applicationId)
    .where('material', '=', material)
    .where('lapsed_at', 'is', null)
    .where('checked_at', 'is', null)
    .execute();
}

/**
 * The gate (复核): nothing is approved — so no money is committed, published or paid — while a
 * promised material is not yet supplied and checked.
 */
export async function assertPromisesKept(trx: Transaction<Database>, applicationId: string): Promise<void> {
  const open = await trx
    .selectFrom('application_deferred_material')
    .select(['material_name', 'due_on'])
    .where('application_id', '=', applicationId)
    .where('lapsed_at', 'is', null)
    .where('checked_at', 'is', null)
    .orderBy('material')
    .execute();
  if (open.length === 0) return;
  throw new AppError('DEFERRED_MATERIALS_OUTSTANDING', 409, 'action', {
    ...namesOf(open.map((r) => r.material_name)),
    date: open.map((r) => r.due_on).sort()[0] ?? '',
  });
}

/** Materials named in an error, in whichever language the caller reads. */
export function namesOf(names: readonly Text[]): Record<string, string> {
  return { 'names.zh-CN': names.map((n) => n.zh).join('、'), 'names.en-US': names.map((n) => n.en).join(', ') };
}

/** What the applicant signs: the materials, the last day, and what happens if the day passes. */
export function promiseText(names: readonly Text[], dueOn: IsoDate): Text {
  const { 'names.zh-CN': zh = '', 'names.en-US': en = '' } = namesOf(names);
  return {
    zh: `本人承诺于 ${dueOn} 前补交以下申请材料：${zh}，并对所补材料的真实性负责；逾期未补交的，申请退回补正，不再继续办理。`,
    en: `I promise to hand in the following materials by ${dueOn}: ${en}, and answer for their truth; if I do not, the application is returned for correction and goes no further.`,
  };
}
