import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../http/today.js';
import { runCli } from '../testing/cli-process.js';
import { staff } from '../testing/fixtures.js';
import { startTestApp } from '../testing/test-app.js';
import { dibaoGraduates } from './sweep.test-kit.js';

/** The CLI judges on today: graduates of the academic year running now (September to August). */
const graduationYear = () => {
  const today = todayInShanghai();
  return Number(today.slice(0, 4)) + (today.slice(5, 7) >= '09' ? 1 : 0);
};

describe('huimin sweep run', () => {
  it('sweeps the account’s regions with a progress bar and reports the offers', async () => {
    const key = randomBytes(32);
    const dir = mkdtempSync(join(tmpdir(), 'huimin-sweep-cli-'));
    const app = await startTestApp({ dataDir: dir, masterKey: key });
    const clerk = await staff(app, 'clerk', ['clerk'], '510104');
    await staff(app, 'supervisor', ['supervisor'], '510104');
    await dibaoGraduates(clerk, 5, `${graduationYear()}-06-30`);
    const url = app.databaseUrl;
    if (!url) await app.database.close();
    const env = {
      ...process.env,
      HUIMIN_MASTER_KEY: key.toString('hex'),
      HUIMIN_DATA_DIR: dir,
      ...(url ? { DATABASE_URL: url } : {}),
    };

    const refused = await runCli(['sweep', 'run', '--as', 'clerk'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('clerk may not run sweeps');

    const out = await runCli(['sweep', 'run', '--as', 'supervisor', '--batch', '2'], env);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('] 100%  5/5');
    expect(out.stderr).toMatch(/^个人 people \[#+\]/m);
    expect(out.stdout).toContain('done: 5 条补贴提醒 / offers');
    if (url) await app.close();
    // Two CLI processes, each opening the database: a budget for a machine under load, not a speed test.
  }, 240_000);
});
