import { failpoint } from '../failpoints.js';
import { IdNumberNotRead } from '../registry/engine-facts.js';
import { lastOf, type Place, saveBatch, type NewOffer, type PersonInBatch, type WalkRun } from './sweep-batch.js';
import { assembleBatch, personKeys, readBatchTexts, withCiphers } from './sweep-batch-read.js';
import { decidePeople, type BatchText, type PeopleSweep } from './sweep-decide.js';
import type { DecidingThread } from './sweep-deciding-thread.js';
import { referenceRecordsOf, withLoaded, withReferenceFacts } from './sweep-reference-facts.js';

/** One run over people, from the saved place: a walk's fields and, if any, the deciding thread. */
export interface PeopleRun extends WalkRun {
  readonly sweep: PeopleSweep;
  /** Decides batches off the main thread; without it, they are decided here. */
  readonly thread?: DecidingThread;
}

/**
 * A batch read: its size and last place, what the deciding thread is sent, and the batch itself,
 * which with a thread is assembled here only if it must be decided here.
 */
interface Read {
  readonly length: number;
  readonly last: Place;
  readonly text: BatchText;
  readonly batch: () => PersonInBatch[];
}

/**
 * People, batch by batch, from `cursor`: each batch read with its facts, decided, and its offers
 * saved with the new place in one transaction (`saveBatch`), in order. With a deciding thread the
 * batch is decided there while the one before is written and the next one read here, so the
 * engine's work overlaps the database's; the offers and places saved are the same either way. The
 * last batch of a slice is not read ahead of (it would be read again by the next slice).
 */
export async function sweepPeople(
  run: PeopleRun,
  cursor: Place,
  done: number,
): Promise<{ ended: 'done' | 'paused'; cursor: Place }> {
  const { db, tally } = run;
  const read = async (after: Place): Promise<Read | null> => {
    const t0 = performance.now();
    const texts = await readBatchTexts(db, 'person', run.range, after, run.batchSize, run.upto);
    if (texts === null) {
      tally.read += performance.now() - t0;
      return null;
    }
    let read: Read;
    if (run.thread) {
      // The thread assembles the batch itself: here only what the place and the datasets need,
      // unless a dataset holds some of these people (then the batch is completed and sent whole).
      const keys = personKeys(texts);
      const found = await referenceRecordsOf(db, keys);
      const assembled = () => withLoaded(assembleBatch<PersonInBatch>(texts), found);
      const batch = found.size === 0 ? undefined : assembled();
      read = {
        length: keys.length,
        last: lastOf(keys),
        text: batch ? JSON.stringify(batch) : texts,
        batch: () => batch ?? assembled(),
      };
    } else {
      const batch = await withReferenceFacts(db, assembleBatch<PersonInBatch>(texts));
      read = { length: batch.length, last: lastOf(batch), text: texts, batch: () => batch };
    }
    tally.read += performance.now() - t0;
    return read;
  };
  // The batch is read without ID number ciphers; if a rule asks for a number, they are read for the
  // batch and it is decided again.
  const decideHere = async (batch: readonly PersonInBatch[]) => {
    const t0 = performance.now();
    let offers: NewOffer[];
    try {
      offers = decidePeople(run.sweep, run.subsidies, run.vault, batch);
    } catch (e) {
      if (!(e instanceof IdNumberNotRead)) throw e;
      offers = decidePeople(run.sweep, run.subsidies, run.vault, await withCiphers(db, batch));
    }
    tally.decide += performance.now() - t0;
    return offers;
  };
  const decide = async (b: Read): Promise<NewOffer[]> => {
    if (!run.thread) return decideHere(b.batch());
    const decided = await run.thread.decide(b.text);
    if (decided === 'needs the key') return decideHere(b.batch());
    tally.decide += decided.ms;
    return decided.offers;
  };

  // Until it is awaited, a failed decision must not count as unhandled.
  const startDeciding = (b: Read) => {
    const deciding = decide(b);
    deciding.catch(() => undefined);
    return deciding;
  };
  let from = cursor;
  let current = await read(from);
  let deciding = current ? startDeciding(current) : null;
  while (current && deciding) {
    const to = current.last;
    const next = run.slice.left > 1 ? await read(to) : null;
    const offers = await deciding;
    // The thread takes the next batch now, so it decides while this one is written, not after.
    deciding = next ? startDeciding(next) : null;
    done += current.length;
    tally.people += current.length;
    const t0 = performance.now();
    await saveBatch(db, run.now(), run.part, 'people', from, to, done, current.length, offers);
    tally.write += performance.now() - t0;
    run.onProgress?.({ phase: 'people', done, total: run.total });
    await failpoint('sweep.after-batch');
    if (--run.slice.left <= 0) return { ended: 'paused', cursor: to };
    from = to;
    current = next;
  }
  return { ended: 'done', cursor: from };
}
