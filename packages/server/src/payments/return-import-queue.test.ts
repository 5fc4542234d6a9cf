import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app/build-app.js';
import { TestClock } from '../testing/fixtures.js';
import { startTestApp } from '../testing/test-app.js';
import { exportedBatch } from './payable.test-kit.js';

interface Report {
  id: string;
  state: 'importing' | 'imported';
  alreadyImported: boolean;
  rows: number;
  paid: number;
  skipped: number;
}

/**
 * A large return file is imported on the job queue (decision 024), never by the process that
 * answers HTTP: the upload claims the file and queues its import in one transaction and answers
 * 202 with the import to ask after; a worker on the same database settles it; the report kept is
 * the file's. Here "large" is more than two rows.
 */
describe('a large return file uploaded to a serve process', () => {
  it('is imported by a worker, its progress asked after, its report kept once', async () => {
    const clock = TestClock.at('2026-11-23T10:00:00+08:00');
    const app = await startTestApp({ clock, jobs: { role: 'serve', returnImports: { inlineRows: 2 } } });
    const { finance, batchId, applicationIds, paidFile } = await exportedBatch(app, 4, 'queued');
    const url = `/api/v1/payment-batches/${batchId}/returns`;

    const sent = await finance.request('POST', url, paidFile, { 'content-type': 'text/csv' });
    expect(sent.statusCode).toBe(202);
    const claimed = sent.json<Report>();
    expect(claimed).toMatchObject({ state: 'importing', alreadyImported: false, rows: 4, paid: 0 });
    // Sent again while it waits for a worker: the same import, still under way.
    const again = await finance.request('POST', url, paidFile, { 'content-type': 'text/csv' });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ id: claimed.id, state: 'importing', alreadyImported: true });
    const waiting = await finance.request('GET', `${url}/${claimed.id}`);
    expect(waiting.json()).toMatchObject({ id: claimed.id, state: 'importing', paid: 0 });

    const worker = await buildApp({
      db: app.database.db,
      databaseKind: app.database.kind,
      vault: app.vault,
      clock,
      logger: false,
      jobs: { role: 'worker', pollingIntervalSeconds: 0.5, returnImports: { inlineRows: 2 } },
    });
    try {
      expect(worker.jobs.runs).toContain('payments.return-import');
      await vi.waitFor(
        async () =>
          expect((await finance.request('GET', `${url}/${claimed.id}`)).json()).toMatchObject({ state: 'imported' }),
        { timeout: 120_000, interval: 200 },
      );
    } finally {
      await worker.http.close();
    }
    const truth = { id: claimed.id, state: 'imported', rows: 4, paid: 4, skipped: 0, unmatched: [] };
    expect((await finance.request('GET', `${url}/${claimed.id}`)).json()).toMatchObject(truth);
    const thrice = await finance.request('POST', url, paidFile, { 'content-type': 'text/csv' });
    expect(thrice.statusCode).toBe(200);
    expect(thrice.json()).toMatchObject({ ...truth, alreadyImported: true });

    const db = app.database.db;
    const states = await db.selectFrom('application').select('state').where('id', 'in', applicationIds).execute();
    expect(states.map((s) => s.state)).toEqual(Array(4).fill('paid'));
    // The file was kept, encrypted, only while it was being imported.
    expect(await db.selectFrom('bank_return').select(['file_cipher', 'lease_until']).execute()).toEqual([
      { file_cipher: null, lease_until: null },
    ]);
    const { rows } = await sql<{ state: string }>`
      select state from pgboss.job where name = 'payments.return-import'`.execute(db);
    expect(rows.map((r) => r.state)).toEqual(['completed']);
    await app.close();
  }, 240_000);
});
