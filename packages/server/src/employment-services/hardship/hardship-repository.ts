import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HardshipCertificationTable } from '../../db/schema.js';

export type CertificationRow = Selectable<HardshipCertificationTable>;
/** A certification with the day of the list snapshot that verified its category at filing, if one did. */
export type CertificationWithList = CertificationRow & {
  verified_dataset: string | null;
  verified_taken_on: string | null;
};
type Db = Kysely<Database> | Transaction<Database>;

export async function insertCertification(
  trx: Transaction<Database>,
  row: Pick<
    CertificationRow,
    'person_id' | 'region_code' | 'category' | 'evidence' | 'verified_by_snapshot' | 'filed_by'
  >,
): Promise<string> {
  return (
    await trx
      .insertInto('hardship_certification')
      .values({ ...row, state: 'filed' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

function withList(db: Db) {
  return db
    .selectFrom('hardship_certification as h')
    .leftJoin('reference_snapshot as rs', 'rs.id', 'h.verified_by_snapshot')
    .selectAll('h')
    .select(['rs.kind as verified_dataset', 'rs.taken_on as verified_taken_on']);
}

export async function findCertification(db: Db, id: string): Promise<CertificationWithList | undefined> {
  return withList(db).where('h.id', '=', id).executeTakeFirst();
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

export async function certificationsOf(db: Db, personId: string): Promise<CertificationWithList[]> {
  return withList(db).where('h.person_id', '=', personId).orderBy('h.filed_at', 'desc').execute();
}

export async function certificationsInRange(
  db: Db,
  range: { low: string; high: string },
  state: CertificationRow['state'] | undefined,
  reviewDueBy?: string,
) {
  let q = withList(db)
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .select(['p.name', 'p.id_number_masked', 'p.id_number_hmac'])
    .where('h.region_code', '>=', range.low)
    .where('h.region_code', '<=', range.high);
  if (state) q = q.where('h.state', '=', state);
  if (reviewDueBy) q = q.where('h.state', '=', 'certified').where('h.review_due', '<=', reviewDueBy);
  return q.orderBy('h.filed_at', 'desc').limit(1000).execute();
}
