import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, EmploymentRegistrationTable } from '../../db/schema.js';

export type RegistrationRow = Selectable<EmploymentRegistrationTable>;
type Db = Kysely<Database> | Transaction<Database>;

export interface PersonForRegistration {
  id: string;
  /** The keyed hash the reference lists are looked up by. */
  id_number_hmac: string;
  name: string;
  region_code: string;
  hukou_region: string | null;
  household_id: string | null;
  rural: boolean | null;
  birth_date: string;
}

const PERSON_COLUMNS = [
  'id',
  'id_number_hmac',
  'name',
  'region_code',
  'hukou_region',
  'household_id',
  'rural',
  'birth_date',
] as const;

export async function findPerson(db: Db, personId: string): Promise<PersonForRegistration | undefined> {
  return db.selectFrom('person').select(PERSON_COLUMNS).where('id', '=', personId).executeTakeFirst();
}

/** The person's open registration, locked for the rest of the transaction. */
export async function openRegistrationForUpdate(
  trx: Transaction<Database>,
  personId: string,
): Promise<RegistrationRow | undefined> {
  return trx
    .selectFrom('employment_registration')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ends_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function registrationsOf(db: Db, personId: string): Promise<RegistrationRow[]> {
  return db
    .selectFrom('employment_registration')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('starts_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findRegistration(db: Db, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('employment_registration').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The card number the person was issued at an earlier registration, if any (就业创业证 follows the person). */
export async function cardNumberOf(db: Db, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employment_registration')
    .select('card_number')
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.card_number;
}

/**
 * The highest serial of the numbers `prefix` + six or more digits on record (0 if none), for the
 * next card: past 999999 the serial grows a digit, and a seven-digit one is still the highest.
 */
export async function lastCardSerial(db: Db, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('employment_registration')
    .select(sql<string | null>`max(substr(card_number, ${prefix.length + 1}::int)::bigint)`.as('last'))
    .where('card_number', 'like', `${prefix}%`)
    .where(sql<boolean>`card_number ~ ${`^${prefix}[0-9]{6,}$`}`)
    .executeTakeFirstOrThrow();
  return Number(row.last ?? 0);
}

/** Who holds a 就业创业证 number, if anyone: a number is one person's. */
export async function cardHolder(db: Db, cardNumber: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employment_registration')
    .select('person_id')
    .where('card_number', '=', cardNumber)
    .executeTakeFirst();
  return row?.person_id;
}

export async function insertRegistration(
  trx: Transaction<Database>,
  row: Omit<RegistrationRow, 'id' | 'created_at' | 'ends_on' | 'end_reason' | 'ended_by'>,
): Promise<string> {
  const inserted = await trx
    .insertInto('employment_registration')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function endRegistration(
  trx: Transaction<Database>,
  id: string,
  end: {
    ends_on: string;
    end_reason: NonNullable<RegistrationRow['end_reason']>;
    ended_by: string;
    fact_id: string | null;
  },
): Promise<void> {
  await trx.updateTable('employment_registration').set(end).where('id', '=', id).where('ends_on', 'is', null).execute();
}

export async function touchContact(trx: Transaction<Database>, id: string, on: string): Promise<void> {
  await trx
    .updateTable('employment_registration')
    .set({ last_contact_on: on })
    .where('id', '=', id)
    .where('last_contact_on', '<', on)
    .execute();
}

/** Open unemployment registrations whose last contact was on or before `before`, in a region. */
export async function silentSince(
  db: Db,
  range: { low: string; high: string },
  before: string,
): Promise<RegistrationRow[]> {
  return db
    .selectFrom('employment_registration')
    .selectAll()
    .where('kind', '=', 'unemployment')
    .where('ends_on', 'is', null)
    .where('region_code', '>=', range.low)
    .where('region_code', '<=', range.high)
    .where('last_contact_on', '<=', before)
    .execute();
}

/** Open registrations of a region with the person's name, newest first. */
export async function openInRange(
  db: Db,
  range: { low: string; high: string },
  kind: RegistrationRow['kind'] | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('employment_registration as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .selectAll('r')
    .select(['p.name', 'p.id_number_masked'])
    .where('r.ends_on', 'is', null)
    .where('r.region_code', '>=', range.low)
    .where('r.region_code', '<=', range.high);
  if (kind) q = q.where('r.kind', '=', kind);
  // The id settles a day's ties, so the same 500 come back each time.
  return q.orderBy('r.starts_on', 'desc').orderBy('r.id').limit(limit).execute();
}

/** People by name and masked ID number, in the order of `ids`, for saying whose registration a bulk step changed. */
export async function peopleNamed(db: Db, ids: readonly string[]): Promise<{ name: string; idNumberMasked: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'id_number_masked'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { name: r.name, idNumberMasked: r.id_number_masked }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function regionNames(db: Db, code: string): Promise<{ zh: string; en: string }> {
  const row = await db.selectFrom('region').select(['name_zh', 'name_en']).where('code', '=', code).executeTakeFirst();
  return { zh: row?.name_zh ?? code, en: row?.name_en ?? code };
}

/** The 街道/社区 the person last registered in, where their case worker is found. */
export async function latestCommunity(db: Db, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('employment_registration')
    .select('community')
    .where('person_id', '=', personId)
    .where('community', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row?.community ?? undefined;
}

/** A registration from the system before this one, as it was (ended or open). */
export async function insertHistoricRegistration(
  trx: Transaction<Database>,
  row: Omit<RegistrationRow, 'id' | 'created_at'>,
): Promise<string> {
  return (await trx.insertInto('employment_registration').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The person with this ID number (by its keyed hash), if in the registry. */
export async function personByIdHash(db: Db, hmac: string): Promise<PersonForRegistration | undefined> {
  return db.selectFrom('person').select(PERSON_COLUMNS).where('id_number_hmac', '=', hmac).executeTakeFirst();
}

/** Open unemployment registrations of a region whose holder has contributions paid by a unit on record. */
export async function unemployedWithEmployerContributions(db: Db, range: { low: string; high: string }) {
  return db
    .selectFrom('employment_registration as r')
    .innerJoin('registry_fact as f', 'f.person_id', 'r.person_id')
    .select(['r.id', 'r.person_id', 'r.region_code', 'r.basis', 'r.community', 'r.starts_on', 'f.data'])
    .where('r.kind', '=', 'unemployment')
    .where('r.ends_on', 'is', null)
    .where('r.region_code', '>=', range.low)
    .where('r.region_code', '<=', range.high)
    .where('f.kind', '=', 'insurance')
    .where('f.retracted_at', 'is', null)
    .where(sql<string>`f.data->>'payer'`, '=', 'employer')
    .execute();
}
