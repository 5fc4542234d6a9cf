import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { NO_ONE } from '../auth/actor.js';
import type { Database, LoanInstitutionTable, LoanPeriodTable, LoanTable } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';

/** Every query of the loans module: only this file holds its SQL. */
type Db = Kysely<Database> | Transaction<Database>;
export type LoanRow = Selectable<LoanTable>;

/** The loans an actor may see: the borrower's own, a bank's or guarantor's own, the bureau's regions. */
export function visibleLoans(db: Db, actor: Actor) {
  const q = db.selectFrom('loan');
  if (
    actor.permissions.has('loan:read') ||
    actor.permissions.has('loan:qualify') ||
    actor.permissions.has('loan:manage')
  )
    return q.where('loan.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
  const unit = actor.organisationId ?? NO_ONE;
  if (actor.permissions.has('loan:bank') || actor.permissions.has('loan:guarantee')) {
    const column = actor.permissions.has('loan:bank') ? 'loan.bank_id' : 'loan.guarantor_id';
    return q.where(column, 'in', (eb) =>
      eb
        .selectFrom('loan_institution')
        .select('loan_institution.id')
        .where('loan_institution.organisation_id', '=', unit),
    );
  }
  return q.where((eb) =>
    eb.or([eb('loan.person_id', '=', actor.personId ?? NO_ONE), eb('loan.organisation_id', '=', unit)]),
  );
}

/** The quarters of a loan's imported statements (their 贴息 computed from them), latest first. */
export async function statementPeriodsOf(trx: Transaction<Database>, loanId: string): Promise<string[]> {
  const rows = await trx.selectFrom('loan_period').select('period').where('loan_id', '=', loanId).execute();
  return rows.map((r) => r.period).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

export async function loanForUpdate(trx: Transaction<Database>, actor: Actor, id: string) {
  return visibleLoans(trx, actor).selectAll('loan').where('loan.id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateLoan(trx: Transaction<Database>, row: LoanRow, changes: Updateable<LoanTable>) {
  await trx
    .updateTable('loan')
    .set({ ...changes, version: row.version + 1 })
    .where('id', '=', row.id)
    .execute();
}

export async function insertLoan(trx: Transaction<Database>, values: Insertable<LoanTable>): Promise<string> {
  const { id } = await trx.insertInto('loan').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/**
 * The next number of a region's year (DB510104-2026-00001). Numbering waits for the region-year's
 * lock, held until the transaction ends, so two borrowers applying at once never draw the same one.
 */
export async function nextLoanNumber(trx: Transaction<Database>, region: string, year: string): Promise<string> {
  const prefix = `DB${region}-${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${`loan-number:${prefix}`}))`.execute(trx);
  const { rows } = await sql<{ n: string | null }>`
    select max(substring(number from ${prefix.length + 1}::int)::int)::text as n
    from loan where number like ${`${prefix}%`}`.execute(trx);
  return `${prefix}${String(Number(rows[0]?.n ?? '0') + 1).padStart(5, '0')}`;
}

export async function insertInstalments(
  trx: Transaction<Database>,
  loanId: string,
  schedule: readonly { seq: number; dueOn: string; principalFen: number }[],
) {
  await trx.deleteFrom('loan_instalment').where('loan_id', '=', loanId).execute();
  if (schedule.length === 0) return;
  await trx
    .insertInto('loan_instalment')
    .values(
      schedule.map((s) => ({ loan_id: loanId, seq: s.seq, due_on: s.dueOn, principal_fen: String(s.principalFen) })),
    )
    .execute();
}

export function institutions(db: Db) {
  return db
    .selectFrom('loan_institution')
    .innerJoin('organisation', 'organisation.id', 'loan_institution.organisation_id')
    .select([
      'loan_institution.id',
      'loan_institution.organisation_id',
      'loan_institution.kind',
      'loan_institution.region_code',
      'loan_institution.rate_cap_bp',
      'loan_institution.guarantee_fund_fen',
      'organisation.name',
      (eb) =>
        eb
          .selectFrom('loan_compensation')
          .select((c) => c.fn.coalesce(c.fn.sum<string>('amount_fen'), sql<string>`0`).as('s'))
          .whereRef('loan_compensation.guarantor_id', '=', 'loan_institution.id')
          .as('compensated_fen'),
    ]);
}

export async function insertInstitution(
  trx: Transaction<Database>,
  values: Insertable<LoanInstitutionTable>,
): Promise<string | undefined> {
  const row = await trx
    .insertInto('loan_institution')
    .values(values)
    .onConflict((oc) => oc.columns(['organisation_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function schedule(db: Db, loanId: string) {
  return db.selectFrom('loan_instalment').selectAll().where('loan_id', '=', loanId).orderBy('seq').execute();
}

export function periodsOf(db: Db, loanIds: readonly string[]) {
  if (loanIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('loan_period')
    .leftJoin('application', 'application.id', 'loan_period.application_id')
    .select([
      'loan_period.id',
      'loan_period.loan_id',
      'loan_period.period',
      'loan_period.interest_fen',
      'loan_period.repaid_on_time',
      'loan_period.outcome',
      'loan_period.subsidy_fen',
      'loan_period.explanation',
      'loan_period.state',
      'application.state as claim_state',
      'application.number as claim_number',
    ])
    .where('loan_period.loan_id', 'in', loanIds)
    .orderBy('loan_period.period')
    .execute();
}

export async function insertStatement(
  trx: Transaction<Database>,
  values: { bank_id: string; period: string; file_sha256: string; rows: number; imported_by: string },
): Promise<string | undefined> {
  const row = await trx
    .insertInto('loan_statement')
    .values(values)
    .onConflict((oc) => oc.columns(['bank_id', 'file_sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function statementImported(db: Db, bankId: string, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('loan_statement')
    .select('id')
    .where('bank_id', '=', bankId)
    .where('file_sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPeriods(trx: Transaction<Database>, rows: Insertable<LoanPeriodTable>[]) {
  if (rows.length > 0) await trx.insertInto('loan_period').values(rows).execute();
}

/** Loans by number among a bank's, with the periods already computed for them. */
export async function bankLoansByNumber(db: Db, bankId: string, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db.selectFrom('loan').selectAll().where('bank_id', '=', bankId).where('number', 'in', numbers).execute();
}

export async function periodsTaken(db: Db, loanIds: readonly string[], periods: readonly string[]) {
  if (loanIds.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom('loan_period')
    .select(['loan_id', 'period'])
    .where('loan_id', 'in', loanIds)
    .where('period', 'in', periods)
    .execute();
}

/** Periods computed and not yet claimed, in the caller's regions. */
export function unclaimedPeriods(db: Db, actor: Actor) {
  return db
    .selectFrom('loan_period')
    .innerJoin('loan', 'loan.id', 'loan_period.loan_id')
    .innerJoin('loan_institution as bank', 'bank.id', 'loan.bank_id')
    .selectAll('loan_period')
    .select([
      'loan.person_id',
      'loan.organisation_id',
      'loan.borrower',
      'loan.principal_fen',
      'loan.annual_rate_bp',
      'loan.term_months',
      'loan.disbursed_on',
      'loan.matures_on',
      'loan.extended_to',
      'loan.ended_on',
      'bank.organisation_id as bank_organisation_id',
    ])
    .where('loan_period.state', '=', 'computed')
    .where('loan.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .orderBy('loan_period.period')
    .orderBy('loan.number')
    .execute();
}

export async function markClaimed(db: Db, periodId: string, applicationId: string): Promise<void> {
  await db
    .updateTable('loan_period')
    .set({ state: 'claimed', application_id: applicationId })
    .where('id', '=', periodId)
    .where('state', '=', 'computed')
    .execute();
}

export async function insertCompensation(
  trx: Transaction<Database>,
  values: { loan_id: string; guarantor_id: string; amount_fen: string; compensated_on: string; recorded_by: string },
) {
  await trx.insertInto('loan_compensation').values(values).execute();
}

export async function compensationOf(db: Db, loanId: string) {
  return db.selectFrom('loan_compensation').selectAll().where('loan_id', '=', loanId).executeTakeFirst();
}

/** The guarantee fund and what it has paid out, locked so two compensations never both pass. */
export async function guaranteeFundForUpdate(trx: Transaction<Database>, guarantorId: string) {
  const fund = await trx
    .selectFrom('loan_institution')
    .select(['guarantee_fund_fen'])
    .where('id', '=', guarantorId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const paid = await trx
    .selectFrom('loan_compensation')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_fen'), sql<string>`0`).as('s'))
    .where('guarantor_id', '=', guarantorId)
    .executeTakeFirstOrThrow();
  return { fundFen: Number(fund.guarantee_fund_fen ?? 0), paidFen: Number(paid.s) };
}

/** The register's totals per region in the caller's reach (subsidy paid: claims the workflow paid). */
export async function registerTotals(db: Db, actor: Actor) {
  return db
    .selectFrom('loan')
    .select([
      'loan.region_code',
      (eb) => eb.fn.countAll<string>().as('count'),
      (eb) => eb.fn.sum<string>(eb.case().when('state', '=', 'active').then(1).else(0).end()).as('active'),
      (eb) =>
        eb.fn
          .sum<string>(
            eb
              .case()
              .when('state', 'in', ['active', 'defaulted'])
              .then(eb.ref('principal_fen'))
              .else(sql`0`)
              .end(),
          )
          .as('balance'),
      (eb) =>
        eb.fn
          .sum<string>(eb.case().when('state', 'in', ['defaulted', 'compensated']).then(1).else(0).end())
          .as('defaulted'),
      (eb) => eb.fn.sum<string>(eb.case().when('disbursed_on', 'is not', null).then(1).else(0).end()).as('disbursed'),
      (eb) =>
        eb
          .selectFrom('loan_period')
          .innerJoin('application', 'application.id', 'loan_period.application_id')
          .innerJoin('loan as l2', 'l2.id', 'loan_period.loan_id')
          .select((s) => s.fn.coalesce(s.fn.sum<string>('application.amount_fen'), sql<string>`0`).as('s'))
          .whereRef('l2.region_code', '=', 'loan.region_code')
          .where('application.state', '=', 'paid')
          .as('subsidy_paid'),
    ])
    .where('loan.region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .groupBy('loan.region_code')
    .orderBy('loan.region_code')
    .execute();
}

/** Subsidy the workflow has paid for each loan. */
export async function paidByLoan(db: Db, loanIds: readonly string[]) {
  if (loanIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('loan_period')
    .innerJoin('application', 'application.id', 'loan_period.application_id')
    .select(['loan_period.loan_id', (eb) => eb.fn.sum<string>('application.amount_fen').as('s')])
    .where('loan_period.loan_id', 'in', loanIds)
    .where('application.state', '=', 'paid')
    .groupBy('loan_period.loan_id')
    .execute();
  return new Map(rows.map((r) => [r.loan_id, Number(r.s)]));
}

export function organisationInScope(db: Db, id: string) {
  return db.selectFrom('organisation').select(['id', 'name', 'region_code']).where('id', '=', id).executeTakeFirst();
}

export function borrowerRegion(db: Db, personId: string | null, organisationId: string | null) {
  if (personId)
    return db
      .selectFrom('person')
      .select(['region_code', 'household_id', sql<string | null>`null`.as('size_class')])
      .where('id', '=', personId)
      .executeTakeFirst();
  return db
    .selectFrom('organisation')
    .select(['region_code', sql<string | null>`null`.as('household_id'), 'size_class'])
    .where('id', '=', organisationId ?? NO_ONE)
    .executeTakeFirst();
}

export function partiesOf(db: Db, loans: readonly LoanRow[]) {
  const ids = [...new Set(loans.flatMap((l) => [l.bank_id, l.guarantor_id]))];
  const people = loans.map((l) => l.person_id).filter((x): x is string => x !== null);
  const units = loans.map((l) => l.organisation_id).filter((x): x is string => x !== null);
  return Promise.all([
    ids.length ? institutions(db).where('loan_institution.id', 'in', ids).execute() : Promise.resolve([]),
    people.length ? db.selectFrom('person').select(['id', 'name']).where('id', 'in', people).execute() : [],
    units.length ? db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', units).execute() : [],
  ]);
}
