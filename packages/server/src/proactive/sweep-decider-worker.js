// @ts-check
/**
 * Decides the sweep's batches of people in a worker thread (sweep-deciding-thread.ts), so the
 * engine's work overlaps the main thread's reading and writing on the embedded database.
 *
 * Plain JavaScript, like the sheet reader's worker: the same file runs from dist in production and
 * from src under Vitest, where a .ts worker would need a loader plain node lacks. It imports the
 * compiled deciding module: beside it in dist; from src, the one in dist (build first, as for the
 * tests that start the server).
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @typedef {{ id: number; text: import('./sweep-decide.js').BatchText }} Job */

const compiled = import.meta.url.includes('/dist/') ? './sweep-decide.js' : '../../dist/proactive/sweep-decide.js';
/** @type {typeof import('./sweep-decide.js')} */
const { deciderFor, KeyNotHere } = await import(compiled);
const decide = deciderFor(workerData);

parentPort?.on('message', (/** @type {Job} */ job) => {
  const started = performance.now();
  try {
    const offers = decide(job.text);
    parentPort?.postMessage({ id: job.id, offers, ms: performance.now() - started });
  } catch (e) {
    parentPort?.postMessage(
      e instanceof KeyNotHere
        ? { id: job.id, needsKey: true }
        : { id: job.id, error: e instanceof Error ? e.stack : String(e) },
    );
  }
});
