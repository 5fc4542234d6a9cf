import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { exportedBatch } from './payable.test-kit.js';
import type { PaymentDeps } from './payment-deps.js';
import { claimImport, importReport } from './return-imports.js';
import { runReturnImport } from './run-return-import.js';

/**
 * The queue runs a job at least once: again after a failure, and again while a slow run is still
 * going. Two runs of one claimed import at once — an item a transaction, so they interleave —
 * settle each item once, and the import's counts and report are the file's, whichever run settled
 * what; a third run after both finds the import closed and changes nothing.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let finance: Client;
let batchId: string;
let applicationIds: string[];
let file: Buffer;

beforeAll(async () => {
  app = await startTestApp({ clock });
  ({ finance, batchId, applicationIds, paidFile: file } = await exportedBatch(app, 5, 'runs'));
}, 180_000);
afterAll(() => app.close());

describe('one return file imported by two runs at once', () => {
  it('settles each item once and keeps the file’s true report', async () => {
    const deps: PaymentDeps = {
      db: app.database.db,
      vault: app.vault,
      clock,
      applications: app.applications,
      settleChunkSize: 1,
    };
    const actor = await app.sessions.actorOf(finance.accountId, null);
    const returnId = await claimImport(app.database.db, {
      batchId,
      sha: createHash('sha256').update(file).digest('hex'),
      rows: 5,
      fileCipher: app.vault.encrypt(file.toString('base64')),
      by: finance.accountId,
      now: clock.now(),
      run: false,
    });
    if (!returnId) throw new Error('not claimed');
    await Promise.all([runReturnImport(deps, actor, returnId), runReturnImport(deps, actor, returnId)]);
    await runReturnImport(deps, actor, returnId);

    expect(await importReport(app.database.db, returnId, false)).toMatchObject({
      state: 'imported',
      rows: 5,
      paid: 5,
      failed: 0,
      skipped: 0,
      unmatched: [],
    });
    const db = app.database.db;
    const pays = await db
      .selectFrom('ledger_transaction')
      .select('application_id')
      .where('kind', '=', 'pay')
      .where('application_id', 'in', applicationIds)
      .execute();
    expect(pays).toHaveLength(5);
    expect(new Set(pays.map((p) => p.application_id)).size).toBe(5);
    const closed = await db
      .selectFrom('audit_entry')
      .select('seq')
      .where('action', '=', 'payment-batch.return-imported')
      .where('entity_id', '=', batchId)
      .execute();
    expect(closed).toHaveLength(1);
  }, 120_000);
});
