/**
 * A cheap read (a version number) whose answer is never older than the call that asked for it,
 * shared by every call waiting at the same time. A call made while a read is running cannot use
 * that read (it may have started before a write the caller already saw committed, perhaps through
 * another server process), so it waits for the next one, which starts once the running read ends
 * and answers everyone who asked meanwhile. Under load there is at most one read in flight and one
 * queued however many requests arrive: the database sees one query per round trip, not per request.
 *
 * With `localWrites` (the embedded database, which only this process can write to: `localWriteCount`)
 * the last answer is given again without a query while no statement that could write has run since
 * that read began. Its queries run on this thread, so a query saved is the CPU saved.
 *
 * @example
 * const versions = new FreshRead(() => latestAuditSeq(db));
 * const version = await versions.read(); // started after this line was reached
 */
export class FreshRead<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;
  private last: { readonly value: T; readonly writes: number } | undefined;

  constructor(
    private readonly query: () => Promise<T>,
    private readonly localWrites?: () => number,
  ) {}

  read(): Promise<T> {
    if (this.last && this.localWrites?.() === this.last.writes) return Promise.resolve(this.last.value);
    if (!this.running) return this.start();
    // The running read may predate this call: wait for the one after it, shared with the others.
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<T> {
    this.queued = undefined;
    return this.start();
  }

  private start(): Promise<T> {
    // Counted before the query is sent: a write that ends after this changes the count.
    const writes = this.localWrites?.();
    const reading = this.query();
    this.running = reading;
    if (writes !== undefined)
      void reading.then(
        (value) => (this.last = { value, writes }),
        () => undefined,
      );
    const done = () => {
      if (this.running === reading) this.running = undefined;
    };
    reading.then(done, done);
    return reading;
  }
}
