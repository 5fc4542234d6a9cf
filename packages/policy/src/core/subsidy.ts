import type { ApplicantFacts, ClaimFacts, Fund, OrganisationFacts, PersonFacts } from '../facts/facts.js';
import type { IsoDate } from './dates.js';
import { formatCitation, type Citation } from './documents.js';
import type { Duration } from './durations.js';
import type { Fen } from './money.js';
import type { ParameterValue, ResolvedParameter } from './parameters.js';
import type { RegionCode } from './regions.js';
import type { Text } from './text.js';

export type ApplicantKind = 'person' | 'organisation';

/**
 * One item of a scheme's materials (申请材料). `waivedBy`: the applicant's fact that, once the
 * platform holds it from a shared source or a clerk's confirmation, makes the paper unnecessary
 * (181号 第二十三条 "对能依托信息系统…获得的信息和资料，不再要求提供纸质材料").
 * `hire-contributions`: a unit's contributions for the people its claim lists, held when the
 * insurance records show the unit paying for every one of them.
 */
export interface Material extends Text {
  readonly waivedBy?:
    'businesses' | 'graduation' | 'statuses' | 'insurance' | 'certificates' | 'employments' | 'hire-contributions';
}

export function material(zh: string, en: string, waivedBy?: Material['waivedBy']): Material {
  return waivedBy ? { zh, en, waivedBy } : { zh, en };
}
export type ApplicantOf<K extends ApplicantKind> = K extends 'person' ? PersonFacts : OrganisationFacts;

/** What a condition or amount rule sees: the applicant, the claim, the day and place, the parameters. */
export interface EvaluationContext<A extends ApplicantFacts = ApplicantFacts> {
  readonly applicant: A;
  readonly claim: ClaimFacts;
  readonly date: IsoDate;
  readonly region: RegionCode;
  /**
   * The value of a parameter in force here and now — or, with `on`, in force here on that day (a
   * figure of a past year, such as last year's national unemployment-rate target); recorded in the
   * decision when read.
   */
  param(id: string, on?: IsoDate): ResolvedParameter | undefined;
  /** Computes once per evaluation what several rules read (the claimed certificate, a plan). */
  memo<T>(key: object, compute: () => T): T;
}

export interface ConditionOutcome {
  readonly met: boolean;
  /** What the facts showed, e.g. "已正常运营8个月". */
  readonly detail?: Text;
  /**
   * The parameter the rule needs and the region has not set (a threshold the text leaves to it).
   * The rule is not refused for it: the decision is eligible with no amount and names the
   * parameter (`STANDARD_NOT_SET`), as when an amount's standard is missing. Set with `met: true`.
   */
  readonly notSet?: string;
}

/** One rule of a scheme: a stable code, the rule as the text states it, and where it is written. */
export interface Condition<A extends ApplicantFacts = ApplicantFacts> {
  readonly code: string;
  readonly rule: Text;
  readonly citation: Citation;
  readonly test: (ctx: EvaluationContext<A>) => boolean | ConditionOutcome;
  /** The durations the test applies, each with its own article (it may differ from `citation`). */
  readonly durations?: readonly Duration[];
}

export interface AmountResult {
  /** Null when the rule's standard is left to a local authority that has not set it. */
  readonly amountFen: Fen | null;
  readonly perMonthFen?: Fen;
  readonly months?: number;
  readonly explanation: Text;
  readonly citation: Citation;
}

export type AmountRule<A extends ApplicantFacts = ApplicantFacts> = (ctx: EvaluationContext<A>) => AmountResult;

/**
 * One dated, regional version of a subsidy: who, what evidence, how much. When a text changes a
 * subsidy from a date, that is a new scheme, not an `if` on the date.
 */
export interface Scheme<A extends ApplicantFacts = ApplicantFacts> {
  readonly id: string;
  readonly region: RegionCode;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  /** The article that creates this version of the subsidy. */
  readonly basis: Citation;
  /** The clause that sets its period, cited when it has expired. */
  readonly periodClause?: Citation;
  readonly who: Text;
  readonly standard: Text;
  readonly materials: readonly Material[];
  /** Parameters the amount rule reads, shown with their values in the public policy list. */
  readonly parameters: readonly string[];
  readonly conditions: readonly Condition<A>[];
  readonly amount: AmountRule<A>;
  /** Every duration the conditions apply, bound when the scheme is defined (docs/policy-index.md lists them). */
  readonly durations: readonly Duration[];
}

export type Periodicity = 'once' | 'monthly' | 'per-claim' | 'yearly';
/** When the recipient list is published (公示): before payment for 一次性求职补贴 (181号 第二十八条). */
export type Disclosure = 'before-payment' | 'after-payment';

export interface SubsidyDefinition<K extends ApplicantKind = ApplicantKind> {
  readonly id: string;
  /** The defining module's `import.meta.url`, so docs/policy-index.md can point at the file. */
  readonly source: string;
  readonly name: Text;
  readonly applicant: K;
  readonly fund: Fund;
  readonly periodicity: Periodicity;
  readonly disclosure: Disclosure;
  readonly schemes: readonly Scheme<ApplicantOf<K>>[];
}

export function defineSubsidy<K extends ApplicantKind>(definition: SubsidyDefinition<K>): SubsidyDefinition<K> {
  return definition;
}

/** A reason in a decision: a checked rule (met or not) or the amount, with its citation. */
export interface Reason {
  readonly code: string;
  readonly met: boolean;
  readonly message: Text;
  readonly citation: Citation;
  /** `财社〔2023〕181号 第九条`, ready to show. */
  readonly cites: string;
  readonly detail?: Text;
}

export function reason(code: string, met: boolean, message: Text, citation: Citation, detail?: Text): Reason {
  return detail
    ? { code, met, message, citation, cites: formatCitation(citation), detail }
    : { code, met, message, citation, cites: formatCitation(citation) };
}

export const DECISION_STATUSES = ['eligible', 'ineligible', 'not-in-force', 'not-offered', 'not-applicable'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A parameter value a decision read, kept so the decision can be reproduced. */
export type UsedParameter = ResolvedParameter;
export type { ParameterValue };

export interface Decision {
  readonly subsidy: string;
  readonly name: Text;
  readonly status: DecisionStatus;
  readonly eligible: boolean;
  /** The amount in 分; 0 when not eligible; null when eligible but the local standard is not set. */
  readonly amountFen: Fen | null;
  readonly perMonthFen?: Fen;
  readonly months?: number;
  readonly scheme?: string;
  readonly region: RegionCode;
  readonly date: IsoDate;
  readonly reasons: readonly Reason[];
  readonly parameters: readonly UsedParameter[];
  readonly engineVersion: string;
}
