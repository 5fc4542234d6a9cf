import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { expectOk, fundRegion, staff, TestClock } from '../testing/fixtures.js';
import { startServerProcess } from '../testing/server-process.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The server is killed with SIGKILL in the middle of reconciling a return file (after the first
 * chunk of two items is settled). After a restart, importing the same file again settles the rest —
 * once the dead run's lease has lapsed (ten minutes later here): nobody is paid twice, nobody is
 * lost, and the report kept with the batch is the whole file's, not only what the second run did.
 */
describe('a reconciliation killed half-way', () => {
  it('resumes without paying anyone twice or losing anyone', async () => {
    const key = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'huimin-reconcile-'));
    const clock = TestClock.at('2026-11-23T10:00:00+08:00');
    let app: TestApp = await startTestApp({ dataDir: dir, masterKey: key, clock });
    await fundRegion(app, '510104', 10_000_000);
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    const counter = await staff(app, 'counter', ['clerk'], '510104');
    const reviewer = await staff(app, 'reviewer', ['reviewer'], '510104');
    const approver = await staff(app, 'approver', ['approver'], '510104');
    const finance = await staff(app, 'finance', ['finance'], '510100');
    const ids: string[] = [];
    const rows: string[] = ['序号,账号,户名,金额,处理结果,失败原因,银行流水号'];
    for (let i = 1; i <= 5; i++) {
      const person = await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber('1991-01-01'),
        name: `收款${i}`,
        regionCode: '510104',
        facts: [
          { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
          {
            kind: 'certificate',
            data: {
              id: 'E1',
              kind: 'skill-level',
              occupation: '焊工',
              level: 5,
              issuedOn: '2026-10-01',
              firstEvaluation: true,
            },
          },
        ],
      });
      const personId = person.json<{ id: string }>().id;
      expectOk(
        await clerk.request('PUT', `/api/v1/people/${personId}/bank-account`, {
          accountNumber: `62170000100000000${i}`,
          bankName: '示例银行',
        }),
      );
      const filed = await clerk.request('POST', '/api/v1/applications', {
        subsidy: 'skill-evaluation',
        personId,
        claim: { certificateId: 'E1' },
        idempotencyKey: `crash-pay-${i}`,
        submit: true,
      });
      const id = filed.json<{ id: string }>().id;
      for (const [c, a] of [
        [counter, 'accept'],
        [reviewer, 'review'],
        [approver, 'approve'],
        [approver, 'release'],
      ] as const)
        expectOk(await c.request('POST', `/api/v1/applications/${id}/transitions`, { action: a }));
      ids.push(id);
      rows.push(`${i},62170000100000000${i},收款${i},300.00,成功,,BK${i}`);
    }
    const batch = (await finance.request('POST', '/api/v1/payment-batches', {})).json<{ batches: { id: string }[] }>()
      .batches[0]!;
    const file = Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
    const url = app.databaseUrl;
    if (!url) await app.database.close();

    const server = await startServerProcess({
      HUIMIN_DATA_DIR: dir,
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_SETTLE_CHUNK: '2',
      HUIMIN_FAILPOINTS: 'payments.reconcile.after-chunk',
      ...(url ? { DATABASE_URL: url } : {}),
    });
    const send = await server.login('finance');
    void send('POST', `/api/v1/payment-batches/${batch.id}/returns`, file, 'text/csv').catch(() => undefined);
    await server.reached('failpoint reached: payments.reconcile.after-chunk');
    await server.kill();

    // Ten minutes after the kill, by the clock the killed server went by (the real one).
    clock.advanceMinutes(Math.ceil((Date.now() - clock.now().getTime()) / 60_000) + 10);
    if (!url) app = await startTestApp({ dataDir: dir, masterKey: key, clock });
    const db = app.database.db;
    const states = async () =>
      (await db.selectFrom('application').select('state').where('id', 'in', ids).execute()).map((r) => r.state).sort();
    expect(await states()).toEqual(['paid', 'paid', 'payable', 'payable', 'payable']);

    const again = await staff(app, 'finance2', ['finance'], '510100');
    const report = await again.request('POST', `/api/v1/payment-batches/${batch.id}/returns`, file, {
      'content-type': 'text/csv',
    });
    expect(report.json()).toMatchObject({ state: 'imported', rows: 5, paid: 5, skipped: 0, unmatched: [] });
    expect(
      await db.selectFrom('bank_return').select(['state', 'rows', 'paid']).where('batch_id', '=', batch.id).execute(),
    ).toEqual([{ state: 'imported', rows: 5, paid: 5 }]);
    expect(await states()).toEqual(['paid', 'paid', 'paid', 'paid', 'paid']);
    const payments = await db
      .selectFrom('ledger_transaction')
      .select(['application_id'])
      .where('kind', '=', 'pay')
      .where('application_id', 'in', ids)
      .execute();
    expect(payments.length).toBe(5);
    expect(new Set(payments.map((p) => p.application_id)).size).toBe(5);
    expect((await verifyAuditChain(db, app.vault)).firstBreak).toBeNull();
    await app.close();
    // Two app starts, a server process and five claims through the workflow: 30 s when quiet, past
    // 90 s on a machine at load 12. The bound is for a hang, not for speed.
  }, 300_000);
});
