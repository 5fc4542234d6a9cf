import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  insertParameterValues,
  listLocalParameterValues,
  parameterVersion,
} from '../parameters/parameter-repository.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { PolicyService } from './policy-service.js';

/** Several server processes on one database: a setting made in one is seen by the others. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const jobSeeking = async (policies: PolicyService) =>
  (await policies.engine()).parameters.resolve('job-seeking.amount', '510104', '2026-12-01')?.value;

describe('the policy engine across server processes', () => {
  it('another process’s new setting is seen at the next check, without a restart', async () => {
    const db = app.database.db;
    const other = new PolicyService(db, listLocalParameterValues, { version: parameterVersion, checkEveryMs: 0 });
    const before = await jobSeeking(other);
    await insertParameterValues(db, [
      { parameter: 'job-seeking.amount', region: '510104', from: '2026-12-01', value: 180_000, source: 'example' },
    ]);
    // The check runs behind the use that starts it; the new value is in use once it is read.
    await vi.waitFor(async () => expect(await jobSeeking(other)).toBe(180_000), { timeout: 20_000 });
    expect(before).not.toBe(180_000);
  });

  it('between checks the engine and the public list are kept, not rebuilt per request', async () => {
    const db = app.database.db;
    const kept = new PolicyService(db, listLocalParameterValues, { version: parameterVersion, checkEveryMs: Infinity });
    const first = await kept.list('510104', '2026-12-01');
    expect(await kept.list('510104', '2026-12-01')).toBe(first);
    expect(await kept.engine()).toBe(await kept.engine());
    kept.reload();
    expect(await kept.list('510104', '2026-12-01')).not.toBe(first);
  });
});
