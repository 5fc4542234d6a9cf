import { failpoint } from '../failpoints.js';
import { idNumbersOf, listedIn, organisationFacts } from '../registry/engine-facts.js';
import { lastOf, offersFor, received, saveBatch, type Place, type UnitInBatch, type WalkRun } from './sweep-batch.js';
import { readBatch } from './sweep-batch-read.js';

/** One run over units, from the saved place. */
export type UnitsRun = WalkRun;

/**
 * Units (单位), batch by batch, from `cursor`: each batch read with its facts and paid applications,
 * decided here (units are few beside people, so no thread), and its offers saved with the new
 * place in one transaction (`saveBatch`).
 */
export async function sweepUnits(
  run: UnitsRun,
  cursor: Place,
  done: number,
): Promise<{ ended: 'done' | 'paused'; cursor: Place }> {
  const { db, tally } = run;
  const timed = async <T>(stage: 'read' | 'decide' | 'write', work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      tally[stage] += performance.now() - t0;
    }
  };
  for (;;) {
    const from = cursor;
    const batch = await timed('read', () =>
      readBatch<UnitInBatch>(db, 'organisation', run.range, from, run.batchSize, run.upto),
    );
    if (batch.length === 0) return { ended: 'done', cursor };
    // A unit's paid lists name hires by registry id; its per-hire rules need their ID numbers.
    const idNumbers = await timed('read', () =>
      idNumbersOf(db, run.vault, listedIn(batch.flatMap((u) => u.applications.filter((a) => a.state === 'paid')))),
    );
    const offers = await timed('decide', () =>
      batch.flatMap((u) =>
        offersFor(
          run.sweep,
          run.subsidies,
          null,
          u.id,
          u.region_code,
          u.applications,
          organisationFacts(
            u,
            u.facts,
            received(u.applications, 'organisation_id', (id) => idNumbers.get(id)),
          ),
        ),
      ),
    );
    cursor = lastOf(batch);
    done += batch.length;
    tally.units += batch.length;
    const to = cursor;
    await timed('write', () => saveBatch(db, run.now(), run.part, 'units', from, to, done, batch.length, offers));
    run.onProgress?.({ phase: 'units', done, total: run.total });
    await failpoint('sweep.after-batch');
    if (--run.slice.left <= 0) return { ended: 'paused', cursor };
  }
}
