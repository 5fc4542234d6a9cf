import { createHash } from 'node:crypto';
import {
  daysInclusive,
  formatYuan,
  formatYuanEn,
  maxPeriodInterest,
  periodSubsidy,
  quarterDates,
  type PeriodSubsidy,
} from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { NO_ONE } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { fromErrors, problem, readRows, rejectIfAny, type ImportProblem } from '../registry/import/sheet.js';
import { readTable } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';
import {
  bankLoansByNumber,
  institutions,
  insertPeriods,
  insertStatement,
  periodsTaken,
  statementImported,
  type LoanRow,
} from './loan-repository.js';
import { termsOn } from './loan-terms.js';
import { readStatementRow, STATEMENT_COLUMNS, type StatementRow } from './statement-sheet.js';

const column = (field: string) => STATEMENT_COLUMNS.find((c) => c.key === field);
const say = (row: number, field: string, zh: string, en: string): ImportProblem =>
  problem(row, column(field), field, 'VALIDATION_FAILED', {
    zh: `${column(field)?.zh ?? field}：${zh}`,
    en: `${column(field)?.en ?? field}: ${en}`,
  });

/**
 * A bank imports its quarterly statement, all rows or none: every problem of the file at once, by
 * row and column — a loan that is not this bank's, a rate above the bank's agreed cap, a quarter
 * already subsidised (or twice in the file), a balance over the principal or the principal over
 * the limit of its day. Each row's 贴息 is computed (periodSubsidy, rounded down to the fen) and
 * kept with the quarter; the same file twice is refused and nothing is computed twice.
 */
export class StatementImport {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async import(actor: Actor, file: Buffer) {
    const bank = await institutions(this.db)
      .where('loan_institution.organisation_id', '=', actor.organisationId ?? NO_ONE)
      .where('loan_institution.kind', '=', 'bank')
      .executeTakeFirst();
    if (!bank) throw new AppError('LOAN_INSTITUTION_NOT_FOUND', 404, 'organisationId');
    const sha256 = createHash('sha256').update(file).digest('hex');
    // The same file again is told so at once, before its rows are found to be done already.
    if (await statementImported(this.db, bank.id, sha256))
      throw new AppError('STATEMENT_ALREADY_IMPORTED', 409, 'file');
    const problems: ImportProblem[] = [];
    const rows = readRows(await readTable(file), STATEMENT_COLUMNS, ['loanNumber'], problems);
    const read: { number: number; row: StatementRow }[] = [];
    for (const { number, row } of rows) {
      try {
        read.push({ number, row: readStatementRow(row) });
      } catch (error) {
        problems.push(...fromErrors(error, number, column));
      }
    }
    const loans = new Map(
      (await bankLoansByNumber(this.db, bank.id, [...new Set(read.map((r) => r.row.loanNumber))])).map((l) => [
        l.number,
        l,
      ]),
    );
    const taken = new Set(
      (
        await periodsTaken(
          this.db,
          [...loans.values()].map((l) => l.id),
          [...new Set(read.map((r) => r.row.period))],
        )
      ).map((t) => `${t.loan_id}|${t.period}`),
    );
    const period = read[0]?.row.period ?? '';
    const computed: { number: number; loan: LoanRow; row: StatementRow; subsidy: PeriodSubsidy }[] = [];
    for (const { number, row } of read) {
      const loan = loans.get(row.loanNumber);
      if (!loan || !loan.disbursed_on || !loan.matures_on || !loan.principal_fen) {
        problems.push(
          say(number, 'loanNumber', '不是本行已放款的创业担保贷款', 'is not a loan this bank has disbursed'),
        );
        continue;
      }
      const before = problems.length;
      if (row.period !== period)
        problems.push(
          say(number, 'period', `一份清单只含一个季度（${period}）`, `one statement holds one quarter (${period})`),
        );
      const key = `${loan.id}|${row.period}`;
      if (taken.has(key))
        problems.push(
          say(
            number,
            'period',
            `该贷款 ${row.period} 的贴息已经计算过`,
            `${row.period} of this loan was subsidised already`,
          ),
        );
      taken.add(key);
      if (bank.rate_cap_bp !== null && row.annualRateBp > bank.rate_cap_bp)
        problems.push(
          say(
            number,
            'annualRate',
            `高于本行约定上限 ${bank.rate_cap_bp / 100}%`,
            `above the bank's agreed cap ${bank.rate_cap_bp / 100}%`,
          ),
        );
      const terms = termsOn(loan.region_code, loan.disbursed_on, loan.borrower);
      const principal = Number(loan.principal_fen);
      if (row.balanceFen > principal)
        problems.push(
          say(
            number,
            'balance',
            `超过贷款本金 ${formatYuan(principal)}`,
            `over the principal ${formatYuanEn(principal)}`,
          ),
        );
      else if (terms.limit && principal > terms.limit.value)
        problems.push(
          say(
            number,
            'balance',
            `贷款本金超过最高额度 ${formatYuan(terms.limit.value)}（${terms.limit.cites ?? ''}）`,
            `the principal is over the limit ${formatYuanEn(terms.limit.value)}`,
          ),
        );
      const dates = quarterDates(row.period);
      // A quarter is settled after it ends: a statement for one still running is a mistake.
      if (dates.to >= this.clock.today())
        problems.push(say(number, 'period', '该季度尚未结束', 'the quarter has not ended yet'));
      if (dates.to < loan.disbursed_on)
        problems.push(say(number, 'period', '早于放款日期', 'before the loan was disbursed'));
      const endsOn = loan.ended_on ?? loan.extended_to ?? loan.matures_on;
      // A quarter after the loan ended (repaid, or past its term) bears no interest at all: said
      // so, rather than that its interest is over a cap of 0 days.
      if (dates.from > endsOn) {
        problems.push(say(number, 'period', `晚于贷款结束日期 ${endsOn}`, `after the loan ended on ${endsOn}`));
        continue;
      }
      const loanDays = daysInclusive(
        dates.from > loan.disbursed_on ? dates.from : loan.disbursed_on,
        dates.to < endsOn ? dates.to : endsOn,
      );
      const most = maxPeriodInterest(principal, row.annualRateBp, loanDays);
      if (row.interestFen > most)
        problems.push(
          say(
            number,
            'interest',
            `超过本金按年利率计 ${loanDays} 天的利息 ${formatYuan(most)}`,
            `over the interest the principal bears at the rate for ${loanDays} days, ${formatYuanEn(most)}`,
          ),
        );
      if (problems.length > before) continue;
      const subsidy = periodSubsidy(terms, {
        period: dates,
        interestFen: row.interestFen,
        repaidOnTime: row.repaidOnTime,
        disbursedOn: loan.disbursed_on,
        maturesOn: loan.matures_on,
        endsOn,
      });
      computed.push({ number, loan, row, subsidy });
    }
    rejectIfAny(problems, STATEMENT_COLUMNS, read.length);
    return this.db.transaction().execute(async (trx) => {
      const statementId = await insertStatement(trx, {
        bank_id: bank.id,
        period,
        file_sha256: sha256,
        rows: computed.length,
        imported_by: actor.accountId,
      });
      if (!statementId) throw new AppError('STATEMENT_ALREADY_IMPORTED', 409, 'file');
      try {
        await insertPeriods(
          trx,
          computed.map(({ number, loan, row, subsidy }) => ({
            loan_id: loan.id,
            period: row.period,
            statement_id: statementId,
            row_number: number,
            balance_fen: String(row.balanceFen),
            annual_rate_bp: row.annualRateBp,
            interest_fen: String(row.interestFen),
            repaid_on_time: row.repaidOnTime,
            outcome: subsidy.outcome,
            subsidy_fen: String(subsidy.subsidyFen),
            explanation: JSON.stringify(subsidy.explanation),
            state: subsidy.subsidyFen > 0 ? 'computed' : 'nothing-due',
          })),
        );
      } catch (error) {
        // Another import of the same quarter won the race: this one computes nothing.
        if ((error as { code?: string }).code === '23505')
          throw new AppError('LOAN_PERIOD_SUBSIDISED', 409, 'file', { value: period });
        throw error;
      }
      const subsidyFen = computed.reduce((s, c) => s + c.subsidy.subsidyFen, 0);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'loans.statement-imported',
        entityType: 'loan_statement',
        entityId: statementId,
        regionCode: bank.region_code,
        after: { period, rows: computed.length, subsidyFen, sha256 },
      });
      return { statementId, period, rows: computed.length, subsidyFen };
    });
  }
}
