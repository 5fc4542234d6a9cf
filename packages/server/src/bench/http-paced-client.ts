import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * An open-loop client for `bench:http`, in its own worker thread: requests leave at a fixed rate
 * whatever the answers do (people at a counter do not wait for each other), and each is timed from
 * when it was due, so a slow answer shows in the latency of those queued behind it instead of
 * slowing the load (coordinated omission). autocannon's rate limit sends each second's requests at
 * the start of the second, so its latency at "200 a second" measured bursts of 200.
 */
export interface PacedLoad {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Requests a second, evenly spaced. */
  readonly rate: number;
  /** One body a request, sent in order; the run is as long as the list at the rate. */
  readonly bodies: readonly string[];
}

export interface PacedFigures {
  readonly answered: number;
  readonly rps: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p99: number;
}

/** The latency below which the given share of the sorted latencies fall (nearest rank). */
function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

async function runPaced(load: PacedLoad): Promise<PacedFigures> {
  const latencies: number[] = [];
  let non2xx = 0;
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / load.rate;
  const answers: Promise<void>[] = [];
  for (const [i, body] of load.bodies.entries()) {
    const wait = dueAt(i) - performance.now();
    if (wait > 1) await sleep(wait);
    answers.push(
      fetch(load.url, { method: 'POST', headers: load.headers, body }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.status < 200 || res.status > 299) non2xx += 1;
          latencies.push(performance.now() - dueAt(i));
        },
        () => {
          non2xx += 1;
        },
      ),
    );
  }
  await Promise.all(answers);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    answered: latencies.length,
    rps: latencies.length / seconds,
    non2xx,
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
  };
}

if (parentPort) parentPort.postMessage(await runPaced(workerData as PacedLoad));
