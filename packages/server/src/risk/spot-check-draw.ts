import { createHmac } from 'node:crypto';

/**
 * The draw of a spot check (双随机), pure and reproducible: from a seed and the recorded candidates,
 * a weighted sample without replacement (Efraimidis–Spirakis: each candidate's key is u^(1/w), the
 * k largest keys win), then an inspector for each, chosen uniformly among those who did not act on
 * that application. The random numbers come from HMAC-SHA256(seed, purpose‖counter), so the same
 * seed and candidates give the same draw on any machine.
 */
export interface Candidate {
  readonly applicationId: string;
  /** Larger for large amounts, many people and long durations (see `weightOf`). */
  readonly weight: number;
  /**
   * Inspectors who may not check this one: they acted on it, or their region does not reach it
   * (a county's inspector cannot open another county's file, so a city's draw must not send them).
   */
  readonly excluded: readonly string[];
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

/** The candidates nobody on the list may check: a draw must not be made while any is left. */
export function uninspectable(candidates: readonly Candidate[], inspectors: readonly string[]): Candidate[] {
  return candidates.filter((c) => inspectors.every((i) => c.excluded.includes(i)));
}

export function draw(
  seed: string,
  candidates: readonly Candidate[],
  inspectors: readonly string[],
  sampleSize: number,
): DrawnItem[] {
  const keyed = candidates.map((c, i) => ({ c, key: Math.log(uniform(seed, 'sample', i)) / c.weight }));
  keyed.sort((a, b) => b.key - a.key || (a.c.applicationId < b.c.applicationId ? -1 : 1));
  const chosen = keyed.slice(0, sampleSize);
  return chosen.map(({ c }, rank) => {
    const pool = inspectors.filter((i) => !c.excluded.includes(i));
    if (pool.length === 0) throw new Error(`no inspector may check ${c.applicationId}`);
    const pick = pool[Math.floor(uniform(seed, 'inspector', rank) * pool.length)] as string;
    return { rank: rank + 1, applicationId: c.applicationId, inspectorId: pick, weight: c.weight };
  });
}
