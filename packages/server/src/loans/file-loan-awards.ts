import type { PolicyEngine } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { CreateApplication } from '../applications/applications.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { awardReport } from './loan-award-report.js';
import { linkAward, takeAward, unlinkedAwards } from './loan-award-repository.js';

interface AwardToFile {
  readonly awardId: string;
  readonly organisationId: string;
  readonly role: 'bank' | 'guarantor';
  readonly year: number;
  readonly newLoans: number;
  readonly newLoanFen: number;
  readonly awardFen: number;
}

/**
 * Files the year's 奖补 of a region: each bank and guarantee institution with an award above 0 at
 * its region's share gets one claim, an application of `startup-loan-award` for the institution,
 * paid into its own account. From there it is the workflow's, as the 贴息 claims are: accepted,
 * reviewed and approved by different people, committed from and paid by the inclusive-finance fund.
 *
 * One award per institution, region and year: the award row is taken first (unique), and only the
 * caller that took it files the claim, so fifty clerks at once file it once. A run that stopped
 * after taking a row files its claim on the same clerk's next run (the application's key is the
 * award's id, so a claim already created is found, not made twice). With no share set nothing is
 * filed: the report shows 0.
 */
export async function fileLoanAwards(
  db: Kysely<Database>,
  engine: PolicyEngine,
  applications: ApplicationService,
  actor: Actor,
  input: { year: number; region?: string | undefined },
  language?: string,
): Promise<{ filed: number; awardFen: number }> {
  const report = await awardReport(db, engine, actor, input);
  const todo: AwardToFile[] = (await unlinkedAwards(db, actor.accountId, report.region, report.year)).map((a) => ({
    awardId: a.id,
    organisationId: a.organisation_id,
    role: a.kind,
    year: a.year,
    newLoans: a.new_loans,
    newLoanFen: Number(a.new_loan_fen),
    awardFen: Number(a.award_fen),
  }));
  for (const row of report.rows) {
    if (row.claim || row.sharePermille === null || row.awardFen <= 0) continue;
    const awardId = await takeAward(db, {
      institution_id: row.institutionId,
      region_code: row.regionCode,
      year: report.year,
      new_loans: row.newLoans,
      new_loan_fen: String(row.newLoanFen),
      share_permille: row.sharePermille,
      award_fen: String(row.awardFen),
      basis: row.basis ?? '',
      filed_by: actor.accountId,
    });
    if (awardId)
      todo.push({
        awardId,
        organisationId: row.organisationId,
        role: row.role,
        year: report.year,
        newLoans: row.newLoans,
        newLoanFen: row.newLoanFen,
        awardFen: row.awardFen,
      });
  }
  let filed = 0;
  let awardFen = 0;
  for (const a of todo) {
    const input: CreateApplication = {
      subsidy: 'startup-loan-award',
      organisationId: a.organisationId,
      idempotencyKey: `loan-award-${a.awardId}`,
      submit: true,
      // The year and the loans are the module's, never a request's: they decide the award.
      claim: {
        loanAward: { year: a.year, role: a.role, newLoans: a.newLoans, newLoanFen: a.newLoanFen },
      } as CreateApplication['claim'],
    };
    const { application, created } = await applications.create(actor, input, language, {
      payeeOrganisationId: a.organisationId,
    });
    await linkAward(db, a.awardId, application.id);
    if (created) {
      filed += 1;
      awardFen += a.awardFen;
    }
  }
  return { filed, awardFen };
}
