import type { DESIGNATION_NAMES, EMPLOYMENT_SERVICE_NAMES } from '@huimin/policy/vocabulary';
import type { Dayjs } from 'dayjs';
import type { SubsidyId } from '../../api/schema.js';
import { parseYuan } from '../../components/format.js';

/**
 * What each subsidy's claim asks the applicant for, beyond what the registry already knows. The
 * engine reads these claim facts (packages/policy, `ClaimFacts`); subsidies absent here need
 * nothing more than the applicant's registry record.
 */
export type Field =
  | 'fromMonth'
  | 'toMonth'
  | 'businessCreditCode'
  | 'feeYuan'
  | 'year'
  | 'trainingDays'
  | 'hires'
  | 'export'
  | 'designation'
  | 'service'
  | 'project'
  | 'projectGrantYuan'
  | 'rentYuan';
type Designation = keyof typeof DESIGNATION_NAMES;
type ServiceKind = keyof typeof EMPLOYMENT_SERVICE_NAMES;

const CLAIM_FIELDS: Partial<Record<SubsidyId, readonly Field[]>> = {
  'public-welfare-post': ['fromMonth', 'toMonth'],
  'social-insurance-flexible-hard-to-employ': ['fromMonth', 'toMonth'],
  'social-insurance-flexible-graduate': ['fromMonth', 'toMonth'],
  'one-time-startup': ['businessCreditCode'],
  'startup-follow-on': ['businessCreditCode'],
  'skill-evaluation': ['feeYuan'],
  'unemployment-insurance-stabilization': ['year'],
  'training-living-allowance': ['trainingDays'],
  'one-time-hiring': ['hires'],
  'one-time-expansion': ['hires'],
  'employer-post-subsidy': ['hires'],
  'social-insurance-employer-hard-to-employ': ['hires'],
  'social-insurance-employer-graduate': ['hires'],
  'labour-export-job-seeking': ['export'],
  'labour-export-transport': ['export'],
  'enterprise-staff-training': ['hires'],
  'employment-service': ['year', 'service'],
  'high-skill-training': ['designation', 'year'],
  'incubation-base-award': ['designation', 'service'],
  'labour-station-award': ['year'],
  'project-training': ['project'],
  'startup-project-fund': ['businessCreditCode', 'projectGrantYuan'],
  'premises-rent': ['businessCreditCode', 'rentYuan'],
};

/** The designations a subsidy's claim names (the unit's designation the award is for). */
export const DESIGNATIONS: Record<string, readonly Designation[]> = {
  'high-skill-training': [
    'high-skill-training-base-national',
    'high-skill-training-base-provincial',
    'skill-master-studio-national',
    'skill-master-studio-provincial',
  ],
  'incubation-base-award': [
    'incubation-base-city',
    'incubation-base-county',
    'incubation-base-excellent',
    'incubation-base',
  ],
};

/** The services a claim may be for: 孵化基地奖补 weighs only incubation figures. */
export const SERVICES: Record<string, readonly ServiceKind[]> = {
  'employment-service': ['public-service', 'incubation', 'recruitment'],
  'incubation-base-award': ['incubation'],
};

export interface ClaimFormValues {
  fromMonth?: Dayjs;
  toMonth?: Dayjs;
  businessCreditCode?: string;
  feeYuan?: string;
  year?: number;
  trainingDays?: number;
  hires?: ({ idNumber?: string; contractStart?: Dayjs; contractMonths?: number; insuredMonths?: number } | undefined)[];
  export?: {
    destination?: 'outside-county' | 'other-province';
    organised?: boolean;
    first?: boolean;
    stableMonths?: number;
  };
  designation?: Designation;
  service?: {
    kind?: ServiceKind;
    /** 服务站点（基地、活动）: the station, base or event the claim is for; empty for the unit's one claim. */
    site?: string;
    served?: number;
    outcomes?: number;
    costYuan?: string;
    chargedYuan?: string;
  };
  projectGrantYuan?: string;
  rentYuan?: string;
  project?: {
    kind?: 'employment-skills' | 'entrepreneurship';
    trainees?: number;
    certified?: number;
    reformUnemployed?: number;
  };
}

export function claimFieldsOf(subsidy: string): readonly Field[] {
  return CLAIM_FIELDS[subsidy as SubsidyId] ?? [];
}

/**
 * Where a subsidy's rules find the insurance paid for a unit's hires: the months the unit types
 * (`claim`), or the insurance records themselves (`records`: the social-insurance subsidies pay
 * what the records show was paid, so their form does not ask).
 */
const HIRE_INSURANCE: Partial<Record<SubsidyId, 'claim' | 'records'>> = {
  'one-time-hiring': 'claim',
  'one-time-expansion': 'claim',
  'social-insurance-employer-hard-to-employ': 'records',
  'social-insurance-employer-graduate': 'records',
};

export function hireInsuranceFrom(subsidy: string): 'claim' | 'records' | undefined {
  return HIRE_INSURANCE[subsidy as SubsidyId];
}

/**
 * Whether this subsidy's form asks for a field of the claim as the engine names it (`claim.feeFen`,
 * typed in 元 as `feeYuan`). Some the engine reads are never typed here: which certificate a claim
 * is for (the newest when none is named), a class's scheme, a loan's terms, which other flows fill.
 */
export function formAsks(subsidy: string, claimField: string): boolean {
  const name = claimField.replace(/^claim\./, '').replace(/Fen$/, 'Yuan');
  return claimFieldsOf(subsidy).some((f) => f === name);
}

/** The form's values as the API's claim: months and dates as ISO text, money as integer fen. */
export function toClaim(subsidy: string, v: ClaimFormValues): Record<string, unknown> {
  const fields = new Set(claimFieldsOf(subsidy));
  const claim: Record<string, unknown> = {};
  if (fields.has('fromMonth') && v.fromMonth) claim.fromMonth = v.fromMonth.format('YYYY-MM');
  if (fields.has('toMonth') && v.toMonth) claim.toMonth = v.toMonth.format('YYYY-MM');
  if (fields.has('businessCreditCode') && v.businessCreditCode)
    claim.businessCreditCode = v.businessCreditCode.trim().toUpperCase();
  if (fields.has('feeYuan') && v.feeYuan) {
    const fen = parseYuan(v.feeYuan);
    if (fen !== undefined) claim.feeFen = fen;
  }
  if (fields.has('year') && v.year) claim.year = v.year;
  if (fields.has('trainingDays') && v.trainingDays) claim.trainingDays = v.trainingDays;
  // A row being filled in is not yet a hire: it needs its ID number and contract start (the form asks
  // for both on saving), so the preview is not refused for a half-typed row.
  const hires = (v.hires ?? []).filter(
    (h): h is typeof h & { idNumber: string } => !!h?.idNumber?.trim() && h.contractStart !== undefined,
  );
  if (fields.has('hires') && hires.length > 0) {
    claim.hires = hires.map((h) => ({
      idNumber: h.idNumber.trim().toUpperCase(),
      contractStart: h.contractStart?.format('YYYY-MM-DD'),
      ...(h.contractMonths ? { contractMonths: h.contractMonths } : {}),
      ...(hireInsuranceFrom(subsidy) === 'claim' ? { insuredMonths: h.insuredMonths ?? 0 } : {}),
    }));
  }
  if (fields.has('export') && v.export?.destination) {
    claim.export = {
      destination: v.export.destination,
      organised: !!v.export.organised,
      first: !!v.export.first,
      stableMonths: v.export.stableMonths ?? 0,
    };
  }
  if (fields.has('designation') && v.designation) claim.designation = v.designation;
  if (fields.has('service') && v.service?.kind) {
    const cost = v.service.costYuan ? parseYuan(v.service.costYuan) : undefined;
    const charged = v.service.chargedYuan ? parseYuan(v.service.chargedYuan) : undefined;
    const site = v.service.site?.trim();
    claim.service = {
      kind: v.service.kind,
      ...(site ? { site } : {}),
      served: v.service.served ?? 0,
      outcomes: v.service.outcomes ?? 0,
      ...(cost !== undefined ? { costFen: cost } : {}),
      ...(charged !== undefined ? { chargedFen: charged } : {}),
    };
  }
  if (fields.has('projectGrantYuan') && v.projectGrantYuan) {
    const fen = parseYuan(v.projectGrantYuan);
    if (fen !== undefined) claim.projectGrantFen = fen;
  }
  if (fields.has('rentYuan') && v.rentYuan) {
    const fen = parseYuan(v.rentYuan);
    if (fen !== undefined) claim.rentFen = fen;
  }
  if (fields.has('project') && v.project?.kind) {
    const { kind, trainees = 0, certified = 0, reformUnemployed } = v.project;
    claim.project = { kind, trainees, certified, ...(reformUnemployed !== undefined ? { reformUnemployed } : {}) };
  }
  return claim;
}
