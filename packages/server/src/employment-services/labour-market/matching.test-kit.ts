/**
 * The matching score as the rules state it (decision 019), written out independently of the queries
 * so the tests can hold both sides of matching to it: occupation 40 / 25 / 15 (the same code, the
 * same 小类, the same 中类), region 30 / 20 (county, city), pay 20 / 10 / 0 (the wish met by the
 * lower end, by the upper end, not at all) and a certificate 10.
 */
export function scoreByRules(m: {
  readonly seekerCodes: readonly string[];
  readonly seekerRegion: string;
  readonly wishFen: number;
  readonly postingCode: string;
  readonly postingRegion: string;
  readonly payMinFen: number;
  readonly payMaxFen: number;
  readonly certified: boolean;
}): number {
  const occupation = m.seekerCodes.includes(m.postingCode)
    ? 40
    : m.seekerCodes.some((c) => c.slice(0, 7) === m.postingCode.slice(0, 7))
      ? 25
      : 15;
  const region = m.seekerRegion === m.postingRegion ? 30 : 20;
  const pay = m.payMinFen >= m.wishFen ? 20 : m.payMaxFen >= m.wishFen ? 10 : 0;
  return occupation + region + pay + (m.certified ? 10 : 0);
}

/** The first `limit` by score, then id: the ranking's order. */
export function topByRules(scored: { id: string; score: number }[], limit: number): { id: string; score: number }[] {
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}
