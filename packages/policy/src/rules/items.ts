import { condition } from '../core/build.js';
import type { Citation } from '../core/documents.js';
import type { Duration } from '../core/durations.js';
import type { Condition, EvaluationContext } from '../core/subsidy.js';
import { text, type Text } from '../core/text.js';
import type { OrganisationFacts, PersonFacts } from '../facts/facts.js';
import { maskIdNumber } from '../identity/masking.js';

/**
 * Employer claims list people (hires, interns, exported workers). Each person is checked against
 * the scheme's per-person rules; the claim qualifies for those who pass, and the decision names
 * each one who does not and why — a clerk approves the list in part, as bureaus do.
 */
export interface ItemRule<T> {
  readonly code: string;
  readonly rule: Text;
  readonly test: (item: T, ctx: EvaluationContext<OrganisationFacts>) => boolean;
  readonly durations?: readonly Duration[];
}

export interface ItemAssessment<T> {
  readonly qualifying: readonly T[];
  readonly rejected: readonly { readonly item: T; readonly failed: readonly ItemRule<T>[] }[];
}

const memo = new WeakMap<object, Map<object, ItemAssessment<unknown>>>();

export function assessItems<T extends { readonly person: PersonFacts }>(
  ctx: EvaluationContext<OrganisationFacts>,
  items: readonly T[] | undefined,
  rules: readonly ItemRule<T>[],
): ItemAssessment<T> {
  let byRules = memo.get(ctx);
  if (!byRules) memo.set(ctx, (byRules = new Map()));
  const cached = byRules.get(rules);
  if (cached) return cached as ItemAssessment<T>;
  const qualifying: T[] = [];
  const rejected: { item: T; failed: ItemRule<T>[] }[] = [];
  for (const item of items ?? []) {
    const failed = rules.filter((r) => !r.test(item, ctx));
    if (failed.length === 0) qualifying.push(item);
    else rejected.push({ item, failed });
  }
  const result: ItemAssessment<T> = { qualifying, rejected };
  byRules.set(rules, result as ItemAssessment<unknown>);
  return result;
}

/** Met when at least one listed person qualifies; the detail names everyone who does not. */
export function qualifyingPeople<T extends { readonly person: PersonFacts }>(
  code: string,
  rule: Text,
  citation: Citation,
  items: (ctx: EvaluationContext<OrganisationFacts>) => readonly T[] | undefined,
  rules: readonly ItemRule<T>[],
): Condition<OrganisationFacts> {
  const durations = rules.flatMap((r) => r.durations ?? []);
  return condition(
    code,
    rule,
    citation,
    (ctx) => {
      const listed = items(ctx) ?? [];
      const { qualifying, rejected } = assessItems(ctx, listed, rules);
      if (rejected.length === 0 && qualifying.length > 0) return true;
      const zh = rejected.map(
        (r) => `${maskIdNumber(r.item.person.idNumber)}不符合：${r.failed.map((f) => f.rule.zh).join('；')}`,
      );
      const en = rejected.map(
        (r) => `${maskIdNumber(r.item.person.idNumber)} does not qualify: ${r.failed.map((f) => f.rule.en).join('; ')}`,
      );
      // Nobody listed yet: say so, not "0 of 0 qualify".
      if (listed.length === 0) return { met: false, detail: text('尚未列出人员', 'Nobody is listed yet') };
      return {
        met: qualifying.length > 0,
        detail: text(
          `${listed.length}人中${qualifying.length}人符合条件。${zh.join('。')}`,
          `${qualifying.length} of ${listed.length} qualify.${en.length > 0 ? ` ${en.join('. ')}` : ''}`,
        ),
      };
    },
    durations,
  );
}

export function itemRule<T>(
  code: string,
  zh: string,
  en: string,
  test: ItemRule<T>['test'],
  durations?: readonly Duration[],
): ItemRule<T> {
  return Object.freeze(
    durations?.length ? { code, rule: text(zh, en), test, durations } : { code, rule: text(zh, en), test },
  );
}
