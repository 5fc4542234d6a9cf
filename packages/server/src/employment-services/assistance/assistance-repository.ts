import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AssistanceCaseTable, AssistanceContactTable, AssistanceKind, Database } from '../../db/schema.js';

export type CaseRow = Selectable<AssistanceCaseTable>;
export type ContactRow = Selectable<AssistanceContactTable>;
type Db = Kysely<Database> | Transaction<Database>;
type Range = { low: string; high: string };

/**
 * The case worker for a new case: one who covers the 街道/社区, else any case worker of the county;
 * among several, the one with the fewest open cases.
 */
export async function pickCaseWorker(trx: Db, region: string, community: string | null): Promise<string | null> {
  const open = sql<number>`(select count(*) from assistance_case c where c.case_worker_id = a.id and c.closed_on is null)`;
  if (community) {
    const covering = await trx
      .selectFrom('case_worker_area as w')
      .innerJoin('account as a', 'a.id', 'w.account_id')
      .select('a.id')
      .where('w.region_code', '=', region)
      .where('w.community', '=', community)
      .where('a.active', '=', true)
      .orderBy(open)
      .orderBy('a.id')
      .executeTakeFirst();
    if (covering) return covering.id;
  }
  const any = await trx
    .selectFrom('account as a')
    .select('a.id')
    .where('a.region_code', '=', region)
    .where(sql<boolean>`'case-worker' = any(a.roles)`)
    .where('a.active', '=', true)
    .orderBy(open)
    .orderBy('a.id')
    .executeTakeFirst();
  return any?.id ?? null;
}

export async function insertCase(
  trx: Transaction<Database>,
  row: Omit<CaseRow, 'id' | 'created_at' | 'closed_on' | 'close_reason'>,
): Promise<string | undefined> {
  const inserted = await trx
    .insertInto('assistance_case')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('assistance_case').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case locked for a change: contacts logged at once queue here, and see a close made meanwhile. */
export async function caseForUpdate(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('assistance_case').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function closeCase(
  trx: Transaction<Database>,
  id: string,
  on: string,
  reason: NonNullable<CaseRow['close_reason']>,
): Promise<void> {
  await trx
    .updateTable('assistance_case')
    .set({ closed_on: on, close_reason: reason })
    .where('id', '=', id)
    .where('closed_on', 'is', null)
    .execute();
}

/** Open cases of a person (any kind) and of their household. */
export async function openCasesOf(trx: Db, personId: string, householdId: string | null): Promise<CaseRow[]> {
  return trx
    .selectFrom('assistance_case')
    .selectAll()
    .where('closed_on', 'is', null)
    .where((eb) =>
      householdId
        ? eb.or([eb('person_id', '=', personId), eb('household_id', '=', householdId)])
        : eb('person_id', '=', personId),
    )
    .execute();
}

/** Logs a contact; false when the case already holds a referral to its posting (the unique index). */
export async function insertContact(
  trx: Transaction<Database>,
  row: Omit<ContactRow, 'id' | 'recorded_at'>,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('assistance_contact')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'posting_id']).where('posting_id', 'is not', null).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Whether the case already holds this contact. A referral naming its posting is the same referral
 * as any other to that posting, whoever logged it and on whatever day (migration 0051); any other
 * is known by its kind, note and day (full-width letters read as half-width), so a double click is
 * one contact, while the same short note on another day is another. Read under the case's lock
 * (`caseForUpdate`).
 */
export async function hasContact(
  trx: Transaction<Database>,
  caseId: string,
  contact: { kind: ContactRow['kind']; postingId: string | null; note: string; happenedOn: string },
): Promise<boolean> {
  let q = trx
    .selectFrom('assistance_contact')
    .select('id')
    .where('case_id', '=', caseId)
    .where('kind', '=', contact.kind);
  q = contact.postingId
    ? q.where('posting_id', '=', contact.postingId)
    : q
        .where(sql<string>`normalize(note, NFKC)`, '=', contact.note.normalize('NFKC'))
        .where('happened_on', '=', contact.happenedOn);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function contactsOf(db: Db, caseIds: readonly string[]): Promise<ContactRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('assistance_contact')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('happened_on')
    .orderBy('recorded_at')
    .execute();
}

export interface CaseListRow extends CaseRow {
  name: string;
  id_number_masked: string;
  case_worker_name: string | null;
}

export async function casesInRange(
  db: Db,
  range: Range,
  filter: { id?: string; kind?: AssistanceKind; open?: boolean; overdueOn?: string; caseWorkerId?: string },
): Promise<CaseListRow[]> {
  let q = db
    .selectFrom('assistance_case as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('account as a', 'a.id', 'c.case_worker_id')
    .selectAll('c')
    .select(['p.name', 'p.id_number_masked', 'a.display_name as case_worker_name'])
    .where('c.region_code', '>=', range.low)
    .where('c.region_code', '<=', range.high);
  if (filter.id) q = q.where('c.id', '=', filter.id);
  if (filter.kind) q = q.where('c.kind', '=', filter.kind);
  if (filter.open) q = q.where('c.closed_on', 'is', null);
  if (filter.overdueOn) q = q.where('c.closed_on', 'is', null).where('c.due_on', '<', filter.overdueOn);
  if (filter.caseWorkerId) q = q.where('c.case_worker_id', '=', filter.caseWorkerId);
  return q.orderBy('c.due_on').orderBy('c.id').limit(2000).execute();
}

export async function casesOfPerson(db: Db, personId: string): Promise<CaseRow[]> {
  return db
    .selectFrom('assistance_case')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('opened_on', 'desc')
    .execute();
}

/** Open zero-employment households by county: the 动态清零 dashboard. */
export async function openHouseholdsByRegion(
  db: Db,
  range: Range,
): Promise<{ region_code: string; name_zh: string; name_en: string; open: number }[]> {
  const rows = await db
    .selectFrom('assistance_case as c')
    .innerJoin('region as r', 'r.code', 'c.region_code')
    .select(['c.region_code', 'r.name_zh', 'r.name_en', (eb) => eb.fn.countAll<string>().as('open')])
    .where('c.kind', '=', 'zero-employment-household')
    .where('c.closed_on', 'is', null)
    .where('c.region_code', '>=', range.low)
    .where('c.region_code', '<=', range.high)
    .groupBy(['c.region_code', 'r.name_zh', 'r.name_en'])
    .orderBy('c.region_code')
    .execute();
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

/** The graduation on record, if any (the latest). */
export async function graduationOf(db: Db, personId: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('registry_fact')
    .select('data')
    .where('person_id', '=', personId)
    .where('kind', '=', 'graduation')
    .where('retracted_at', 'is', null)
    .orderBy('recorded_at', 'desc')
    .execute();
  const date = (rows[0]?.data as { date?: unknown } | undefined)?.date;
  return typeof date === 'string' ? date : undefined;
}

/**
 * Whether any member of a household is employed on a day: an open employment registration, or an
 * employment on record without an end (from the imported path).
 */
export async function householdHasWork(db: Db, householdId: string, on: string): Promise<boolean> {
  const registered = await db
    .selectFrom('employment_registration as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select('r.id')
    .where('p.household_id', '=', householdId)
    .where('r.kind', '=', 'employment')
    .where('r.starts_on', '<=', on)
    .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', on)]))
    .executeTakeFirst();
  if (registered) return true;
  const recorded = await db
    .selectFrom('registry_fact as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .select('f.id')
    .where('p.household_id', '=', householdId)
    .where('f.kind', '=', 'employment')
    .where('f.retracted_at', 'is', null)
    .where(sql<boolean>`(f.data->>'from') <= ${on} and ((f.data->>'to') is null or (f.data->>'to') >= ${on})`)
    .executeTakeFirst();
  return recorded !== undefined;
}

export async function setCaseWorkerArea(
  trx: Transaction<Database>,
  accountId: string,
  region: string,
  community: string,
): Promise<void> {
  await trx
    .insertInto('case_worker_area')
    .values({ account_id: accountId, region_code: region, community })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
