import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { expectOk, staff } from '../testing/fixtures.js';
import { startServerProcess } from '../testing/server-process.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The server process is frozen in the middle of a transition (after the new state is written,
 * before its event and audit entry) and killed with SIGKILL. After a restart the application is
 * exactly as before the transition, its history and the audit chain agree, and the transition can
 * be done again.
 */
describe('a process killed in the middle of a transition', () => {
  it('leaves the data consistent after restart', async () => {
    const key = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'huimin-crash-'));
    let app: TestApp = await startTestApp({ dataDir: dir, masterKey: key });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    await staff(app, 'clerk2', ['clerk'], '510104');
    const person = (
      await clerk.request('POST', '/api/v1/people', {
        idNumber: idNumber('1990-05-05'),
        name: '赵六',
        regionCode: '510104',
      })
    ).json<{ id: string }>();
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: person.id,
      idempotencyKey: 'crash-test-1',
      submit: true,
    });
    expectOk(filed, 201);
    const { id, version } = filed.json<{ id: string; version: number }>();
    const eventsBefore = await app.database.db
      .selectFrom('application_event')
      .select('seq')
      .where('application_id', '=', id)
      .execute();
    const url = app.databaseUrl;
    if (!url) await app.database.close();

    const server = await startServerProcess({
      HUIMIN_DATA_DIR: dir,
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_FAILPOINTS: 'application.transition.after-state-update',
      ...(url ? { DATABASE_URL: url } : {}),
    });
    const send = await server.login('clerk2');
    // The person has no facts, so the claim is ineligible: its acceptance takes a reason.
    const accept = { action: 'accept', reason: '材料齐全，资格由审核核定' };
    void send('POST', `/api/v1/applications/${id}/transitions`, accept).catch(() => undefined);
    await server.reached('failpoint reached: application.transition.after-state-update');
    await server.kill();

    if (!url) app = await startTestApp({ dataDir: dir, masterKey: key });
    const row = await app.database.db
      .selectFrom('application')
      .select(['state', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'submitted', version });
    const eventsAfter = await app.database.db
      .selectFrom('application_event')
      .select(['seq', 'to_state'])
      .where('application_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(eventsAfter.length).toBe(eventsBefore.length);
    expect(eventsAfter.at(-1)?.to_state).toBe(row.state);
    expect((await verifyAuditChain(app.database.db, app.vault)).firstBreak).toBeNull();

    // Nothing is stuck: the same transition now goes through.
    const again = await staff(app, 'clerk3', ['clerk'], '510104');
    expectOk(await again.request('POST', `/api/v1/applications/${id}/transitions`, accept));
    await app.close();
  }, 90_000);
});
