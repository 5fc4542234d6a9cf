/**
 * Seeded pseudo-random numbers (mulberry32) for synthetic and demonstration data that must come out
 * the same on every run. Not for anything secret, and not for the spot-check draw, which needs an
 * auditable generator of its own.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
