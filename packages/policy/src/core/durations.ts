import type { Citation } from './documents.js';
import type { ResolvedParameter } from './parameters.js';
import { text, type Text } from './text.js';

/**
 * A duration a text states — 补贴期限 "最长不超过3年", "正常运营1年以上", "离校2年内" — held as a
 * parameter value with its region, dates and article, like an amount. Its unit is the end of its
 * id: `…-months` or `…-years`. Schemes bind the value in force where and when their document takes
 * effect, so the rule text a decision shows states the figure the rule applies.
 */
export type Duration = ResolvedParameter & { readonly citation: Citation; readonly cites: string };

export function unitOf(duration: Pick<Duration, 'parameter'>): 'months' | 'years' {
  if (duration.parameter.endsWith('-months')) return 'months';
  if (duration.parameter.endsWith('-years')) return 'years';
  throw new RangeError(`duration ${duration.parameter} must end in -months or -years`);
}

/** The duration in whole months, whatever unit the text states it in. */
export function monthsOf(duration: Duration): number {
  return unitOf(duration) === 'years' ? duration.value * 12 : duration.value;
}

/** "1年" / "a year", "2年" / "2 years", "6个月" / "6 months": a duration as the rule texts word it. */
export function spanText(duration: Duration): Text {
  const months = monthsOf(duration);
  if (months % 12 !== 0) return text(`${months}个月`, `${months} months`);
  const years = months / 12;
  return text(`${years}年`, years === 1 ? 'a year' : `${years} years`);
}
