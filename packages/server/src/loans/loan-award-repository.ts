import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, LoanAwardTable } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';

/** The SQL of 创业担保贷款奖补 (loan awards): only this file holds it. */
type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every bank and guarantee institution registered in a region (or below it), with the loans it
 * lent or guaranteed that were disbursed from 1 January to 31 December of the year, and the award
 * filed for it in that year, if any.
 */
export function institutionYears(db: Db, region: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const theirs = sql<boolean>`(case when loan_institution.kind = 'bank' then loan.bank_id else loan.guarantor_id end) = loan_institution.id`;
  return db
    .selectFrom('loan_institution')
    .innerJoin('organisation', 'organisation.id', 'loan_institution.organisation_id')
    .leftJoin('loan_award', (j) =>
      j
        .onRef('loan_award.institution_id', '=', 'loan_institution.id')
        .onRef('loan_award.region_code', '=', 'loan_institution.region_code')
        .on('loan_award.year', '=', year),
    )
    .leftJoin('application', 'application.id', 'loan_award.application_id')
    .select([
      'loan_institution.id',
      'loan_institution.organisation_id',
      'loan_institution.kind',
      'loan_institution.region_code',
      'organisation.name',
      'loan_award.id as award_id',
      'loan_award.new_loans as award_loans',
      'loan_award.new_loan_fen as award_loan_fen',
      'loan_award.share_permille',
      'loan_award.award_fen',
      'loan_award.basis',
      'application.id as application_id',
      'application.number as application_number',
      'application.state as application_state',
      (eb) =>
        eb
          .selectFrom('loan')
          .select(sql<string>`count(*)`.as('n'))
          .where(theirs)
          .where('loan.disbursed_on', '>=', from)
          .where('loan.disbursed_on', '<=', to)
          .where('loan.principal_fen', 'is not', null)
          .as('new_loans'),
      (eb) =>
        eb
          .selectFrom('loan')
          .select(sql<string>`coalesce(sum(loan.principal_fen), 0)`.as('s'))
          .where(theirs)
          .where('loan.disbursed_on', '>=', from)
          .where('loan.disbursed_on', '<=', to)
          .where('loan.principal_fen', 'is not', null)
          .as('new_loan_fen'),
    ])
    .where('loan_institution.region_code', 'like', `${regionPrefix(region)}%`)
    .orderBy('loan_institution.kind')
    .orderBy('organisation.name')
    .execute();
}

/**
 * Takes the year's award for an institution: the first caller gets its id and files the claim;
 * every other caller gets nothing (the row is unique per institution, region and year).
 */
export async function takeAward(db: Db, values: Insertable<LoanAwardTable>): Promise<string | undefined> {
  const row = await db
    .insertInto('loan_award')
    .values(values)
    .onConflict((oc) => oc.columns(['institution_id', 'region_code', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Awards this account took and whose claim is not linked yet (a run that stopped between the two). */
export function unlinkedAwards(db: Db, accountId: string, region: string, year: number) {
  return db
    .selectFrom('loan_award')
    .innerJoin('loan_institution', 'loan_institution.id', 'loan_award.institution_id')
    .selectAll('loan_award')
    .select(['loan_institution.organisation_id', 'loan_institution.kind'])
    .where('loan_award.filed_by', '=', accountId)
    .where('loan_award.application_id', 'is', null)
    .where('loan_award.region_code', 'like', `${regionPrefix(region)}%`)
    .where('loan_award.year', '=', year)
    .execute();
}

export async function linkAward(db: Db, awardId: string, applicationId: string): Promise<void> {
  await db
    .updateTable('loan_award')
    .set({ application_id: applicationId })
    .where('id', '=', awardId)
    .where('application_id', 'is', null)
    .execute();
}
