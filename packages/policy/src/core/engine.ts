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
import { text, type Text } from './text.js';

export const ENGINE_VERSION = '0.1.0';

export interface EvaluationRequest {
  readonly subsidy: string;
  readonly region: RegionCode;
  readonly date: IsoDate;
  readonly applicant: ApplicantFacts;
  readonly claim?: ClaimFacts;
}

/** Which scheme holds for a subsidy in a region on a date, or why none does. */
type Resolution =
  | { readonly kind: 'scheme'; readonly scheme: Scheme; readonly params: Map<string, ResolvedParameter | undefined> }
  | { readonly kind: 'none'; readonly status: DecisionStatus; readonly reason: Reason };

const EMPTY_CLAIM: ClaimFacts = Object.freeze({});
const RESOLUTION_CACHE_LIMIT = 4096;

class Context implements EvaluationContext {
  readonly used: ResolvedParameter[] = [];
  constructor(
    readonly applicant: ApplicantFacts,
    readonly claim: ClaimFacts,
    readonly date: IsoDate,
    readonly region: RegionCode,
    private readonly table: ParameterTable,
    private readonly cache: Map<string, ResolvedParameter | undefined>,
  ) {}

  param(id: string): ResolvedParameter | undefined {
    let value = this.cache.get(id);
    if (value === undefined && !this.cache.has(id)) {
      value = this.table.resolve(id, this.region, this.date);
      this.cache.set(id, value);
    }
    if (value && !this.used.includes(value)) this.used.push(value);
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
  private readonly resolutions = new Map<string, Resolution>();

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
    const key = `${subsidy.id}|${region}|${date}`;
    let resolution = this.resolutions.get(key);
    if (!resolution) {
      resolution = resolveScheme(subsidy, region, date);
      if (this.resolutions.size >= RESOLUTION_CACHE_LIMIT) this.resolutions.clear();
      this.resolutions.set(key, resolution);
    }
    return resolution;
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
    const ctx = new Context(applicant, claim, date, region, this.parameters, resolution.params);
    const reasons: Reason[] = [];
    let eligible = true;
    for (const condition of scheme.conditions) {
      const outcome = condition.test(ctx);
      const met = typeof outcome === 'boolean' ? outcome : outcome.met;
      const detail = typeof outcome === 'boolean' ? undefined : outcome.detail;
      if (!met) eligible = false;
      reasons.push(detail ? reason(condition.code, met, condition.rule, condition.citation, detail) : cachedReason(condition, met));
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
        parameters: ctx.used,
        engineVersion: ENGINE_VERSION,
      };
    }
    const amount = scheme.amount(ctx);
    reasons.push(reason(amount.amountFen === null ? 'STANDARD_NOT_SET' : 'AMOUNT', true, amount.explanation, amount.citation));
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
      parameters: ctx.used,
      engineVersion: ENGINE_VERSION,
    };
    if (amount.perMonthFen !== undefined) return { ...decision, perMonthFen: amount.perMonthFen, months: amount.months ?? 0 };
    return decision;
  }
}

const reasonCache = new WeakMap<object, { met: Reason; unmet: Reason }>();

/** The reasons of a condition without detail never change, so each is built once. */
function cachedReason(condition: { code: string; rule: Text; citation: Citation }, met: boolean): Reason {
  let pair = reasonCache.get(condition);
  if (!pair) {
    pair = {
      met: reason(condition.code, true, condition.rule, condition.citation),
      unmet: reason(condition.code, false, condition.rule, condition.citation),
    };
    reasonCache.set(condition, pair);
  }
  return met ? pair.met : pair.unmet;
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
  if (inForce) return { kind: 'scheme', scheme: inForce, params: new Map() };
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
  const ended = candidates.filter((s) => s.to !== undefined && s.to < date).sort((a, b) => ((a.to ?? '') < (b.to ?? '') ? 1 : -1))[0];
  if (ended) {
    const clause = ended.periodClause ?? ended.basis;
    return {
      kind: 'none',
      status: 'not-in-force',
      reason: reason(
        'POLICY_EXPIRED',
        false,
        text(`该政策已于${ended.to}到期（${formatCitation(clause)}）`, `This policy expired on ${ended.to} (${formatCitation(clause)})`),
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
