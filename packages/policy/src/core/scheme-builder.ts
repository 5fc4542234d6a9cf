import type { ApplicantFacts } from '../facts/facts.js';
import { addDays, within, type IsoDate } from './dates.js';
import { cite, DOCUMENTS, type Citation } from './documents.js';
import { isWithinRegion, type RegionCode } from './regions.js';
import type { AmountRule, Condition, Material, Scheme } from './subsidy.js';
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
  readonly materials: readonly Material[];
  /** Parameters the amount reads, shown with their values in the public policy list. */
  readonly parameters?: readonly string[];
  readonly conditions: readonly Condition<A>[];
  readonly amount: AmountRule<A>;
}

export function scheme<A extends ApplicantFacts>(spec: SchemeSpec<A>): Scheme<A> {
  const { id, region, basis, from, to, who, standard, materials, parameters = [], conditions, amount } = spec;
  const durations = [...new Set(conditions.flatMap((c) => c.durations ?? []))];
  // A rule applies only from its document's date: a scheme cannot cite a text issued after it starts.
  for (const cited of [basis, ...conditions.map((c) => c.citation), ...durations.map((d) => d.citation as Citation)]) {
    const doc = DOCUMENTS[cited.document];
    if (doc.inForceFrom > from)
      throw new RangeError(
        `${id}: cites ${doc.number} ${cited.article}, in force only from ${doc.inForceFrom}, in a scheme from ${from}`,
      );
  }
  for (const d of durations) {
    // A value bound from the wrong document would silently apply another region's or period's figure.
    if (!isWithinRegion(region, d.region) || !within(from, d.from, d.to)) {
      throw new RangeError(
        `${id}: ${d.parameter} (${d.cites}, ${d.region} ${d.from}–${d.to ?? ''}) is not in force in ${region} on ${from}`,
      );
    }
  }
  return {
    id,
    region,
    from,
    ...period(basis, to),
    basis,
    who,
    standard,
    materials,
    parameters,
    conditions,
    amount,
    durations,
  };
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

/**
 * A scheme some of whose rules come from a text issued after it starts (庆阳's 2023 measures, then
 * 财社〔2023〕181号 from 2023-12-20): one scheme per period, each with only the rules of the texts
 * in force in it — before a text's date, only what the earlier texts say. The first period keeps
 * `spec.id`; each later one takes the id given for the day its text takes effect, so ids stay
 * stable and readable. Throws when the days given are not exactly the days a cited text arrives.
 */
export function schemesAsTextsArrive<A extends ApplicantFacts>(
  spec: SchemeSpec<A>,
  laterIds: Readonly<Record<IsoDate, string>>,
): Scheme<A>[] {
  const inForceFrom = (c: Condition<A>) =>
    [c.citation, ...(c.durations ?? []).map((d) => d.citation as Citation)].reduce((latest, cited) => {
      const day = DOCUMENTS[cited.document].inForceFrom;
      return day > latest ? day : latest;
    }, spec.from);
  const arrivals = [...new Set(spec.conditions.map(inForceFrom))].filter((day) => day > spec.from).sort();
  const named = Object.keys(laterIds).sort();
  if (arrivals.join() !== named.join())
    throw new RangeError(`${spec.id}: texts arrive on ${arrivals.join(', ')}, ids given for ${named.join(', ')}`);
  for (const day of arrivals)
    if (spec.to !== undefined && day > spec.to)
      throw new RangeError(`${spec.id}: a rule cites a text in force only after the scheme ends (${day})`);
  const starts = [spec.from, ...arrivals];
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return scheme({
      ...spec,
      id: i === 0 ? spec.id : (laterIds[start] as string),
      from: start,
      ...(next !== undefined ? { to: addDays(next, -1) } : spec.to !== undefined ? { to: spec.to } : {}),
      conditions: spec.conditions.filter((c) => inForceFrom(c) <= start),
    });
  });
}
