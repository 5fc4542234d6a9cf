import {
  addMonths,
  citationIn,
  counterGuaranteeWaived,
  quarterDates,
  type IsoDate,
  type LoanBorrower,
  type LoanTerms,
} from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database, LoanState } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError, inBoth, notBefore } from '../http/errors.js';
import { saysSomething } from '../http/said.js';
import { isInScope } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import {
  borrowerRegion,
  guaranteeFundForUpdate,
  insertCompensation,
  insertInstalments,
  insertInstitution,
  insertLoan,
  institutions,
  loanForUpdate,
  nextLoanNumber,
  organisationInScope,
  statementPeriodsOf,
  updateLoan,
  type LoanRow,
} from './loan-repository.js';
import { LoanReads } from './loan-reads.js';
import { amountIn, STATE_NAMES, tellBorrower } from './loan-steps-said.js';
import { assertWithinTerms, maturity, quarterlySchedule, termsOn } from './loan-terms.js';
import type {
  ApplyInput,
  ContractInput,
  GuaranteeInput,
  InstitutionInput,
  InstitutionView,
  LoanView,
} from './loans.schemas.js';

type Db = Kysely<Database>;

/**
 * 创业担保贷款 from application to its end: the borrower applies (the region's cited limits as on
 * that day), 人社 reviews the qualification, the guarantee institution guarantees (no
 * counter-guarantee where the text waives it), the bank records the contract and schedule, and
 * later an extension, repayment (early or on time), default and the guarantee fund's compensation.
 * Each step locks the loan, checks its state and the caller's institution, and writes an audit entry
 * in the same transaction.
 */
export class LoanService {
  readonly reads: LoanReads;
  constructor(
    private readonly db: Db,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {
    this.reads = new LoanReads(db);
  }

  /** The database, for the claims filed through the applications service (subsidy-claims.ts). */
  get database(): Db {
    return this.db;
  }

  /** A registry unit becomes a lending bank (with its agreed rate cap) or a guarantee institution (with its fund). */
  async registerInstitution(actor: Actor, input: InstitutionInput): Promise<InstitutionView> {
    const unit = await organisationInScope(this.db, input.organisationId);
    if (!unit || !isInScope(actor.regionCode, unit.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    if (input.kind === 'bank' && input.rateCapBp === undefined) throw new AppError('REQUIRED_FIELD', 400, 'rateCapBp');
    if (input.kind === 'guarantor' && input.guaranteeFundFen === undefined)
      throw new AppError('REQUIRED_FIELD', 400, 'guaranteeFundFen');
    const id = await this.db.transaction().execute(async (trx) => {
      const created = await insertInstitution(trx, {
        organisation_id: unit.id,
        kind: input.kind,
        region_code: unit.region_code,
        rate_cap_bp: input.kind === 'bank' ? (input.rateCapBp ?? null) : null,
        guarantee_fund_fen: input.kind === 'guarantor' ? String(input.guaranteeFundFen) : null,
        created_by: actor.accountId,
      });
      if (!created) throw new AppError('LOAN_INSTITUTION_EXISTS', 409, 'organisationId');
      await appendAudit(trx, this.vault, {
        actor,
        action: 'loans.institution-registered',
        entityType: 'loan_institution',
        entityId: created,
        regionCode: unit.region_code,
        after: { kind: input.kind, organisationId: unit.id, rateCapBp: input.rateCapBp, fund: input.guaranteeFundFen },
      });
      return created;
    });
    const [view] = await this.reads.institutionsById([id]);
    if (!view) throw new AppError('LOAN_INSTITUTION_NOT_FOUND', 404, 'organisationId');
    return view;
  }

  /** The terms a loan contracted today would be held to (`apply` checks these). */
  termsToday(region: string, borrower: LoanBorrower): LoanTerms {
    return termsOn(region, this.clock.today(), borrower);
  }

  /** The borrower applies online for their own loan: limits and term as the region's text sets them today. */
  async apply(actor: Actor, input: ApplyInput): Promise<LoanView> {
    const enterprise = input.borrower === 'small-micro-enterprise';
    const personId = enterprise ? null : actor.personId;
    const organisationId = enterprise ? actor.organisationId : null;
    if (!personId && !organisationId)
      throw new AppError('SUBSIDY_NOT_FOR_APPLICANT', 422, 'borrower', { value: input.borrower });
    const home = await borrowerRegion(this.db, personId, organisationId);
    if (!home) throw new AppError('SUBSIDY_NOT_FOR_APPLICANT', 422, 'borrower', { value: input.borrower });
    // "符合条件的小微企业": a unit registered as small or micro (the texts set no hiring condition).
    if (enterprise && home.size_class !== 'small' && home.size_class !== 'micro')
      throw new AppError('SUBSIDY_NOT_FOR_APPLICANT', 422, 'borrower', { value: input.borrower });
    const today = this.clock.today();
    assertWithinTerms(termsOn(home.region_code, today, input.borrower), input.requestedFen, input.termMonths, {
      amount: 'requestedFen',
      term: 'termMonths',
    });
    await this.assertServes(input.bankId, 'bank', home.region_code, 'bankId');
    await this.assertServes(input.guarantorId, 'guarantor', home.region_code, 'guarantorId');
    const id = await this.db.transaction().execute(async (trx) => {
      try {
        const loanId = await insertLoan(trx, {
          number: await nextLoanNumber(trx, home.region_code, today.slice(0, 4)),
          region_code: home.region_code,
          person_id: personId,
          organisation_id: organisationId,
          borrower: input.borrower,
          requested_fen: String(input.requestedFen),
          term_months: input.termMonths,
          purpose: input.purpose.trim(),
          bank_id: input.bankId,
          guarantor_id: input.guarantorId,
          state: 'applied',
          applied_on: today,
          applied_by: actor.accountId,
        });
        await this.audit(trx, actor, loanId, home.region_code, 'loans.applied', { requestedFen: input.requestedFen });
        return loanId;
      } catch (error) {
        // Only the one-live-loan indexes mean the borrower already has one.
        const { code, constraint } = error as { code?: string; constraint?: string };
        if (code === '23505' && constraint?.startsWith('loan_one_live_')) throw new AppError('LOAN_LIVE_EXISTS', 409);
        throw error;
      }
    });
    return this.reads.get(actor, id);
  }

  /** 人社 资格审核: someone other than the borrower, their household, or whoever filed it. */
  qualify(actor: Actor, id: string, approve: boolean, reason?: string): Promise<LoanView> {
    return this.step(actor, id, ['applied'], async (trx, loan) => {
      if (!approve && !saysSomething(reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
      await this.assertNotOwn(trx, actor, loan);
      return {
        state: approve ? 'qualified' : 'not-qualified',
        qualified_by: actor.accountId,
        qualified_on: this.clock.today(),
        reason: reason ?? null,
      };
    });
  }

  /**
   * The guarantee institution guarantees or refuses. Where the text waives the counter-guarantee
   * (庆阳 第16条: individual loans up to 10万元) the institution may not ask for one; above it, it
   * decides.
   */
  guarantee(actor: Actor, id: string, input: GuaranteeInput): Promise<LoanView> {
    return this.step(actor, id, ['qualified'], async (_trx, loan) => {
      if (!input.approve && !saysSomething(input.reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
      const terms = termsOn(loan.region_code, loan.applied_on, loan.borrower);
      const waived = counterGuaranteeWaived(terms, Number(loan.requested_fen));
      if (input.approve && waived && input.counterGuarantee)
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          'counterGuarantee',
          inBoth(
            'detail',
            `免除反担保（${terms.counterGuaranteeWaiver?.cites ?? ''}）`,
            `counter-guarantee is waived (${citationIn(terms.counterGuaranteeWaiver?.cites ?? '', 'en-US')})`,
          ),
        );
      const asked = input.approve && !waived && input.counterGuarantee !== false;
      const note = input.counterGuaranteeNote?.trim();
      // A counter-guarantee asked is recorded for what it is; none asked has nothing to describe.
      if (asked && !input.counterGuaranteeKind) throw new AppError('REQUIRED_FIELD', 400, 'counterGuaranteeKind');
      if (asked && !note) throw new AppError('REQUIRED_FIELD', 400, 'counterGuaranteeNote');
      if (!asked && (input.counterGuaranteeKind || note))
        throw new AppError(
          'COUNTER_GUARANTEE_NOT_ASKED',
          400,
          input.counterGuaranteeKind ? 'counterGuaranteeKind' : 'counterGuaranteeNote',
        );
      return {
        state: input.approve ? 'guaranteed' : 'guarantee-refused',
        guaranteed_by: actor.accountId,
        guaranteed_on: this.clock.today(),
        counter_guarantee_waived: input.approve ? !asked : null,
        counter_guarantee_kind: asked ? (input.counterGuaranteeKind ?? null) : null,
        counter_guarantee_note: asked ? (note ?? null) : null,
        reason: input.reason ?? null,
      };
    });
  }

  /** The bank records the contract: within the limits in force on the disbursement day and its rate cap. */
  contract(actor: Actor, id: string, input: ContractInput): Promise<LoanView> {
    return this.step(actor, id, ['guaranteed'], async (trx, loan) => {
      if (input.disbursedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'disbursedOn');
      // The bank lends on the guarantee: a loan disbursed before it was guaranteed was not a
      // guaranteed loan, and its terms and 贴息 would be read on a day before anyone vouched for it.
      const guaranteedOn = loan.guaranteed_on ?? loan.applied_on;
      if (input.disbursedOn < guaranteedOn)
        throw new AppError('LOAN_DISBURSED_BEFORE_GUARANTEE', 400, 'disbursedOn', { date: guaranteedOn });
      if (input.principalFen > Number(loan.requested_fen))
        throw new AppError('LOAN_OVER_REQUESTED', 400, 'principalFen', amountIn('amount', Number(loan.requested_fen)));
      // The guarantee was given for the term applied for; a longer one is a loan nobody qualified.
      if (input.termMonths > loan.term_months)
        throw new AppError('LOAN_TERM_OVER_GUARANTEED', 400, 'termMonths', { months: String(loan.term_months) });
      const terms = termsOn(loan.region_code, input.disbursedOn, loan.borrower);
      assertWithinTerms(terms, input.principalFen, input.termMonths, {
        amount: 'principalFen',
        term: 'termMonths',
        day: 'disbursedOn',
      });
      // Inside the transaction, read through it: on the embedded database the outer handle would wait.
      const bank = await institutions(trx).where('loan_institution.id', '=', loan.bank_id).executeTakeFirst();
      if (bank && bank.rate_cap_bp !== null && input.annualRateBp > bank.rate_cap_bp)
        throw new AppError('LOAN_RATE_OVER_CAP', 400, 'annualRateBp', { detail: `${bank.rate_cap_bp / 100}%` });
      await insertInstalments(trx, loan.id, quarterlySchedule(input.disbursedOn, input.termMonths, input.principalFen));
      return {
        state: 'active',
        contracted_by: actor.accountId,
        principal_fen: String(input.principalFen),
        annual_rate_bp: input.annualRateBp,
        term_months: input.termMonths,
        disbursed_on: input.disbursedOn,
        matures_on: maturity(input.disbursedOn, input.termMonths),
      };
    });
  }

  /** 展期: once, where the region's text allows it, up to its longest extension; no 贴息 for it. */
  extend(actor: Actor, id: string, extendedTo: IsoDate, reason: string): Promise<LoanView> {
    return this.step(actor, id, ['active'], async (_trx, loan) => {
      if (!saysSomething(reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
      const terms = termsOn(loan.region_code, loan.disbursed_on ?? loan.applied_on, loan.borrower);
      const max = terms.maxExtensionMonths;
      const matures = loan.matures_on ?? '';
      if (!max || loan.extended_to || extendedTo <= matures || extendedTo > addMonths(matures, max.value))
        throw new AppError(
          'LOAN_EXTENSION_NOT_ALLOWED',
          422,
          'extendedTo',
          max
            ? inBoth(
                'detail',
                `${max.value}个月（${max.cites ?? ''}）`,
                `${max.value} months (${citationIn(max.cites ?? '', 'en-US')})`,
              )
            : { detail: '—' },
        );
      return { extended_to: extendedTo, reason };
    });
  }

  /** Repaid in full: early (before maturity) or on time; a second loan may then be applied for. */
  repay(actor: Actor, id: string, on: IsoDate): Promise<LoanView> {
    return this.step(actor, id, ['active'], async (trx, loan) => {
      this.assertDay(on, loan);
      await this.assertNoQuarterAfter(trx, loan, on);
      return { state: 'repaid', ended_on: on };
    });
  }

  /** 逾期违约: the bank declares the loan in default; the guarantee institution may then compensate. */
  default(actor: Actor, id: string, on: IsoDate, reason: string): Promise<LoanView> {
    return this.step(actor, id, ['active'], async (trx, loan) => {
      if (!saysSomething(reason)) throw new AppError('REASON_REQUIRED', 400, 'reason');
      this.assertDay(on, loan);
      await this.assertNoQuarterAfter(trx, loan, on);
      return { state: 'defaulted', ended_on: on, reason };
    });
  }

  /** 代偿: the guarantee fund pays the bank for a loan in default, never more than the fund has left. */
  compensate(actor: Actor, id: string, amountFen: number, compensatedOn: IsoDate): Promise<LoanView> {
    const noted = { amountFen, compensatedOn };
    return this.step(
      actor,
      id,
      ['defaulted'],
      async (trx, loan) => {
        // 代偿 follows the default: a day before it would pay for a loan still being repaid.
        this.assertDay(compensatedOn, loan, 'compensatedOn', loan.ended_on);
        if (amountFen > Number(loan.principal_fen))
          throw new AppError(
            'COMPENSATION_OVER_PRINCIPAL',
            400,
            'amountFen',
            amountIn('amount', Number(loan.principal_fen)),
          );
        const fund = await guaranteeFundForUpdate(trx, loan.guarantor_id);
        if (fund.paidFen + amountFen > fund.fundFen)
          throw new AppError('GUARANTEE_FUND_EXHAUSTED', 409, 'amountFen', {
            ...amountIn('detail', fund.fundFen - fund.paidFen),
          });
        await insertCompensation(trx, {
          loan_id: loan.id,
          guarantor_id: loan.guarantor_id,
          amount_fen: String(amountFen),
          compensated_on: compensatedOn,
          recorded_by: actor.accountId,
        });
        return { state: 'compensated' };
      },
      noted,
    );
  }

  /** One step: lock, check state and the caller's side, apply, audit; answer with the loan. */
  private async step(
    actor: Actor,
    id: string,
    from: readonly LoanState[],
    change: (trx: Transaction<Database>, loan: LoanRow) => Promise<Parameters<typeof updateLoan>[2]>,
    /** What the audit entry records beside the loan's own changes (代偿's amount and day). */
    noted: Record<string, unknown> = {},
  ): Promise<LoanView> {
    await this.db.transaction().execute(async (trx) => {
      const loan = await loanForUpdate(trx, actor, id);
      if (!loan) throw new AppError('LOAN_NOT_FOUND', 404);
      if (!from.includes(loan.state))
        throw new AppError(
          'LOAN_STATE',
          409,
          undefined,
          inBoth('state', STATE_NAMES[loan.state].zh, STATE_NAMES[loan.state].en),
        );
      const changes = await change(trx, loan);
      await updateLoan(trx, loan, changes);
      await tellBorrower(trx, loan, changes);
      await this.audit(trx, actor, loan.id, loan.region_code, `loans.${changes.state ?? 'changed'}`, {
        ...changes,
        ...noted,
      });
    });
    return this.reads.get(actor, id);
  }

  /** A day of the loan's life: not in the future, nor before `from` (the disbursement, unless said). */
  private assertDay(on: IsoDate, loan: LoanRow, field = 'on', from = loan.disbursed_on): void {
    if (on > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, field);
    if (from && on < from) throw new AppError('VALIDATION_FAILED', 400, field, notBefore(from));
  }

  /**
   * A loan does not end before a quarter whose statement is already imported: that quarter's 贴息 was
   * computed (and perhaps claimed) on the loan running, and the import refuses a quarter after the end.
   */
  private async assertNoQuarterAfter(trx: Transaction<Database>, loan: LoanRow, on: IsoDate): Promise<void> {
    const latest = (await statementPeriodsOf(trx, loan.id))[0];
    if (latest && quarterDates(latest).from > on)
      throw new AppError('LOAN_QUARTER_AFTER_END', 409, 'on', { value: latest, date: quarterDates(latest).from });
  }

  /** The separation of duties the workflow keeps (181号 第二十五条), for a loan: not one's own or household's. */
  private async assertNotOwn(trx: Transaction<Database>, actor: Actor, loan: LoanRow): Promise<void> {
    if ((actor.personId && actor.personId === loan.person_id) || loan.applied_by === actor.accountId)
      throw new AppError('SOD_OWN_CLAIM', 403);
    if (actor.householdId && loan.person_id) {
      const home = await borrowerRegion(trx, loan.person_id, null);
      if (home?.household_id === actor.householdId) throw new AppError('SOD_RELATIVE_CLAIM', 403);
    }
  }

  private async assertServes(id: string, kind: 'bank' | 'guarantor', region: string, field: string): Promise<void> {
    const row = await institutions(this.db).where('loan_institution.id', '=', id).executeTakeFirst();
    if (!row || row.kind !== kind || !isInScope(row.region_code, region))
      throw new AppError('LOAN_INSTITUTION_NOT_FOUND', 400, field);
  }

  private audit(
    trx: Transaction<Database>,
    actor: Actor,
    id: string,
    region: string,
    action: string,
    after: Record<string, unknown>,
  ) {
    return appendAudit(trx, this.vault, { actor, action, entityType: 'loan', entityId: id, regionCode: region, after });
  }
}
