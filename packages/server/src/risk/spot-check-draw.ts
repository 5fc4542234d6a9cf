import { createHmac } from 'node:crypto';

/**
 * The draw of a spot check (双随机), pure and reproducible: from a seed and the recorded candidates,
 * a weighted sample without replacement (Efraimidis–Spirakis: each candidate's key is u^(1/w), the
 * k largest keys win), then an inspector for each, chosen uniformly among those who reach its
 * region and did not act on that application. The random numbers come from HMAC-SHA256(seed, purpose‖counter), so the same
 * seed and candidates give the same draw on any machine.
 */
export interface Candidate {
  readonly applicationId: string;
  /** Larger for large amounts, many people and long durations (see `weightOf`). */
  readonly weight: number;
  /** Inspectors who may not check this one (they acted on it). */
  readonly excluded: readonly string[];
  /**
   * The claim's region: only an inspector whose reach covers it is sent (a county's inspector
   * cannot open another county's file). Absent in draws recorded before reach was.
   */
  readonly regionCode?: string;
}

/**
 * An inspector as recorded with a draw: the account and the region prefix they reach (GB/T 2260
 * codes nest by prefix), or, in draws recorded before reach was, the account alone, reaching all.
 */
export type Inspector = string | { readonly id: string; readonly reach: string };

const idOf = (i: Inspector): string => (typeof i === 'string' ? i : i.id);
const reaches = (i: Inspector, regionCode: string | undefined): boolean =>
  regionCode === undefined || typeof i === 'string' || regionCode.startsWith(i.reach);

/** Who may check a candidate, in the recorded order: reaching its region and not among those who acted. */
function poolOf(c: Candidate, inspectors: readonly Inspector[]): string[] {
  return inspectors.filter((i) => reaches(i, c.regionCode) && !c.excluded.includes(idOf(i))).map(idOf);
}

export interface DrawnItem {
  readonly rank: number;
  readonly applicationId: string;
  readonly inspectorId: string;
  readonly weight: number;
}

/** A uniform number in (0, 1) for a purpose and index, from the seed. */
export function uniform(seed: string, purpose: string, index: number): number {
  const digest = createHmac('sha256', seed).update(`${purpose}:${index}`).digest();
  // 52 bits of the digest, shifted away from 0 so that logarithms stay finite.
  const high = digest.readUInt32BE(0) & 0xfffff;
  const low = digest.readUInt32BE(4);
  return (high * 2 ** 32 + low + 0.5) / 2 ** 52;
}

/**
 * Weight from amount, people and duration: 1 for every 1,000元, 5 for every person listed, 2 for
 * every month claimed, and at least 1. Integer, so the recorded candidates carry it exactly.
 */
export function weightOf(amountFen: number, people: number, months: number): number {
  return Math.max(1, Math.floor(amountFen / 100_000) + 5 * people + 2 * months);
}

/**
 * The candidates nobody on the list may check: a draw must not be made while any is left. The
 * inspectors reaching each region are found once per region, so a province's candidates are not
 * each compared with every inspector.
 */
export function uninspectable(candidates: readonly Candidate[], inspectors: readonly Inspector[]): Candidate[] {
  const reaching = new Map<string | undefined, string[]>();
  return candidates.filter((c) => {
    let ids = reaching.get(c.regionCode);
    if (!ids) {
      ids = inspectors.filter((i) => reaches(i, c.regionCode)).map(idOf);
      reaching.set(c.regionCode, ids);
    }
    return ids.every((id) => c.excluded.includes(id));
  });
}

export function draw(
  seed: string,
  candidates: readonly Candidate[],
  inspectors: readonly Inspector[],
  sampleSize: number,
): DrawnItem[] {
  const keyed = candidates.map((c, i) => ({ c, key: Math.log(uniform(seed, 'sample', i)) / c.weight }));
  keyed.sort((a, b) => b.key - a.key || (a.c.applicationId < b.c.applicationId ? -1 : 1));
  const chosen = keyed.slice(0, sampleSize);
  return chosen.map(({ c }, rank) => {
    const pool = poolOf(c, inspectors);
    if (pool.length === 0) throw new Error(`no inspector may check ${c.applicationId}`);
    const pick = pool[Math.floor(uniform(seed, 'inspector', rank) * pool.length)] as string;
    return { rank: rank + 1, applicationId: c.applicationId, inspectorId: pick, weight: c.weight };
  });
}
