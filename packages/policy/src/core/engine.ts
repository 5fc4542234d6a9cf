import type { ApplicantFacts, ClaimFacts } from '../facts/facts.js';
import { within, type IsoDate } from './dates.js';
import { formatCitation, type Citation } from './documents.js';
import { ParameterTable, type ParameterValue, type ResolvedParameter } from './parameters.js';
import { isWithinRegion, regionDepth, type RegionCode } from './regions.js';
import {
  reason,
  type Decision,
  type DecisionStatus,
  type EvaluationContext,
  type Reason,
  type Scheme,
  type SubsidyDefinition,
} from './subsidy.js';
import { standardNotSet } from './build.js';
import { text } from './text.js';

/** Semver for the law as coded: a new subsidy or variant is a minor, a corrected rule a patch. */
export const ENGINE_VERSION = '0.2.0';

export interface EvaluationRequest {
  readonly subsidy: string;
  readonly region: RegionCode;
  readonly date: IsoDate;
  readonly applicant: ApplicantFacts;
  readonly claim?: ClaimFacts;
}

/** Which scheme holds for a subsidy in a region on a date, or why none does. */
type Resolution =
  | {
      readonly kind: 'scheme';
      readonly scheme: Scheme;
      readonly checks: readonly CompiledCondition[];
      readonly params: Map<string, ResolvedParameter | undefined>;
    }
  | { readonly kind: 'none'; readonly status: DecisionStatus; readonly reason: Reason };

const EMPTY_CLAIM: ClaimFacts = Object.freeze({});

/** `eligibility`'s answer: eligible with the amount `evaluate` would give (null: not set), or not. */
export type Eligibility = { readonly eligible: false } | { readonly eligible: true; readonly amountFen: number | null };
const NOT_ELIGIBLE: Eligibility = Object.freeze({ eligible: false });

/** A condition with its two detail-free reasons built once, when its scheme is first resolved. */
interface CompiledCondition {
  readonly condition: Scheme['conditions'][number];
  readonly met: Reason;
  readonly unmet: Reason;
}

function compile(scheme: Scheme): CompiledCondition[] {
  return scheme.conditions.map((condition) => ({
    condition,
    met: reason(condition.code, true, condition.rule, condition.citation),
    unmet: reason(condition.code, false, condition.rule, condition.citation),
  }));
}
const RESOLUTION_CACHE_LIMIT = 65_536;

const NO_PARAMETERS: readonly ResolvedParameter[] = Object.freeze([]);

class Context implements EvaluationContext {
  used: ResolvedParameter[] | undefined;
  // Most evaluations memoise one thing (the claimed certificate or business): one slot, then a map.
  private memoKey: object | undefined;
  private memoValue: unknown;
  private memos: Map<object, unknown> | undefined;
  constructor(
    readonly applicant: ApplicantFacts,
    readonly claim: ClaimFacts,
    readonly date: IsoDate,
    readonly region: RegionCode,
    private readonly table: ParameterTable,
    private readonly cache: Map<string, ResolvedParameter | undefined>,
  ) {}

  memo<T>(key: object, compute: () => T): T {
    if (this.memoKey === key) return this.memoValue as T;
    if (this.memos?.has(key)) return this.memos.get(key) as T;
    const value = compute();
    if (this.memoKey === undefined) {
      this.memoKey = key;
      this.memoValue = value;
    } else {
      (this.memos ??= new Map()).set(key, value);
    }
    return value;
  }

  param(id: string, on?: IsoDate): ResolvedParameter | undefined {
    let value: ResolvedParameter | undefined;
    if (on !== undefined && on !== this.date) {
      value = this.table.resolve(id, this.region, on);
    } else {
      value = this.cache.get(id);
      if (value === undefined && !this.cache.has(id)) {
        value = this.table.resolve(id, this.region, this.date);
        this.cache.set(id, value);
      }
    }
    if (value) {
      if (!this.used) this.used = [value];
      else if (!this.used.includes(value)) this.used.push(value);
    }
    return value;
  }
}

/**
 * The policy engine: given an applicant's facts, a region and a date, decides each subsidy with
 * every reason and its citation. Pure: it reads only what it is given.
 */
export class PolicyEngine {
  readonly parameters: ParameterTable;
  private readonly subsidies = new Map<string, SubsidyDefinition>();
  /** subsidy → region → date → resolution; nested maps, so a lookup builds no key string. */
  private readonly resolutions = new Map<SubsidyDefinition, Map<RegionCode, Map<IsoDate, Resolution>>>();
  private resolutionCount = 0;

  constructor(catalogue: readonly SubsidyDefinition[], parameterValues: Iterable<ParameterValue>) {
    for (const subsidy of catalogue) {
      if (this.subsidies.has(subsidy.id)) throw new Error(`duplicate subsidy id ${subsidy.id}`);
      this.subsidies.set(subsidy.id, subsidy);
    }
    this.parameters = new ParameterTable(parameterValues);
  }

  catalogue(): SubsidyDefinition[] {
    return [...this.subsidies.values()];
  }

  subsidy(id: string): SubsidyDefinition | undefined {
    return this.subsidies.get(id);
  }

  evaluate(request: EvaluationRequest): Decision {
    const subsidy = this.subsidies.get(request.subsidy);
    if (!subsidy) throw new RangeError(`unknown subsidy ${request.subsidy}`);
    return this.decide(subsidy, request.applicant, request.claim ?? EMPTY_CLAIM, request.region, request.date);
  }

  /** Every subsidy open to this kind of applicant, decided. */
  evaluateAll(request: Omit<EvaluationRequest, 'subsidy'>): Decision[] {
    const out: Decision[] = [];
    for (const subsidy of this.subsidies.values()) {
      if (subsidy.applicant !== request.applicant.kind) continue;
      out.push(this.decide(subsidy, request.applicant, request.claim ?? EMPTY_CLAIM, request.region, request.date));
    }
    return out;
  }

  /** The scheme in force for a subsidy here and now, or the reason there is none. */
  resolve(subsidy: SubsidyDefinition, region: RegionCode, date: IsoDate): Resolution {
    let byRegion = this.resolutions.get(subsidy);
    if (!byRegion) this.resolutions.set(subsidy, (byRegion = new Map()));
    let byDate = byRegion.get(region);
    if (!byDate) byRegion.set(region, (byDate = new Map()));
    let resolution = byDate.get(date);
    if (!resolution) {
      if (this.resolutionCount >= RESOLUTION_CACHE_LIMIT) {
        this.resolutions.clear();
        this.resolutionCount = 0;
        return this.resolve(subsidy, region, date);
      }
      resolution = resolveScheme(subsidy, region, date);
      byDate.set(date, resolution);
      this.resolutionCount++;
    }
    return resolution;
  }

  /**
   * Whether the applicant is eligible and for how much: the same verdict and amount as `evaluate`,
   * without the decision around them. It stops at the first condition not met and builds no reasons,
   * so a sweep over a whole registry, which keeps only eligible amounts, spends nothing on the
   * explanations of the many who are not (a condition's test reads facts, never changes them).
   */
  eligibility(
    subsidy: SubsidyDefinition,
    applicant: ApplicantFacts,
    region: RegionCode,
    date: IsoDate,
    claim: ClaimFacts = EMPTY_CLAIM,
  ): Eligibility {
    const resolution = this.resolve(subsidy, region, date);
    if (resolution.kind === 'none' || applicant.kind !== subsidy.applicant) return NOT_ELIGIBLE;
    const ctx = new Context(applicant, claim, date, region, this.parameters, resolution.params);
    let notSet = false;
    for (const check of resolution.checks) {
      const outcome = check.condition.test(ctx);
      if (typeof outcome === 'boolean') {
        if (!outcome) return NOT_ELIGIBLE;
      } else {
        if (!outcome.met) return NOT_ELIGIBLE;
        if (outcome.notSet !== undefined) notSet = true;
      }
    }
    // As `decide`: a rule not judged for want of a local parameter leaves the amount open.
    return { eligible: true, amountFen: notSet ? null : resolution.scheme.amount(ctx).amountFen };
  }

  private decide(
    subsidy: SubsidyDefinition,
    applicant: ApplicantFacts,
    claim: ClaimFacts,
    region: RegionCode,
    date: IsoDate,
  ): Decision {
    const resolution = this.resolve(subsidy, region, date);
    if (resolution.kind === 'none') {
      return {
        subsidy: subsidy.id,
        name: subsidy.name,
        status: resolution.status,
        eligible: false,
        amountFen: 0,
        region,
        date,
        reasons: [resolution.reason],
        parameters: [],
        engineVersion: ENGINE_VERSION,
      };
    }
    const { scheme } = resolution;
    if (applicant.kind !== subsidy.applicant) {
      return {
        subsidy: subsidy.id,
        name: subsidy.name,
        status: 'not-applicable',
        eligible: false,
        amountFen: 0,
        scheme: scheme.id,
        region,
        date,
        reasons: [wrongApplicantReason(subsidy, scheme.basis)],
        parameters: [],
        engineVersion: ENGINE_VERSION,
      };
    }
    // The decision objects below are spelled out rather than spread from a shared base: spreading
    // here made evaluation several times slower (npm run bench:policy).
    const ctx = new Context(applicant, claim, date, region, this.parameters, resolution.params);
    const reasons: Reason[] = [];
    let eligible = true;
    let notSet: { readonly parameter: string; readonly citation: Citation } | undefined;
    for (const check of resolution.checks) {
      const outcome = check.condition.test(ctx);
      if (typeof outcome === 'boolean') {
        reasons.push(outcome ? check.met : check.unmet);
        if (!outcome) eligible = false;
      } else {
        const c = check.condition;
        reasons.push(
          outcome.detail
            ? reason(c.code, outcome.met, c.rule, c.citation, outcome.detail)
            : outcome.met
              ? check.met
              : check.unmet,
        );
        if (!outcome.met) eligible = false;
        else if (outcome.notSet !== undefined && !notSet) notSet = { parameter: outcome.notSet, citation: c.citation };
      }
    }
    if (!eligible) {
      return {
        subsidy: subsidy.id,
        name: subsidy.name,
        status: 'ineligible',
        eligible: false,
        amountFen: 0,
        scheme: scheme.id,
        region,
        date,
        reasons,
        parameters: ctx.used ?? NO_PARAMETERS,
        engineVersion: ENGINE_VERSION,
      };
    }
    // A rule that could not be judged for a parameter the region has not set leaves the amount open.
    const amount = notSet ? standardNotSet(notSet.parameter, notSet.citation) : scheme.amount(ctx);
    reasons.push(
      reason(amount.amountFen === null ? 'STANDARD_NOT_SET' : 'AMOUNT', true, amount.explanation, amount.citation),
    );
    const decision: Decision = {
      subsidy: subsidy.id,
      name: subsidy.name,
      status: 'eligible',
      eligible: true,
      amountFen: amount.amountFen,
      scheme: scheme.id,
      region,
      date,
      reasons,
      parameters: ctx.used ?? NO_PARAMETERS,
      engineVersion: ENGINE_VERSION,
    };
    if (amount.perMonthFen !== undefined)
      return { ...decision, perMonthFen: amount.perMonthFen, months: amount.months ?? 0 };
    return decision;
  }
}

function wrongApplicantReason(subsidy: SubsidyDefinition, basis: Citation): Reason {
  return reason(
    'APPLICANT_KIND',
    false,
    subsidy.applicant === 'person'
      ? text('本补贴由个人申请', 'This subsidy is claimed by a person')
      : text('本补贴由单位申请', 'This subsidy is claimed by an organisation'),
    basis,
  );
}

function resolveScheme(subsidy: SubsidyDefinition, region: RegionCode, date: IsoDate): Resolution {
  const candidates = subsidy.schemes
    .filter((s) => isWithinRegion(region, s.region))
    .sort((a, b) => regionDepth(b.region) - regionDepth(a.region) || (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const inForce = candidates.find((s) => within(date, s.from, s.to));
  if (inForce) return { kind: 'scheme', scheme: inForce, checks: compile(inForce), params: new Map() };
  if (candidates.length === 0) {
    const basis = subsidy.schemes[0]?.basis;
    return {
      kind: 'none',
      status: 'not-offered',
      reason: reason(
        'POLICY_NOT_OFFERED',
        false,
        text('本地区未实施该补贴政策', 'This subsidy is not offered in this region'),
        basis ?? { document: 'CS-2023-181', article: '第十五条' },
      ),
    };
  }
  const ended = candidates
    .filter((s) => s.to !== undefined && s.to < date)
    .sort((a, b) => ((a.to ?? '') < (b.to ?? '') ? 1 : -1))[0];
  if (ended) {
    const clause = ended.periodClause ?? ended.basis;
    return {
      kind: 'none',
      status: 'not-in-force',
      reason: reason(
        'POLICY_EXPIRED',
        false,
        text(
          `该政策已于${ended.to}到期（${formatCitation(clause)}）`,
          `This policy expired on ${ended.to} (${formatCitation(clause)})`,
        ),
        clause,
      ),
    };
  }
  const next = candidates.sort((a, b) => (a.from < b.from ? -1 : 1))[0] as Scheme;
  return {
    kind: 'none',
    status: 'not-in-force',
    reason: reason(
      'POLICY_NOT_YET_IN_FORCE',
      false,
      text(`该政策自${next.from}起施行`, `This policy takes effect on ${next.from}`),
      next.basis,
    ),
  };
}
