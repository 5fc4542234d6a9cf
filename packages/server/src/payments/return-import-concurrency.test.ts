import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import { TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { exportedBatch } from './payable.test-kit.js';
import { PaymentService } from './payment-service.js';

/**
 * A finance officer's double click, fifty times over: the same return file for the same batch
 * sent fifty times at once. One upload settles the batch; every other one is told the same
 * report, and the report kept with the batch is the true one — never "paid 0" because the rows
 * had already been settled by the first. Settled an item a transaction here, so that the uploads
 * truly overlap: each would otherwise be over before the next began.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let finance: Client;
let batchId: string;
let applicationIds: string[];
let file: Buffer;
let payments: PaymentService;
let actor: Actor;

beforeAll(async () => {
  app = await startTestApp({ clock });
  ({ finance, batchId, applicationIds, paidFile: file } = await exportedBatch(app, 6, 'twice'));
  payments = new PaymentService(app.database.db, app.vault, clock, app.applications, 1);
  actor = await app.sessions.actorOf(finance.accountId, null);
}, 180_000);
afterAll(() => app.close());

interface Report {
  alreadyImported: boolean;
  state?: string;
  id?: string;
  rows: number;
  paid: number;
  failed: number;
  skipped: number;
  returned: number;
  unmatched: unknown[];
}

describe('fifty identical return files sent at once', () => {
  it('settle the batch once, and every upload is told the one true report', async () => {
    const url = `/api/v1/payment-batches/${batchId}/returns`;
    const uploads = await Promise.all(
      Array.from({ length: 50 }, () => payments.importReturn(actor, batchId, file) as Promise<Report>),
    );
    const reports: Report[] = [];
    for (let report of uploads) {
      // Done within the upload, or still being imported by another: then asked until done.
      while (report.state === 'importing')
        report = (await finance.request('GET', `${url}/${report.id}`)).json<Report>();
      reports.push(report);
    }
    const truth = { rows: 6, paid: 6, failed: 0, skipped: 0, returned: 0, unmatched: [] };
    for (const report of reports) expect(report).toMatchObject(truth);
    expect(reports.filter((r) => !r.alreadyImported)).toHaveLength(1);

    const db = app.database.db;
    const stored = await db.selectFrom('bank_return').selectAll().where('batch_id', '=', batchId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rows: 6, paid: 6, failed: 0, unmatched: 0 });
    const states = await db.selectFrom('application').select('state').where('id', 'in', applicationIds).execute();
    expect(states.map((s) => s.state)).toEqual(Array(6).fill('paid'));
    const pays = await db
      .selectFrom('ledger_transaction')
      .select('application_id')
      .where('kind', '=', 'pay')
      .where('application_id', 'in', applicationIds)
      .execute();
    expect(new Set(pays.map((p) => p.application_id)).size).toBe(6);
    expect(pays).toHaveLength(6);
    const reconciliation = await finance.request('GET', `/api/v1/payment-batches/${batchId}/reconciliation`);
    expect(reconciliation.json()).toMatchObject({ reconciled: true, returnFiles: [{ rows: 6, paid: 6 }] });
    expect((await verifyAuditChain(db, app.vault)).firstBreak).toBeNull();
  }, 180_000);
});
