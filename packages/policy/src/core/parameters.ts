import { formatCitation, type Citation } from './documents.js';
import { within, type IsoDate } from './dates.js';
import { regionChain, type RegionCode } from './regions.js';

/**
 * A parameter is a number the law (or a local authority under it) sets: an amount, a rate, a
 * duration, a cap. Values are data, each with the region and dates it holds for and where it
 * comes from, so the engine can answer "which value, here, on this day, and why".
 *
 * Where a value comes from: `text` — stated in a policy document (then `citation` is required);
 * `local-setting` — set by the region's bureau where the text leaves it to them (e.g. the local
 * minimum wage, 财社〔2023〕181号 第十五条); `example` — demonstration data, never for real payments.
 */
export type ParameterSource = 'text' | 'local-setting' | 'example';

/**
 * What a parameter's number counts, so a screen can show it in its unit: integer fen (shown in 元),
 * a rate in ‰ (shown as %), months, years, calendar days, working days (on the official calendar), a
 * head count, or a 0/1 switch.
 */
export type ParameterUnit = 'fen' | 'permille' | 'months' | 'years' | 'days' | 'working-days' | 'count' | 'flag';

/** A parameter's name in both languages and its unit: what people see instead of its id. */
export interface ParameterLabel {
  readonly zh: string;
  readonly en: string;
  readonly unit: ParameterUnit;
}

export interface ParameterValue {
  readonly parameter: string;
  readonly region: RegionCode;
  readonly from: IsoDate;
  /** Last day in force, inclusive. */
  readonly to?: IsoDate;
  readonly value: number;
  readonly source: ParameterSource;
  readonly citation?: Citation;
  readonly note?: string;
  /** Set from the declaring list's `labels` (see `labelledValues`); a stored local value gets it on reading. */
  readonly label?: ParameterLabel;
}

/** The values one file of src/parameters states; `source` is its `import.meta.url`, for the policy index. */
export interface ParameterList {
  readonly source: string;
  /**
   * The name and unit of every parameter this file is about, including those the texts leave to a
   * region (then only a local setting gives it a value). One entry per id, beside its values.
   */
  readonly labels: Readonly<Record<string, ParameterLabel>>;
  readonly values: readonly ParameterValue[];
}

/** A list's values, each carrying its parameter's label, so a decision that uses it can name it. */
export function labelledValues(list: ParameterList): ParameterValue[] {
  return list.values.map((v) => {
    const label = list.labels[v.parameter];
    return label ? { ...v, label } : v;
  });
}

/** The labels of several lists as one index; an id declared twice must be declared alike. */
export function labelIndex(lists: readonly ParameterList[]): Readonly<Record<string, ParameterLabel>> {
  const index: Record<string, ParameterLabel> = {};
  for (const list of lists) {
    for (const [id, label] of Object.entries(list.labels)) {
      const seen = index[id];
      if (seen && (seen.zh !== label.zh || seen.en !== label.en || seen.unit !== label.unit))
        throw new Error(`parameter ${id} is labelled twice, differently`);
      index[id] = label;
    }
  }
  return index;
}

/** A stored value with its citation formatted once, as decisions show it. */
export type ResolvedParameter = ParameterValue & { readonly cites?: string };

/**
 * The values in force, indexed for lookup. Resolution: the most local region that has a value in
 * force on the date wins; within one region, the value that started latest wins ("the more local
 * and the later one stands", shared/policies/INDEX.md).
 */
export class ParameterTable {
  private readonly byParameter = new Map<string, Map<RegionCode, ResolvedParameter[]>>();

  constructor(values: Iterable<ParameterValue>) {
    for (const raw of values) {
      const value: ResolvedParameter = Object.freeze(
        raw.citation ? { ...raw, cites: formatCitation(raw.citation) } : { ...raw },
      );
      let byRegion = this.byParameter.get(value.parameter);
      if (!byRegion) this.byParameter.set(value.parameter, (byRegion = new Map()));
      let list = byRegion.get(value.region);
      if (!list) byRegion.set(value.region, (list = []));
      list.push(value);
    }
    // Latest start first; of two starting the same day, the one given later (a region's correction
    // set the same day) — the values arrive in the order they were set.
    for (const byRegion of this.byParameter.values()) {
      for (const list of byRegion.values()) {
        list.reverse();
        list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
      }
    }
  }

  /**
   * Every value of a parameter that can apply in a region — its own and its parents' — most local
   * first, then latest start first: the order `resolve` tries them in, so the history reads as the
   * resolution does.
   */
  history(parameter: string, region: RegionCode): ResolvedParameter[] {
    const byRegion = this.byParameter.get(parameter);
    if (!byRegion) return [];
    return regionChain(region).flatMap((r) => byRegion.get(r) ?? []);
  }

  resolve(parameter: string, region: RegionCode, date: IsoDate): ResolvedParameter | undefined {
    const byRegion = this.byParameter.get(parameter);
    if (!byRegion) return undefined;
    for (const r of regionChain(region)) {
      const list = byRegion.get(r);
      if (!list) continue;
      for (const value of list) if (within(date, value.from, value.to)) return value;
    }
    return undefined;
  }
}
