import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, JobSeekerTable } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type SeekerRow = Selectable<JobSeekerTable> & { name: string; region_zh: string; region_en: string };

function seekers(db: Db) {
  return db
    .selectFrom('job_seeker as s')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .innerJoin('region as g', 'g.code', 's.region_code')
    .selectAll('s')
    .select(['p.name', 'g.name_zh as region_zh', 'g.name_en as region_en']);
}

export async function findSeeker(db: Db, id: string): Promise<SeekerRow | undefined> {
  return seekers(db).where('s.id', '=', id).executeTakeFirst();
}

/** Several seekers at once (a page of matches), in no particular order. */
export async function findSeekers(db: Db, ids: readonly string[]): Promise<SeekerRow[]> {
  return ids.length === 0
    ? []
    : seekers(db)
        .where('s.id', 'in', [...ids])
        .execute();
}

export async function seekerOfPerson(db: Db, personId: string): Promise<SeekerRow | undefined> {
  return seekers(db).where('s.person_id', '=', personId).executeTakeFirst();
}

export async function seekersInRange(db: Db, range: { low: string; high: string }, limit: number) {
  return seekers(db)
    .where('s.region_code', '>=', range.low)
    .where('s.region_code', '<=', range.high)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

/** One profile per person: a second save replaces the first (who last saved it is kept). */
export async function saveSeeker(trx: Transaction<Database>, row: Insertable<JobSeekerTable>): Promise<string> {
  const { person_id: _, ...update } = row;
  return (
    await trx
      .insertInto('job_seeker')
      .values(row)
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...update, active: true, updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export interface PersonRecord {
  id: string;
  name: string;
  region_code: string;
}

export async function findPersonRecord(db: Db, id: string): Promise<PersonRecord | undefined> {
  return db.selectFrom('person').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
}

/** Certificates in the registry (registry facts of kind certificate, not retracted). */
export async function certificatesOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, { occupation: string; level?: number; issuedOn: string }[]>> {
  const out = new Map<string, { occupation: string; level?: number; issuedOn: string }[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('registry_fact')
    .select(['person_id', 'data'])
    .where('person_id', 'in', [...personIds])
    .where('kind', '=', 'certificate')
    .where('retracted_at', 'is', null)
    .orderBy('recorded_at')
    .execute();
  for (const r of rows) {
    const d = r.data as { occupation?: string; level?: number; issuedOn?: string };
    if (!r.person_id || !d.occupation) continue;
    const list = out.get(r.person_id) ?? [];
    list.push({ occupation: d.occupation, ...(d.level ? { level: d.level } : {}), issuedOn: d.issuedOn ?? '' });
    out.set(r.person_id, list);
  }
  return out;
}

/** The person's open unemployment registration and open assistance case, as the seeker's profile shows them. */
export async function employmentStatusOf(db: Db, personId: string) {
  const registration = await db
    .selectFrom('employment_registration')
    .select(['starts_on', 'card_number'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'unemployment')
    .where('ends_on', 'is', null)
    .executeTakeFirst();
  const assistance = await db
    .selectFrom('assistance_case')
    .select(['id', 'kind', 'opened_on'])
    .where('person_id', '=', personId)
    .where('closed_on', 'is', null)
    .orderBy('opened_on', 'desc')
    .executeTakeFirst();
  return { registration, assistance };
}
