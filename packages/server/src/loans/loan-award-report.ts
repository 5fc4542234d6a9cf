import {
  citationIn,
  loanAwardExplanation,
  loanAwardFen,
  loanAwardRule,
  type LoanAwardRole,
  type PolicyEngine,
} from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { isInScope } from '../regions/region-scope.js';
import { institutionYears } from './loan-award-repository.js';
import type { AwardReportView, AwardRowView, AwardRuleView } from './loan-awards.schemas.js';

const ROLES: readonly LoanAwardRole[] = ['bank', 'guarantor'];

/** The region a report is for: the caller's own, or one below it. */
export function reportRegion(actor: Actor, region: string | undefined): string {
  const wanted = region ?? actor.regionCode;
  if (!isInScope(actor.regionCode, wanted)) throw new AppError('OUT_OF_REGION', 403, 'region', { value: wanted });
  return wanted;
}

function ruleView(engine: PolicyEngine, role: LoanAwardRole, region: string, year: number): AwardRuleView {
  const rule = loanAwardRule(engine.parameters, role, region, year);
  const who =
    role === 'bank' ? { zh: '经办银行', en: 'lending banks' } : { zh: '担保机构', en: 'guarantee institutions' };
  if (!rule.set)
    return {
      role,
      set: false,
      sharePermille: null,
      basis: rule.cites ?? null,
      summary: {
        zh: `本地区未规定${year}年度${who.zh}奖补标准，不予奖补`,
        en: `This region has set no ${year} award for ${who.en}: nothing is awarded`,
      },
    };
  return {
    role,
    set: true,
    sharePermille: rule.permille,
    basis: rule.basis,
    summary: {
      zh: `${who.zh}按当年新发放创业担保贷款额的${rule.permille / 10}%奖补（${rule.basis}）`,
      en: `${rule.permille / 10}% of the year’s new start-up loans to ${who.en} (${citationIn(rule.basis, 'en-US')})`,
    },
  };
}

/**
 * The year's award report for a region: every bank and guarantee institution registered there or
 * below, its loans disbursed from 1 January to 31 December, and the award at the share in force in
 * its own region on 31 December (rounded down to the fen), or the award already filed. Without a
 * share, every award is 0 and the rules say so.
 */
export async function awardReport(
  db: Kysely<Database>,
  engine: PolicyEngine,
  actor: Actor,
  input: { year: number; region?: string | undefined },
): Promise<AwardReportView> {
  const region = reportRegion(actor, input.region);
  const { year } = input;
  const rows = await institutionYears(db, region, year);
  const out: AwardRowView[] = rows.map((r) => {
    const role: LoanAwardRole = r.kind;
    const institution = { institutionId: r.id, organisationId: r.organisation_id, name: r.name, role };
    if (r.award_id) {
      // Filed: the figures as the award was filed, whatever has been recorded since.
      const newLoans = r.award_loans ?? 0;
      const newLoanFen = Number(r.award_loan_fen ?? 0);
      const share = r.share_permille ?? 0;
      return {
        ...institution,
        regionCode: r.region_code,
        newLoans,
        newLoanFen,
        sharePermille: share,
        awardFen: Number(r.award_fen ?? 0),
        basis: r.basis,
        explanation: loanAwardExplanation(newLoans, newLoanFen, share),
        claim: { applicationId: r.application_id, number: r.application_number, state: r.application_state },
      };
    }
    const newLoans = Number(r.new_loans ?? 0);
    const newLoanFen = Number(r.new_loan_fen ?? 0);
    const rule = ruleView(engine, role, r.region_code, year);
    const share = rule.sharePermille;
    return {
      ...institution,
      regionCode: r.region_code,
      newLoans,
      newLoanFen,
      sharePermille: share,
      awardFen: share === null ? 0 : loanAwardFen(newLoanFen, share),
      basis: rule.basis,
      explanation: share === null ? rule.summary : loanAwardExplanation(newLoans, newLoanFen, share),
      claim: null,
    };
  });
  const rules = ROLES.map((role) => ruleView(engine, role, region, year));
  return {
    region,
    year,
    rules,
    ruleSet: rules.some((r) => r.set) || out.some((r) => r.sharePermille !== null),
    rows: out,
    totals: {
      // Every loan is on a bank's row and on its guarantor's: the loans are counted on the banks'
      // rows alone, or each would count twice; both institutions' awards are paid, so all are summed.
      newLoans: out.reduce((s, r) => s + (r.role === 'bank' ? r.newLoans : 0), 0),
      newLoanFen: out.reduce((s, r) => s + (r.role === 'bank' ? r.newLoanFen : 0), 0),
      awardFen: out.reduce((s, r) => s + r.awardFen, 0),
    },
  };
}
