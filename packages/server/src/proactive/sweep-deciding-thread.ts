import { Worker } from 'node:worker_threads';
import type { NewOffer } from './sweep-batch.js';
import type { BatchText, DeciderSetup } from './sweep-decide.js';

const WORKER_FILE = new URL('./sweep-decider-worker.js', import.meta.url);

/** A thread's answer: the offers and how long it took, or word that the batch must be decided here. */
export type Decided = { offers: NewOffer[]; ms: number } | 'needs the key';

type Reply = { id: number } & ({ offers: NewOffer[]; ms: number } | { needsKey: true } | { error: string });

/**
 * One worker thread deciding the sweep's batches of people while the main thread reads the next
 * batch and writes the offers of the one before (the embedded database runs on the main thread).
 * Started for one run of the sweep and closed at its end.
 */
export class DecidingThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (d: Decided) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failed: Error | undefined;

  constructor(setup: DeciderSetup) {
    this.worker = new Worker(WORKER_FILE, { workerData: setup });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (!waiter) return;
      if ('offers' in reply) waiter.resolve({ offers: reply.offers, ms: reply.ms });
      else if ('needsKey' in reply) waiter.resolve('needs the key');
      else waiter.reject(new Error(`deciding thread: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the deciding thread stopped (exit code ${code})`)));
  }

  /** Decides a batch given as the batch query's JSON texts, or as the JSON text of its people. */
  decide(text: BatchText): Promise<Decided> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
