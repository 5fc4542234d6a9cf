import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Table } from './tabular.js';

/**
 * A small pool of worker threads that read uploaded tables (tabular-worker.js). Workers are kept
 * between files because loading exceljs costs more than most sheets; one that runs past its time or
 * memory is terminated and replaced. Idle workers hold neither the process open nor memory for long.
 */
export interface ReadLimits {
  readonly maxRows: number;
  readonly timeLimitMs: number;
}

export type ReadOutcome =
  | { rows: Table }
  /** Refused past maxRows, with the rows parsed until then (the reader stops at the limit). */
  | { error: 'rows'; rowsRead: number }
  | { error: 'unreadable' | 'time' | 'memory' };

/** The old-generation heap of one worker; a 100,000-row, 40 MB-unzipped sheet needs about 250. */
export const WORKER_HEAP_MB = 768;
/** One core is left to the event loop and the database; at most two sheets are read at once. */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
const IDLE_MS = 30_000;
const WORKER_FILE = new URL('./tabular-worker.js', import.meta.url);

const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
const waiting: (() => void)[] = [];
let live = 0;

export async function readInWorker(file: Buffer, limits: ReadLimits): Promise<ReadOutcome> {
  const worker = await acquire();
  let reusable = false;
  try {
    const { outcome, replied } = await run(worker, file, limits);
    reusable = replied;
    return outcome;
  } finally {
    release(worker, reusable);
  }
}

/**
 * The outcome, and whether the worker answered (else it was cut off and is replaced). A worker that
 * dies of anything but its heap limit is a fault of ours, not of the file: that rejects (a 500).
 */
function run(worker: Worker, file: Buffer, limits: ReadLimits): Promise<{ outcome: ReadOutcome; replied: boolean }> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (reply: ReadOutcome) => {
      settle();
      resolve({ outcome: reply, replied: true });
    };
    const onError = (error: Error & { code?: string }) => {
      settle();
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ outcome: { error: 'memory' }, replied: false });
      else reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`the sheet reader stopped (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      settle();
      resolve({ outcome: { error: 'time' }, replied: false });
    }, limits.timeLimitMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // A copy: the caller keeps its buffer (it may hash or store the file afterwards).
    worker.postMessage({ file: new Uint8Array(file), maxRows: limits.maxRows });
  });
}

async function acquire(): Promise<Worker> {
  for (;;) {
    const kept = idle.pop();
    if (kept) {
      clearTimeout(kept.timer);
      // -1 once the thread has stopped (it died while idle): replace it.
      if (kept.worker.threadId < 0) {
        live--;
        continue;
      }
      kept.worker.ref();
      return kept.worker;
    }
    if (live < MAX_WORKERS) {
      live++;
      const worker = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      // An error with no listener would crash the server; one while idle shows as threadId -1.
      return worker.on('error', () => undefined);
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(worker: Worker, reusable: boolean): void {
  if (reusable) {
    worker.unref();
    const timer = setTimeout(() => retire(worker), IDLE_MS).unref();
    idle.push({ worker, timer });
  } else {
    live--;
    void worker.terminate();
  }
  waiting.shift()?.();
}

function retire(worker: Worker): void {
  const at = idle.findIndex((i) => i.worker === worker);
  if (at < 0) return;
  idle.splice(at, 1);
  live--;
  void worker.terminate();
}
