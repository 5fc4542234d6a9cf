import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import { CATALOGUE, TEXT_PARAMETERS } from '../src/catalogue.js';
import { PolicyEngine } from '../src/core/engine.js';
import type { PersonFacts } from '../src/facts/facts.js';
import { syntheticPeople } from './synthetic.js';
import { DATE, flatFacts, handInlined, JSON_RULES, REGION, RULES, type Outcome } from './three-rules.js';

/**
 * `npm run bench:policy [-- --n 200000 --jre 20000 --rounds 5]`: evaluations per second of the whole catalogue over N
 * synthetic applicants, then three rules through the engine, json-rules-engine and hand-inlined
 * code, checked to agree, with ratios from this run. Figures, never assertions.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
  return v;
}

/** Seconds and ratios to one decimal (not money, which never meets a float). */
function oneDecimal(x: number): string {
  const tenths = Math.round(x * 10);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
const twoDecimals = (x: number) => {
  const h = Math.round(x * 100);
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
};

const n = arg('n', 200_000);
const jreN = Math.min(n, arg('jre', 20_000));
const engine = new PolicyEngine(CATALOGUE, TEXT_PARAMETERS);
const people = syntheticPeople(n);
const fee = (i: number) => (i % 7) * 10_000;
const REGIONS = ['510104', '620102', '621002', '522601'];

function time<T>(label: string, fn: () => T): { result: T; seconds: number } {
  const start = performance.now();
  const result = fn();
  const seconds = (performance.now() - start) / 1000;
  return { result, seconds };
}

// 1. The whole catalogue for every applicant.
let evaluations = 0;
const all = time('catalogue', () => {
  let eligible = 0;
  for (let i = 0; i < people.length; i++) {
    const decisions = engine.evaluateAll({
      region: REGIONS[i % 4] as string,
      date: DATE,
      applicant: people[i] as PersonFacts,
      claim: { certificateId: 'C', feeFen: fee(i) },
    });
    evaluations += decisions.length;
    for (const d of decisions) if (d.eligible) eligible++;
  }
  return eligible;
});
console.log(
  `catalogue: ${n} applicants × ${evaluations / n} subsidies = ${evaluations} evaluations in ${twoDecimals(all.seconds)} s`,
);
console.log(
  `catalogue: ${Math.round(evaluations / all.seconds).toLocaleString('en-US')} evaluations/s (${all.result} eligible)`,
);

// 2. Three rules, three ways, same applicants.
function viaEngine(p: PersonFacts, i: number): Outcome[] {
  // One request per applicant, as the hand-inlined side builds its facts once per applicant.
  const claim = { certificateId: 'C', feeFen: fee(i) };
  const out: Outcome[] = [];
  for (const subsidy of RULES) out.push(engine.evaluate({ subsidy, region: REGION, date: DATE, applicant: p, claim }));
  return out;
}
function amountOf(
  subsidy: string,
  params: Record<string, unknown> | undefined,
  f: Record<string, boolean | number>,
): number {
  if (subsidy === 'skill-evaluation') return Math.min(f.feeFen as number, params?.capFen as number);
  return params?.amountFen as number;
}
const jreEngines = JSON_RULES.map((rule) => {
  const e = new Engine([], { allowUndefinedFacts: true });
  e.addRule({ ...rule, conditions: structuredClone(rule.conditions) } as never);
  return { name: rule.name, engine: e };
});
async function viaJre(p: PersonFacts, i: number): Promise<{ subsidy: string; eligible: boolean; amountFen: number }[]> {
  const f = flatFacts(p, fee(i));
  const out = [];
  for (const { name, engine: e } of jreEngines) {
    const { events } = await e.run(f);
    const event = events[0];
    out.push({ subsidy: name, eligible: event !== undefined, amountFen: event ? amountOf(name, event.params, f) : 0 });
  }
  return out;
}

// Interleaved rounds, median rate: one slow round (GC, the other core busy) does not decide the ratio.
const rounds = arg('rounds', 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const engineSecs: number[] = [];
const inlineSecs: number[] = [];
const jreSecs: number[] = [];
let engineSum = 0;
let inlineSum = 0;
let jreSum = 0;
// One unmeasured round each first, so every implementation is measured after the JIT has warmed up.
for (let round = -1; round < rounds; round++) {
  const keep = round >= 0;
  (keep ? engineSecs : []).push(
    time('engine', () => {
      let sum = 0;
      for (let i = 0; i < n; i++) for (const d of viaEngine(people[i] as PersonFacts, i)) sum += d.amountFen ?? 0;
      engineSum = sum;
    }).seconds,
  );
  (keep ? inlineSecs : []).push(
    time('inline', () => {
      let sum = 0;
      for (let i = 0; i < n; i++)
        for (const d of handInlined(flatFacts(people[i] as PersonFacts, fee(i)))) sum += d.amountFen ?? 0;
      inlineSum = sum;
    }).seconds,
  );
  const jreStart = performance.now();
  let sum = 0;
  for (let i = 0; i < jreN; i++) for (const d of await viaJre(people[i] as PersonFacts, i)) sum += d.amountFen;
  jreSum = sum;
  if (keep) jreSecs.push((performance.now() - jreStart) / 1000);
}

// The three must agree before their speeds mean anything.
let disagreements = 0;
for (let i = 0; i < jreN; i++) {
  const p = people[i] as PersonFacts;
  const a = viaEngine(p, i);
  const b = handInlined(flatFacts(p, fee(i)));
  const c = await viaJre(p, i);
  for (let k = 0; k < 3; k++) {
    if (
      a[k]?.eligible !== b[k]?.eligible ||
      a[k]?.amountFen !== b[k]?.amountFen ||
      a[k]?.eligible !== c[k]?.eligible ||
      a[k]?.amountFen !== c[k]?.amountFen
    )
      disagreements++;
  }
}
if (disagreements > 0) {
  console.error(`the three implementations disagree on ${disagreements} decisions; figures withheld`);
  process.exit(1);
}

const perSecond = (count: number, s: number) => (count * 3) / s;
const engineRate = perSecond(n, median(engineSecs));
const inlineRate = perSecond(n, median(inlineSecs));
const jreRate = perSecond(jreN, median(jreSecs));
console.log(
  `three rules, engine:           ${Math.round(engineRate).toLocaleString('en-US')} evaluations/s (${n} applicants)`,
);
console.log(
  `three rules, hand-inlined:     ${Math.round(inlineRate).toLocaleString('en-US')} evaluations/s (${n} applicants)`,
);
console.log(
  `three rules, json-rules-engine: ${Math.round(jreRate).toLocaleString('en-US')} evaluations/s (${jreN} applicants)`,
);
console.log(
  `agreement: ${jreN * 3} decisions compared, 0 differ (amounts: engine ${engineSum}, inline ${inlineSum}, json-rules-engine ${jreSum} on its subset); median of ${rounds} rounds`,
);
console.log(`speedup over json-rules-engine: ${oneDecimal(engineRate / jreRate)}x`);
console.log(`slowdown vs hand-inlined: ${oneDecimal(inlineRate / engineRate)}x`);
