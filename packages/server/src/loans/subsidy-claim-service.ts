import { quarterDates } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { CreateApplication } from '../applications/applications.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { markClaimed, unclaimedPeriods } from './loan-repository.js';

/**
 * 贴息 claims: each quarter the bank's statement earned a subsidy for is filed, by a clerk, as an
 * application of the loan's borrower paid into the bank's account. From there it is the workflow's:
 * accepted, reviewed and approved by different people (181号 第二十五条), committed from and paid by
 * the inclusive-finance fund through the ledger and the payment batches. The engine decides it under
 * the rules of the contract day, for the same amount as computed here (periodSubsidy).
 *
 * Filing is idempotent per quarter: the application's key is the quarter's id, so a retry after a
 * crash finds the application already filed and only marks the quarter.
 */
export async function fileSubsidyClaims(
  db: Kysely<Database>,
  applications: ApplicationService,
  actor: Actor,
  language?: string,
): Promise<{ filed: number; subsidyFen: number }> {
  const periods = await unclaimedPeriods(db, actor);
  let subsidyFen = 0;
  let filed = 0;
  for (const p of periods) {
    const enterprise = p.borrower === 'small-micro-enterprise';
    const dates = quarterDates(p.period);
    const loan = {
      borrower: p.borrower,
      principalFen: Number(p.principal_fen),
      annualRateBp: p.annual_rate_bp ?? 0,
      termMonths: p.term_months,
      contractedOn: p.disbursed_on ?? '',
      period: {
        key: p.period,
        from: dates.from,
        to: dates.to,
        interestFen: Number(p.interest_fen),
        repaidOnTime: p.repaid_on_time,
        disbursedOn: p.disbursed_on ?? '',
        maturesOn: p.matures_on ?? '',
        endsOn: p.ended_on ?? p.extended_to ?? p.matures_on ?? '',
      },
    };
    const input: CreateApplication = {
      subsidy: enterprise ? 'startup-loan-interest-enterprise' : 'startup-loan-interest',
      ...(enterprise ? { organisationId: p.organisation_id ?? '' } : { personId: p.person_id ?? '' }),
      idempotencyKey: `loan-period-${p.id}`,
      submit: true,
      // The contract day and the bank's quarter are set here, never taken from a request (the
      // claim schema over HTTP has neither): they decide which rules judge the claim.
      claim: { loan } as CreateApplication['claim'],
    };
    const { application, created } = await applications.create(actor, input, language, {
      payeeOrganisationId: p.bank_organisation_id,
    });
    await markClaimed(db, p.id, application.id);
    // Runs side by side file each quarter once (its idempotency key): only the run that filed it counts it.
    if (created) {
      filed += 1;
      subsidyFen += Number(p.subsidy_fen);
    }
  }
  return { filed, subsidyFen };
}
