import { performance } from 'node:perf_hooks';

/** A read's time over several runs, in milliseconds: the median and the slowest (a few runs have no p95). */
export interface Timing {
  readonly p50: number;
  readonly slowest: number;
}

/** Runs `read` once to warm, then `runs` times, timing each. */
export async function timed(read: () => Promise<unknown>, runs: number): Promise<Timing> {
  const times: number[] = [];
  await read();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await read();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] ?? 0, slowest: times[times.length - 1] ?? 0 };
}

/** A figure to one decimal place. */
export const tenths = (x: number): string => String(Math.round(x * 10) / 10);

/** One line per read: what it found, its time before and after, and after as a share of before. */
export function printBeforeAfter(
  heading: string,
  rows: readonly { name: string; found: number; before: Timing; after: Timing; same: boolean }[],
): void {
  console.log(
    heading.padEnd(44),
    'found'.padStart(6),
    'before p50/max ms'.padStart(20),
    'after p50/max ms'.padStart(20),
    'of before'.padStart(10),
    'same'.padStart(5),
  );
  for (const r of rows)
    console.log(
      r.name.padEnd(44),
      String(r.found).padStart(6),
      `${tenths(r.before.p50)} / ${tenths(r.before.slowest)}`.padStart(20),
      `${tenths(r.after.p50)} / ${tenths(r.after.slowest)}`.padStart(20),
      `${tenths((100 * r.after.p50) / r.before.p50)}%`.padStart(10),
      String(r.same).padStart(5),
    );
}
