import type { IsoDate } from './core/dates.js';
import type { PolicyEngine } from './core/engine.js';
import type { RegionCode } from './core/regions.js';
import type { Decision } from './core/subsidy.js';
import type { ApplicantFacts, ClaimFacts } from './facts/facts.js';
import { validateFacts, type FieldError } from './facts/validate.js';

export interface DecideRequest {
  readonly subsidy?: string;
  readonly region: RegionCode;
  readonly date: IsoDate;
  readonly applicant: ApplicantFacts;
  readonly claim?: ClaimFacts;
}

export type DecideOutcome =
  | { readonly kind: 'decisions'; readonly decisions: Decision[] }
  | { readonly kind: 'invalid-facts'; readonly errors: FieldError[] }
  | { readonly kind: 'unknown-subsidy'; readonly subsidy: string };

/**
 * The one way in from outside (API, CLI): validate the facts, then decide one subsidy or every
 * subsidy open to the applicant. Bad facts decide nothing.
 */
export function decideRequest(engine: PolicyEngine, request: DecideRequest): DecideOutcome {
  const errors = validateFacts({
    applicant: request.applicant,
    claim: request.claim,
    date: request.date,
    region: request.region,
  });
  if (errors.length > 0) return { kind: 'invalid-facts', errors };
  const base = {
    region: request.region,
    date: request.date,
    applicant: request.applicant,
    ...(request.claim ? { claim: request.claim } : {}),
  };
  if (request.subsidy === undefined) return { kind: 'decisions', decisions: engine.evaluateAll(base) };
  if (!engine.subsidy(request.subsidy)) return { kind: 'unknown-subsidy', subsidy: request.subsidy };
  return { kind: 'decisions', decisions: [engine.evaluate({ ...base, subsidy: request.subsidy })] };
}
