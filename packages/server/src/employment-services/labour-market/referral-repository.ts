import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, JobReferralTable, ReferralState } from '../../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type ReferralRow = Selectable<JobReferralTable> & {
  posting_title: string;
  organisation_id: string;
  organisation_name: string;
  posting_region: string;
  seeker_name: string;
  person_id: string;
};

function referrals(db: Db) {
  return db
    .selectFrom('job_referral as r')
    .innerJoin('job_posting as p', 'p.id', 'r.posting_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .innerJoin('job_seeker as s', 's.id', 'r.seeker_id')
    .innerJoin('person as n', 'n.id', 's.person_id')
    .selectAll('r')
    .select([
      'p.title as posting_title',
      'p.organisation_id',
      'p.region_code as posting_region',
      'o.name as organisation_name',
      'n.name as seeker_name',
      's.person_id',
    ]);
}

export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  return referrals(db).where('r.id', '=', id).executeTakeFirst();
}

export async function referralsOfUnit(db: Db, organisationId: string): Promise<ReferralRow[]> {
  return referrals(db).where('p.organisation_id', '=', organisationId).orderBy('r.created_at', 'desc').execute();
}

export async function referralsOfPerson(db: Db, personId: string): Promise<ReferralRow[]> {
  return referrals(db).where('s.person_id', '=', personId).orderBy('r.created_at', 'desc').orderBy('r.id').execute();
}

export async function referralsInRange(db: Db, range: { low: string; high: string }, limit: number) {
  return referrals(db)
    .where('p.region_code', '>=', range.low)
    .where('p.region_code', '<=', range.high)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

export async function insertReferral(trx: Transaction<Database>, row: Insertable<JobReferralTable>): Promise<string> {
  return (await trx.insertInto('job_referral').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Moves a referral on from the state it was read in; false when someone else answered first. */
export async function answerReferral(
  trx: Transaction<Database>,
  id: string,
  from: ReferralState,
  set: Updateable<JobReferralTable>,
): Promise<boolean> {
  const r = await trx.updateTable('job_referral').set(set).where('id', '=', id).where('state', '=', from).execute();
  return Number(r[0]?.numUpdatedRows ?? 0) === 1;
}

export async function noteRegistration(
  db: Db,
  id: string,
  set: { registration_id: string | null; registration_error: string | null },
): Promise<void> {
  await db.updateTable('job_referral').set(set).where('id', '=', id).execute();
}

/**
 * A referral of someone with open assistance cases is a contact on each (kind referral) naming its
 * posting, unless the case already holds a referral to that posting, logged by hand or before
 * (migration 0051), or the same referral as an older one without a posting (its note, that day): one
 * referral counts once toward the 1+3+1. The cases are locked as a hand-logged contact locks them,
 * and the unique index (case, posting) holds it however the two meet.
 */
export async function logOnOpenCases(
  trx: Transaction<Database>,
  personId: string,
  contact: { happened_on: string; note: string; posting_id: string; recorded_by: string },
): Promise<void> {
  const open = await trx
    .selectFrom('assistance_case')
    .select('id')
    .where('person_id', '=', personId)
    .where('closed_on', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const c of open) {
    const logged = await trx
      .selectFrom('assistance_contact')
      .select('id')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'referral')
      .where((eb) =>
        eb.or([
          eb('posting_id', '=', contact.posting_id),
          eb.and([
            eb('posting_id', 'is', null),
            eb('note', '=', contact.note),
            eb('happened_on', '=', contact.happened_on),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (!logged)
      await trx
        .insertInto('assistance_contact')
        .values({ case_id: c.id, kind: 'referral', ...contact })
        .onConflict((oc) => oc.columns(['case_id', 'posting_id']).where('posting_id', 'is not', null).doNothing())
        .execute();
  }
}
