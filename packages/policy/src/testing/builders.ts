import { CATALOGUE, TEXT_PARAMETERS } from '../catalogue.js';
import { monthFromIndex, monthIndex, type IsoDate, type IsoMonth } from '../core/dates.js';
import { PolicyEngine, type EvaluationRequest } from '../core/engine.js';
import type { ParameterValue } from '../core/parameters.js';
import type { Decision } from '../core/subsidy.js';
import type { InsuranceMonth, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { creditCodeCheckChar } from '../identity/credit-code.js';
import { residentIdCheckChar } from '../identity/resident-id.js';

/** Builders for tests: valid identifiers and small facts, so each test states only what matters. */

let sequence = 100;

/** A valid 身份证号 for a birth date and sex, with a fresh sequence number. */
export function idNumber(birthDate: IsoDate, sex: 'male' | 'female' = 'male', area = '510104'): string {
  sequence = (sequence + 2) % 998;
  const seq = sex === 'male' ? sequence + 1 : sequence;
  const first17 = `${area}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

let orgSequence = 1000;
export function creditCode(area = '510104'): string {
  orgSequence++;
  const first17 = `91${area}MA${String(orgSequence).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) as string);
}

export function person(
  overrides: Partial<PersonFacts> & { birthDate?: IsoDate; sex?: 'male' | 'female' } = {},
): PersonFacts {
  const { birthDate = '1995-06-15', sex = 'male', ...rest } = overrides;
  return { kind: 'person', idNumber: idNumber(birthDate, sex), ...rest };
}

export function organisation(overrides: Partial<OrganisationFacts> = {}): OrganisationFacts {
  return {
    kind: 'organisation',
    creditCode: creditCode(),
    category: 'enterprise',
    sizeClass: 'small',
    region: '510104',
    ...overrides,
  };
}

/** Local settings a test region uses; marked `example`, as demo data is. */
export function example(parameter: string, region: string, value: number, from = '2020-01-01'): ParameterValue {
  return { parameter, region, from, value, source: 'example' };
}

export function engine(extra: readonly ParameterValue[] = []): PolicyEngine {
  return new PolicyEngine(CATALOGUE, [...TEXT_PARAMETERS, ...extra]);
}

export const defaultEngine = engine();

/** Codes of the rules a decision found unmet. */
export function unmet(decision: Decision): string[] {
  return decision.reasons.filter((r) => !r.met).map((r) => r.code);
}

export function decide(request: EvaluationRequest, e: PolicyEngine = defaultEngine): Decision {
  return e.evaluate(request);
}

/** `count` consecutive months of contributions from `from`, each with the same amounts. */
export function insuranceMonths(
  from: IsoMonth,
  count: number,
  contribution: Omit<InsuranceMonth, 'month'>,
): InsuranceMonth[] {
  const start = monthIndex(from);
  return Array.from({ length: count }, (_, i) => ({ ...contribution, month: monthFromIndex(start + i) }));
}
