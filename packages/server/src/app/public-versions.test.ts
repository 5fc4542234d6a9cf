import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The versions the public lists are kept under (decision 025) are read for each request, so what a
 * request costs the database is mostly that read. A disclosure page needs two versions, the audit
 * trail's and the settings'; they are one statement, so a request waits for one round trip.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
const statements: string[] = [];
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ clock, onQuery: (sql) => statements.push(sql) });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The statements a request sent that read a version: the trail's newest entry or the settings'. */
async function versionReadsOf(url: string): Promise<string[]> {
  // Something written first: on the embedded database nothing is read again while nothing is.
  await app.database.db.transaction().execute(async () => undefined);
  statements.length = 0;
  const answer = await app.http.inject({ url });
  expect(answer.statusCode).toBe(200);
  return statements.filter((s) => /"audit_entry"|"parameter_value"/.test(s) && /max\(/.test(s));
}

// With a replica the trail's version is read there, with the page, and the settings' on the primary.
describe.skipIf(Boolean(process.env.DATABASE_REPLICA_URL))('the public lists’ versions', () => {
  it('a disclosure page reads the audit trail’s and the settings’ versions in one statement', async () => {
    const reads = await versionReadsOf('/api/v1/disclosures?region=510104');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('"audit_entry"');
    expect(reads[0]).toContain('"parameter_value"');
  });

  it('a policy list reads its version with the same statement, one for the request', async () => {
    const reads = await versionReadsOf('/api/v1/policies?region=510104&date=2026-12-01');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('"parameter_value"');
  });
});
