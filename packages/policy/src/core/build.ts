import type { ApplicantFacts } from '../facts/facts.js';
import type { Citation } from './documents.js';
import type { Duration } from './durations.js';
import { formatYuan, formatYuanEn, type Fen } from './money.js';
import type { AmountResult, Condition, ConditionOutcome, EvaluationContext } from './subsidy.js';
import { text, type Text } from './text.js';

/** Builders that keep subsidy files close to the wording of their articles. */

export function condition<A extends ApplicantFacts>(
  code: string,
  rule: Text,
  citation: Citation,
  test: (ctx: EvaluationContext<A>) => boolean | ConditionOutcome,
  durations?: readonly Duration[],
): Condition<A> {
  return Object.freeze(durations?.length ? { code, rule, citation, test, durations } : { code, rule, citation, test });
}

export function outcome(met: boolean, zh: string, en: string): ConditionOutcome {
  return { met, detail: text(zh, en) };
}

/**
 * A rule cannot be judged because a figure it needs is a parameter the region has not set (a
 * threshold the text leaves to a local authority or to a yearly national figure not yet entered).
 * Missing is not set, never a refusal: the rule stands as met, and the decision is eligible with no
 * amount, naming the parameter (`STANDARD_NOT_SET`), until it is set.
 */
export function notSet(parameter: string): ConditionOutcome {
  return {
    met: true,
    notSet: parameter,
    detail: text(
      `本地区尚未设置参数 ${parameter}，设置后方可核定`,
      `This region has not set parameter ${parameter}; the claim can be decided once it is set`,
    ),
  };
}

/**
 * The standard is a parameter the region may not have set yet (the text leaves it to the province
 * or city). Then the decision is eligible with no amount, and says whose setting is missing.
 */
export function standardNotSet(parameter: string, citation: Citation): AmountResult {
  return {
    amountFen: null,
    explanation: text(
      `补贴标准由当地人社、财政部门确定，本地区尚未设置（参数 ${parameter}）`,
      `The standard is set locally and this region has not set it yet (parameter ${parameter})`,
    ),
    citation,
  };
}

/** A per-head amount: `count × standard`. */
export function perHead(
  ctx: EvaluationContext,
  parameter: string,
  count: number,
  fallback: Citation,
  what: Text,
): AmountResult {
  const p = ctx.param(parameter);
  if (!p) return standardNotSet(parameter, fallback);
  const amountFen: Fen = p.value * count;
  return {
    amountFen,
    explanation: text(
      `${what.zh}：${formatYuan(p.value)} × ${count} = ${formatYuan(amountFen)}`,
      `${what.en}: ${formatYuanEn(p.value)} × ${count} = ${formatYuanEn(amountFen)}`,
    ),
    citation: p.citation ?? fallback,
  };
}

/** A one-off amount equal to a parameter. */
export function fixed(ctx: EvaluationContext, parameter: string, fallback: Citation, what: Text): AmountResult {
  const p = ctx.param(parameter);
  if (!p) return standardNotSet(parameter, fallback);
  return {
    amountFen: p.value,
    explanation: text(`${what.zh}：${formatYuan(p.value)}`, `${what.en}: ${formatYuanEn(p.value)}`),
    citation: p.citation ?? fallback,
  };
}
