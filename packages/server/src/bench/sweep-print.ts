import { loadavg } from 'node:os';
import type { SweepTally } from '../proactive/sweep-batch.js';

// bench:sweep's figures, printed the same way for either database.

export const secs = (s: number) => {
  const tenths = Math.round(s * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
};
/** The machine's load average over 1, 5 and 15 minutes (others use the machine too). */
export const load = () =>
  loadavg()
    .map((l) => String(Math.round(l * 100) / 100))
    .join(' ');

/** Where the time went, as a share of the run. */
export function printSplit(tally: SweepTally, wallMs: number): void {
  for (const [stage, ms] of [
    ['read', tally.read],
    ['decide', tally.decide],
    ['write', tally.write],
  ] as const)
    console.log(`  ${stage.padEnd(14)} ${secs(ms / 1000).padStart(7)} s  ${Math.round((ms * 100) / wallMs)}%`);
}
