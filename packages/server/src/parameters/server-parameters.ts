import { CATALOGUE, type IsoDate, type PolicyEngine } from '@huimin/policy';

/**
 * Parameters the server itself reads (risk thresholds), each with the value used where no region
 * has set one. A region sets its own over `/api/v1/parameters`; the defaults live here only.
 */
export const RISK_THRESHOLDS = {
  /** People one payee account may be registered to. */
  'risk.shared-account-max': 3,
  /** People one phone number may be registered to. */
  'risk.shared-phone-max': 3,
  /** People registered at one address (a household is often several). */
  'risk.shared-address-max': 6,
  /** Months after payment within which all of a claim's hires leaving is suspicious. */
  'risk.hires-left-months': 6,
  /** The fewest hires in a claim for that pattern to count. */
  'risk.hires-left-min': 3,
  /** Attendance below this share of a class's sessions, in ‰, blocks the trainee's claim. */
  'risk.training-attendance-min-permille': 800,
  /** A class at least this large where everyone passed goes to review. */
  'risk.training-pass-rate-class-size': 20,
} as const;

export type RiskThreshold = keyof typeof RISK_THRESHOLDS;

/** 免申即享: a region marks a subsidy as needing no application by setting this to 1. */
export const noApplicationParameter = (subsidy: string) => `proactive.no-application.${subsidy}`;

/**
 * 年度就业工作总体目标 (财社〔2023〕181号 第二十八条): the year's targets a region sets for itself and
 * publishes beside what it achieved. No text states a figure; a target is set for one calendar
 * year (1 January to 31 December, checked when set) and counts only for the region it was set for
 * (a city's is not its districts').
 */
export const EMPLOYMENT_TARGETS = [
  'employment-target.new-urban-jobs',
  'employment-target.unemployed-reemployed',
  'employment-target.hard-to-employ-employed',
] as const;
export type EmploymentTarget = (typeof EMPLOYMENT_TARGETS)[number];

/** A region's own target for a year, as set by the start of the day asked about; none if not set. */
export function employmentTarget(
  engine: PolicyEngine,
  name: EmploymentTarget,
  region: string,
  year: number,
  on: IsoDate,
): number | undefined {
  const yearEnd = `${year}-12-31`;
  const value = engine.parameters.resolve(name, region, on < yearEnd ? on : yearEnd);
  return value && value.region === region && value.from.startsWith(`${year}-`) ? value.value : undefined;
}

/** Every server parameter a region may set. */
export const SERVER_PARAMETERS: readonly string[] = [
  ...Object.keys(RISK_THRESHOLDS),
  ...EMPLOYMENT_TARGETS,
  ...CATALOGUE.map((s) => noApplicationParameter(s.id)),
];

/** The region's threshold in force on a day, or the default. */
export function riskThreshold(engine: PolicyEngine, name: RiskThreshold, region: string, on: IsoDate): number {
  return engine.parameters.resolve(name, region, on)?.value ?? RISK_THRESHOLDS[name];
}
