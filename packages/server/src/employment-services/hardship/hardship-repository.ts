import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HardshipCertificationTable } from '../../db/schema.js';

export type CertificationRow = Selectable<HardshipCertificationTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function insertCertification(
  trx: Transaction<Database>,
  row: Pick<CertificationRow, 'person_id' | 'region_code' | 'category' | 'evidence' | 'filed_by'>,
): Promise<string> {
  return (
    await trx
      .insertInto('hardship_certification')
      .values({ ...row, state: 'filed' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function findCertification(db: Db, id: string): Promise<CertificationRow | undefined> {
  return db.selectFrom('hardship_certification').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockCertification(trx: Transaction<Database>, id: string): Promise<CertificationRow | undefined> {
  return trx.selectFrom('hardship_certification').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateCertification(
  trx: Transaction<Database>,
  id: string,
  set: Partial<Omit<CertificationRow, 'id' | 'filed_at'>>,
): Promise<void> {
  await trx.updateTable('hardship_certification').set(set).where('id', '=', id).execute();
}

/** The certification in force for a person, if any. */
export async function certifiedOf(trx: Db, personId: string): Promise<CertificationRow | undefined> {
  return trx
    .selectFrom('hardship_certification')
    .selectAll()
    .where('person_id', '=', personId)
    .where('state', '=', 'certified')
    .executeTakeFirst();
}

export async function certificationsOf(db: Db, personId: string): Promise<CertificationRow[]> {
  return db
    .selectFrom('hardship_certification')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('filed_at', 'desc')
    .execute();
}

export async function certificationsInRange(
  db: Db,
  range: { low: string; high: string },
  state: CertificationRow['state'] | undefined,
  reviewDueBy?: string,
) {
  let q = db
    .selectFrom('hardship_certification as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .selectAll('h')
    .select(['p.name', 'p.id_number_masked'])
    .where('h.region_code', '>=', range.low)
    .where('h.region_code', '<=', range.high);
  if (state) q = q.where('h.state', '=', state);
  if (reviewDueBy) q = q.where('h.state', '=', 'certified').where('h.review_due', '<=', reviewDueBy);
  return q.orderBy('h.filed_at', 'desc').limit(1000).execute();
}
