/**
 * @huimin/policy — every employment and entrepreneurship subsidy in the policy texts as pure,
 * explainable rules. No I/O: callers pass facts, get decisions with reasons and citations.
 */
export * from './core/dates.js';
export * from './core/money.js';
export * from './core/regions.js';
export * from './core/text.js';
export * from './core/citations.js';
export * from './core/documents.js';
export * from './core/parameters.js';
export * from './core/subsidy.js';
export * from './core/engine.js';
export * from './core/fact-reads.js';
export * from './facts/facts.js';
export * from './facts/validate.js';
export * from './identity/resident-id.js';
export * from './identity/credit-code.js';
export * from './identity/masking.js';
export * from './retirement/statutory-retirement.js';
export * from './policy-list.js';
export * from './decide-request.js';
export { CATALOGUE, PARAMETER_LABELS, TEXT_PARAMETERS } from './catalogue.js';
export * from './calendar/working-days.js';
export * from './parameters/acceptance.js';
export * from './facts/vocabulary.js';
export * from './core/random.js';
export * from './allocation/factor-method.js';
export * from './funds/spending-rules.js';
export * from './loans/loan-terms.js';
export * from './loans/period-subsidy.js';
export * from './loans/loan-awards.js';
