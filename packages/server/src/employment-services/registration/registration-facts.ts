import type { RegisterInput } from './registration-service.js';

/**
 * What a registration tells the engine: an unemployment registration is the status
 * `registered-unemployed` (城镇登记失业人员) from its first day; an employment registration is an
 * employment of its kind (a labour contract names the employer). Its end is the same fact with `to`.
 */
export function registrationFact(input: RegisterInput): { kind: string; data: Record<string, unknown> } {
  if (input.kind === 'unemployment')
    return { kind: 'status', data: { kind: 'registered-unemployed', from: input.startsOn } };
  return {
    kind: 'employment',
    data: {
      kind: input.employmentKind ?? 'flexible',
      ...(input.employerCreditCode ? { employer: input.employerCreditCode } : {}),
      from: input.startsOn,
      ...(input.contractMonths ? { contractMonths: input.contractMonths } : {}),
    },
  };
}
