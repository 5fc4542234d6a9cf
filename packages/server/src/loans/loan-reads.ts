import { regionChain } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database, LoanState } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import {
  compensationOf,
  institutions,
  paidByLoan,
  partiesOf,
  periodsOf,
  registerTotals,
  schedule,
  visibleLoans,
  type LoanRow,
} from './loan-repository.js';
import { limitsShown, termsOn } from './loan-terms.js';
import type { InstitutionView, LoanSummary, LoanView, RegisterRowView } from './loans.schemas.js';

type InstitutionRow = Awaited<ReturnType<ReturnType<typeof institutions>['execute']>>[number];
const institutionView = (r: InstitutionRow): InstitutionView => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  kind: r.kind,
  regionCode: r.region_code,
  rateCapBp: r.rate_cap_bp,
  guaranteeFundFen: r.guarantee_fund_fen === null ? null : Number(r.guarantee_fund_fen),
  compensatedFen: Number(r.compensated_fen ?? 0),
});
const n = (v: string | null): number | null => (v === null ? null : Number(v));

/** Reading loans: who may see which is `visibleLoans`; money leaves here as integer fen. */
export class LoanReads {
  constructor(private readonly db: Kysely<Database>) {}

  /** The banks and guarantee institutions serving a region (registered there or above it). */
  async institutionsFor(region: string): Promise<InstitutionView[]> {
    const rows = await institutions(this.db)
      .where('loan_institution.region_code', 'in', regionChain(region))
      .orderBy('loan_institution.kind')
      .orderBy('organisation.name')
      .execute();
    return rows.map(institutionView);
  }

  async institutionsById(ids: readonly string[]): Promise<InstitutionView[]> {
    if (ids.length === 0) return [];
    return (await institutions(this.db).where('loan_institution.id', 'in', ids).execute()).map(institutionView);
  }

  async list(actor: Actor, state?: LoanState): Promise<LoanSummary[]> {
    let q = visibleLoans(this.db, actor).selectAll('loan');
    if (state) q = q.where('loan.state', '=', state);
    const rows = await q.orderBy('loan.created_at', 'desc').limit(500).execute();
    return this.summaries(rows);
  }

  async get(actor: Actor, id: string): Promise<LoanView> {
    const row = await visibleLoans(this.db, actor).selectAll('loan').where('loan.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('LOAN_NOT_FOUND', 404);
    const [summary] = await this.summaries([row]);
    if (!summary) throw new AppError('LOAN_NOT_FOUND', 404);
    const [instalments, periods] = await Promise.all([schedule(this.db, id), periodsOf(this.db, [id])]);
    return {
      ...summary,
      limits: limitsShown(termsOn(row.region_code, row.disbursed_on ?? row.applied_on, row.borrower)),
      schedule: instalments.map((i) => ({ seq: i.seq, dueOn: i.due_on, principalFen: Number(i.principal_fen) })),
      periods: periods.map((p) => ({
        period: p.period,
        interestFen: Number(p.interest_fen),
        repaidOnTime: p.repaid_on_time,
        outcome: p.outcome,
        subsidyFen: Number(p.subsidy_fen),
        explanation: p.explanation as { zh: string; en: string },
        claimState: p.claim_state,
        claimNumber: p.claim_number,
      })),
    };
  }

  /** The loan register's totals per region: count, balance, 贴息 paid, default rate. */
  async register(actor: Actor): Promise<RegisterRowView[]> {
    const rows = await registerTotals(this.db, actor);
    return rows.map((r) => {
      const disbursed = Number(r.disbursed ?? 0);
      const defaulted = Number(r.defaulted ?? 0);
      return {
        regionCode: r.region_code,
        count: Number(r.count),
        active: Number(r.active ?? 0),
        balanceFen: Number(r.balance ?? 0),
        subsidyPaidFen: Number(r.subsidy_paid ?? 0),
        defaulted,
        disbursed,
        defaultRatePermille: disbursed === 0 ? 0 : Math.round((defaulted * 1000) / disbursed),
      };
    });
  }

  private async summaries(rows: readonly LoanRow[]): Promise<LoanSummary[]> {
    const [[parties, people, units], paid] = await Promise.all([
      partiesOf(this.db, rows),
      paidByLoan(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    const name = (list: readonly { id: string; name: string }[], id: string | null) =>
      list.find((x) => x.id === id)?.name ?? '';
    const out: LoanSummary[] = [];
    for (const r of rows) {
      const compensation = r.state === 'compensated' ? await compensationOf(this.db, r.id) : undefined;
      out.push({
        id: r.id,
        number: r.number,
        regionCode: r.region_code,
        borrowerName: r.person_id ? name(people, r.person_id) : name(units, r.organisation_id),
        borrower: r.borrower,
        state: r.state,
        requestedFen: Number(r.requested_fen),
        termMonths: r.term_months,
        purpose: r.purpose,
        bank: { id: r.bank_id, name: name(parties, r.bank_id) },
        guarantor: { id: r.guarantor_id, name: name(parties, r.guarantor_id) },
        appliedOn: r.applied_on,
        counterGuaranteeWaived: r.counter_guarantee_waived,
        counterGuarantee:
          r.counter_guarantee_kind && r.counter_guarantee_note
            ? { kind: r.counter_guarantee_kind, note: r.counter_guarantee_note }
            : null,
        principalFen: n(r.principal_fen),
        annualRateBp: r.annual_rate_bp,
        disbursedOn: r.disbursed_on,
        maturesOn: r.matures_on,
        extendedTo: r.extended_to,
        endedOn: r.ended_on,
        reason: r.reason,
        subsidyPaidFen: paid.get(r.id) ?? 0,
        compensationFen: compensation ? Number(compensation.amount_fen) : null,
      });
    }
    return out;
  }
}
