import type { PolicyEngine } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import type { Vault } from '../security/vault.js';
import { applicantFor, assertListsFit, liveClaim } from './applicant-filing.js';
import type { DecisionPreview, DecisionPreviewViewT } from './applications.schemas.js';
import { engineFacts, storedClaim, type CatalogueStandardOf } from './claim-facts.js';
import { checkDeclarations } from './declarations.js';
import { factNeeds, factProvenance, fieldsRead, withDeclared } from './fact-provenance.js';
import { periodKey, serviceSite } from './period.js';
import { unansweredDeclarations, verifyFacts } from './verified-facts.js';
import { STATE_NAMES, type ApplicationState } from './workflow.js';

/**
 * Decided before submitting (issue 17): what the engine would decide today on the registry's facts
 * and the claim as typed so far, each unmet condition with its article, and nothing stored. The
 * same checks as filing (whose claim it is, the claim's facts), so what the preview refuses as
 * bad input, filing refuses too.
 */
export async function previewDecision(
  deps: { db: Kysely<Database>; vault: Vault; clock: Clock; catalogueStandardOf: CatalogueStandardOf },
  engine: PolicyEngine,
  actor: Actor,
  input: DecisionPreview,
): Promise<DecisionPreviewViewT> {
  const subsidy = engine.subsidy(input.subsidy);
  if (!subsidy) throw new AppError('UNKNOWN_SUBSIDY', 404, 'subsidy', { value: input.subsidy });
  assertListsFit(subsidy, input.claim ?? {});
  const applicant = await applicantFor(deps.db, actor, subsidy, { ...input, idempotencyKey: 'preview-only' }, false);
  const declared = checkDeclarations(subsidy, input.declarations, deps.clock.today());
  const claim = await storedClaim(deps.db, deps.vault, input.claim ?? {});
  const verified = await verifyFacts(deps.db, applicant, claim.businessCreditCode);
  const listed = (claim.hires?.length ?? 0) + (claim.interns?.length ?? 0) + (claim.workers?.length ?? 0);
  // Naming people shows what the registry holds of them: kept in the audit trail, as filing is.
  if (listed > 0) {
    await deps.db.transaction().execute((trx) =>
      appendAudit(trx, deps.vault, {
        actor,
        action: 'application.previewed',
        entityType: subsidy.applicant === 'person' ? 'person' : 'organisation',
        entityId: applicant.personId ?? applicant.organisationId ?? '',
        regionCode: applicant.regionCode,
        after: { subsidy: subsidy.id, listed },
      }),
    );
  }
  const facts = await engineFacts(deps.db, deps.vault, deps.catalogueStandardOf, {
    id: 'preview',
    claim,
    person_id: applicant.personId,
    organisation_id: applicant.organisationId,
  });
  const request = {
    subsidy: subsidy.id,
    region: applicant.regionCode,
    date: deps.clock.today(),
    // What the applicant declares counts here, marked as declared; the workflow decides without it.
    applicant: facts.applicant.kind === 'person' ? withDeclared(facts.applicant, declared, verified) : facts.applicant,
    claim: facts.claim,
  };
  const decision = engine.evaluate(request);
  const provenance = await factProvenance(deps.db, applicant, fieldsRead(engine, request), {
    declared: unansweredDeclarations(declared, verified),
    verified,
  });
  // The claim filing would refuse as a second one for the same period: said now, with the way to it.
  const existing = await liveClaim(
    deps.db,
    subsidy.id,
    applicant,
    periodKey(subsidy, claim, deps.clock.today()),
    serviceSite(claim),
  );
  return {
    ...decision,
    reasons: [...decision.reasons],
    parameters: [...decision.parameters],
    needs: factNeeds(engine, request, decision),
    facts: provenance,
    ...(existing
      ? {
          existing: {
            id: existing.id,
            number: existing.number,
            state: existing.state,
            stateName: STATE_NAMES[existing.state as ApplicationState],
          },
        }
      : {}),
  };
}
