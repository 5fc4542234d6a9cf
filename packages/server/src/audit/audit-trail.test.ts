import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { openDatabase } from '../db/database.js';
import { runCli } from '../testing/cli-process.js';
import { expectOk, staff } from '../testing/fixtures.js';
import { startTestApp } from '../testing/test-app.js';
import { recordAudit, verifyAuditChain } from './audit-trail.js';

describe('the audit trail', () => {
  it('chains every change, refuses edits at the database, and `huimin audit verify` finds a tampered row', async () => {
    const key = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'huimin-audit-'));
    const app = await startTestApp({ dataDir: dir, masterKey: key });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    for (const name of ['王一', '王二', '王三']) {
      expectOk(
        await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1990-01-01'), name, regionCode: '510104' }),
        201,
      );
    }
    const intact = await verifyAuditChain(app.database.db, app.vault);
    expect(intact).toEqual({ entries: 4, firstBreak: null }); // a login and three registrations

    // The database itself refuses to change or delete an entry.
    await expect(sql`update audit_entry set action = 'x' where seq = 2`.execute(app.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_entry where seq = 2`.execute(app.database.db)).rejects.toThrow(/append-only/);
    // And no route exists to do it.
    expect((await clerk.request('DELETE', '/api/v1/audit')).statusCode).toBe(404);

    const env = {
      ...process.env,
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_DATA_DIR: dir,
      ...(app.databaseUrl ? { DATABASE_URL: app.databaseUrl } : {}),
    };
    const verify = () => runCli(['audit', 'verify'], env);

    // Someone with superuser access switches the trigger off and rewrites entry 3.
    const tamper = async (...statements: string[]) => {
      const db = app.databaseUrl ? app.database : await openDatabase({ dataDir: dir });
      for (const s of statements) await sql.raw(s).execute(db.db);
      if (!app.databaseUrl) await db.close();
    };
    if (!app.databaseUrl) await app.database.close();
    const before = await verify();
    expect(before.status).toBe(0);
    expect(before.stdout).toContain('audit chain intact: 4 entries');

    await tamper(
      'alter table audit_entry disable trigger audit_entry_no_update',
      `update audit_entry set after = jsonb_set(after, '{name}', '"李四"') where seq = 3`,
    );
    const after = await verify();
    expect(after.status).toBe(1);
    expect(after.stdout).toContain('audit chain broken at entry 3: content was changed');
    if (app.databaseUrl) await app.close();
    // Two CLI processes, each opening the database: a budget for a machine under load, not a speed test.
  }, 240_000);

  it('fifty entries appended at once each extend the chain in turn: no number twice, none skipped', async () => {
    const app = await startTestApp();
    const before = (await verifyAuditChain(app.database.db, app.vault)).entries;
    // On PostgreSQL (CI runs this file there too) these are transactions on the pool's ten
    // connections racing for the chain's lock: a read of the last entry taken before the lock was
    // held would give two entries one number, and the insert would fail. The embedded database has
    // one connection, so there they run in turn and this checks only that the chain stays whole.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAudit(app.database.db, app.vault, { actor: null, action: 'test.raced', entityId: String(i) }),
      ),
    );
    expect(await verifyAuditChain(app.database.db, app.vault)).toEqual({ entries: before + 50, firstBreak: null });
    await app.close();
  }, 120_000);
});
