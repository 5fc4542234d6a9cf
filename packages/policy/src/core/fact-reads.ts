import type { ApplicantFacts, ClaimFacts } from '../facts/facts.js';
import type { IsoDate } from './dates.js';
import type { EvaluationRequest, PolicyEngine } from './engine.js';
import type { ParameterTable, ResolvedParameter } from './parameters.js';
import type { RegionCode } from './regions.js';
import type { EvaluationContext } from './subsidy.js';

/** What one condition of the scheme in force looked at to reach its answer. */
export interface ConditionReads {
  readonly code: string;
  readonly met: boolean;
  /** Top-level fields of the applicant's facts it read (`graduation`, `businesses`, `statuses` …). */
  readonly applicant: readonly string[];
  /** Top-level fields of the claim it read (`businessCreditCode`, `hires` …). */
  readonly claim: readonly string[];
}

/**
 * Which facts each condition reads, found by running the scheme's conditions over recording views
 * of the facts. It is what lets a form ask only the questions a subsidy's conditions depend on, and
 * an unmet condition say which fact would change it (一网通办: ask for nothing the rules do not read).
 * Traced separately from `evaluate`, which stays as fast as before; conditions are pure, so running
 * them again gives the same answers.
 */
export function factsRead(engine: PolicyEngine, request: EvaluationRequest): ConditionReads[] {
  const subsidy = engine.subsidy(request.subsidy);
  if (!subsidy) throw new RangeError(`unknown subsidy ${request.subsidy}`);
  const resolution = engine.resolve(subsidy, request.region, request.date);
  if (resolution.kind !== 'scheme' || request.applicant.kind !== subsidy.applicant) return [];
  return resolution.scheme.conditions.map((condition) => {
    const applicantReads = new Set<string>();
    const claimReads = new Set<string>();
    const ctx = new TracingContext(
      recording(request.applicant, applicantReads),
      recording(request.claim ?? {}, claimReads),
      request.date,
      request.region,
      engine.parameters,
    );
    const outcome = condition.test(ctx);
    applicantReads.delete('kind');
    return {
      code: condition.code,
      met: typeof outcome === 'boolean' ? outcome : outcome.met,
      applicant: [...applicantReads].sort(),
      claim: [...claimReads].sort(),
    };
  });
}

/** A view of an object that notes each top-level field asked for. */
function recording<T extends object>(target: T, reads: Set<string>): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.get(obj, key, receiver) as unknown;
    },
    has(obj, key) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.has(obj, key);
    },
  });
}

/** Like the engine's context, but memoises nothing, so every condition's own reads are seen. */
class TracingContext implements EvaluationContext {
  constructor(
    readonly applicant: ApplicantFacts,
    readonly claim: ClaimFacts,
    readonly date: IsoDate,
    readonly region: RegionCode,
    private readonly table: ParameterTable,
  ) {}

  memo<T>(_key: object, compute: () => T): T {
    return compute();
  }

  param(id: string, on?: IsoDate): ResolvedParameter | undefined {
    return this.table.resolve(id, this.region, on ?? this.date);
  }
}
