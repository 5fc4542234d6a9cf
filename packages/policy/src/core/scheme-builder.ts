import type { ApplicantFacts } from '../facts/facts.js';
import { within, type IsoDate } from './dates.js';
import { cite, DOCUMENTS, type Citation } from './documents.js';
import { isWithinRegion, type RegionCode } from './regions.js';
import type { AmountRule, Condition, Scheme } from './subsidy.js';
import type { Text } from './text.js';

/**
 * A scheme as its article states it, every part named. `basis` and each condition's citation are
 * required by the types, so a rule cannot be written without saying where the text says it.
 */
export interface SchemeSpec<A extends ApplicantFacts> {
  /** `<subsidy>/<region>-<year>`; decisions and applications record it, so it never changes. */
  readonly id: string;
  readonly region: RegionCode;
  /** The article that creates this version of the subsidy. */
  readonly basis: Citation;
  readonly from: IsoDate;
  /** Last day in force, inclusive, when the article or its document sets one. */
  readonly to?: IsoDate;
  readonly who: Text;
  readonly standard: Text;
  readonly materials: readonly Text[];
  /** Parameters the amount reads, shown with their values in the public policy list. */
  readonly parameters?: readonly string[];
  readonly conditions: readonly Condition<A>[];
  readonly amount: AmountRule<A>;
}

export function scheme<A extends ApplicantFacts>(spec: SchemeSpec<A>): Scheme<A> {
  const { id, region, basis, from, to, who, standard, materials, parameters = [], conditions, amount } = spec;
  const durations = [...new Set(conditions.flatMap((c) => c.durations ?? []))];
  for (const d of durations) {
    // A value bound from the wrong document would silently apply another region's or period's figure.
    if (!isWithinRegion(region, d.region) || !within(from, d.from, d.to)) {
      throw new RangeError(`${id}: ${d.parameter} (${d.cites}, ${d.region} ${d.from}–${d.to ?? ''}) is not in force in ${region} on ${from}`);
    }
  }
  return { id, region, from, ...period(basis, to), basis, who, standard, materials, parameters, conditions, amount, durations };
}

/**
 * A scheme's end and the clause to cite once it has passed: the document's own period clause when
 * the scheme ends with the document, else the article itself, which then states its own end.
 */
function period(basis: Citation, to: IsoDate | undefined): { to?: IsoDate; periodClause?: Citation } {
  if (to === undefined) return {};
  const doc = DOCUMENTS[basis.document];
  return { to, periodClause: doc.inForceTo === to && doc.periodClause ? cite(doc.id, doc.periodClause) : basis };
}
