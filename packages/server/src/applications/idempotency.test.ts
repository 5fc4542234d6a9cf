import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { applicant, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
let person: Client;
beforeAll(async () => {
  app = await startTestApp();
  person = await applicant(app, {
    kind: 'person',
    idNumber: idNumber('1992-02-02'),
    name: '周八',
    regionCode: '510104',
    username: 'zhouba',
  });
});
afterAll(() => app.close());

const count = () =>
  app.database.db
    .selectFrom('application')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

describe('filing twice creates one application', () => {
  // Filed as a draft: online, missing materials block submitting (decision 026); the key is the create's.
  it('50 concurrent identical filings (double click, retries) give exactly one, and each caller sees it', async () => {
    const before = await count();
    const body = { subsidy: 'one-time-startup', idempotencyKey: 'double-click-0001' };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => person.request('POST', '/api/v1/applications', body)),
    );
    expect(responses.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([...Array<number>(49).fill(200), 201]);
    expect(new Set(responses.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
    const [created] = responses.map((r) => r.json<{ id: string; state: string }>());
    expect(created?.state).toBe('draft');
  });

  it('two tabs with different keys for the same subsidy and period: the second is told where the first is', async () => {
    const first = await person.request('POST', '/api/v1/applications', {
      subsidy: 'social-insurance-flexible-hard-to-employ',
      claim: { fromMonth: '2026-01', toMonth: '2026-06' },
      idempotencyKey: 'tab-one-0001',
    });
    expect(first.statusCode).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        person.request('POST', '/api/v1/applications', {
          subsidy: 'social-insurance-flexible-hard-to-employ',
          claim: { fromMonth: '2026-01', toMonth: '2026-06' },
          idempotencyKey: `tab-two-000${i}`,
        }),
      ),
    );
    for (const r of results)
      expect(r.json()).toMatchObject({
        code: 'DUPLICATE_APPLICATION',
        message: expect.stringContaining(first.json<{ number: string }>().number),
      });
    // Another period is another application.
    const next = await person.request('POST', '/api/v1/applications', {
      subsidy: 'social-insurance-flexible-hard-to-employ',
      claim: { fromMonth: '2026-07', toMonth: '2026-12' },
      idempotencyKey: 'tab-three-001',
    });
    expect(next.statusCode).toBe(201);
  });

  it('reusing a key for a different application is refused, naming the field', async () => {
    const res = await person.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      idempotencyKey: 'double-click-0001',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('a withdrawn application frees the period for a new one', async () => {
    const first = (
      await person.request('POST', '/api/v1/applications', {
        subsidy: 'one-time-job-seeking',
        idempotencyKey: 'withdraw-0001',
      })
    ).json<{ id: string }>();
    expect(
      (
        await person.request('POST', `/api/v1/applications/${first.id}/transitions`, {
          action: 'withdraw',
          reason: '填错了',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await person.request('POST', '/api/v1/applications', {
          subsidy: 'one-time-job-seeking',
          idempotencyKey: 'withdraw-0002',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('the application number', () => {
  it('is the region, the year and the sequence padded to seven digits, never cut when it passes them', async () => {
    await sql`select setval('application_number_seq', 12345677)`.execute(app.database.db);
    const filed = await person.request('POST', '/api/v1/applications', {
      subsidy: 'social-insurance-flexible-hard-to-employ',
      claim: { fromMonth: '2025-01', toMonth: '2025-06' },
      idempotencyKey: 'number-length-0001',
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json<{ number: string }>().number).toMatch(/^510104-\d{4}-12345678$/);
  });
});
