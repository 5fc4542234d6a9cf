import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * What a filing costs in round trips to the database: on PostgreSQL each is a write and a wait, and
 * a filing's p99 under load is made of them (issue 21). The count is exact on purpose: a statement
 * added or taken out is a decision, made here in view, not found later in a benchmark.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;
const statements: string[] = [];

beforeAll(async () => {
  // Enqueue-only: no worker polls the queue while a filing is counted. The settings and calendar
  // kept in memory are never re-read on their own clock: on a slow machine a re-read falling inside
  // a counted request would be counted.
  app = await startTestApp({
    clock,
    jobs: { role: 'serve' },
    recheckEveryMs: Infinity,
    onQuery: (sql) => statements.push(sql),
  });
  clerk = await staff(app, 'round-trip-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

async function personWithFacts(birth: string): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/people', {
    idNumber: idNumber(birth, 'female', '510104'),
    name: '程小雨',
    regionCode: '510104',
    facts: [
      { kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } },
      { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } },
    ],
  });
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

/** The statements one request sent, in order (shown in full when a count differs). */
async function sentBy(send: () => Promise<{ statusCode: number }>, status: number): Promise<string[]> {
  const before = statements.length;
  const res = await send();
  expect(res.statusCode).toBe(status);
  return statements.slice(before);
}

describe('a clerk filing 一次性求职补贴 for a person of the county, no lists loaded', () => {
  const file = (personId: string, key: string) => () =>
    clerk.request('POST', '/api/v1/applications', { subsidy: 'one-time-job-seeking', personId, idempotencyKey: key });

  it('sends 12: session, person, key, lists, the transaction (6, begin and commit too), the view (2)', async () => {
    // The first filing loads the catalogue's parameters and the calendar; they are kept after.
    await sentBy(file(await personWithFacts('2004-03-05'), 'round-trips-0001'), 201);
    const personId = await personWithFacts('2004-04-06');
    const sent = await sentBy(file(personId, 'round-trips-0002'), 201);
    expect(sent).toHaveLength(12);
    // The same key again finds the first filing: the view again, nothing written. The view is two
    // statements: the application with its steps, flags, declarations and promises; the applicant's
    // row with its facts and what it was paid here.
    const replay = await sentBy(file(personId, 'round-trips-0002'), 200);
    expect(replay.filter((sql) => /^(insert|update|delete)/.test(sql))).toEqual([]);
    expect(replay).toHaveLength(5);
  });
});

describe('the clerk submitting the draft they filed', () => {
  it('sends 19: the session, the transaction with the decision and the risk checks, the view', async () => {
    const personId = await personWithFacts('2004-05-07');
    const filed = await clerk.request('POST', '/api/v1/applications', {
      subsidy: 'one-time-job-seeking',
      personId,
      idempotencyKey: 'round-trips-0003',
    });
    expectOk(filed, 201);
    const { id } = filed.json<{ id: string }>();
    const sent = await sentBy(
      () => clerk.request('POST', `/api/v1/applications/${id}/transitions`, { action: 'submit' }),
      200,
    );
    expect(sent.filter((sql) => /max\("?seq"?\)/.test(sql) && sql.startsWith('select'))).toEqual([]);
    expect(sent).toHaveLength(19);
  });
});

describe('a unit’s application shown to the clerk', () => {
  it('reads the unit once: its name comes with the facts the decision read', async () => {
    const org = await clerk.request('POST', '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '往返单位',
      category: 'enterprise',
      sizeClass: 'small',
      regionCode: '510104',
    });
    expectOk(org, 201);
    const organisationId = org.json<{ id: string }>().id;
    const { id } = await app.database.db
      .insertInto('application')
      .values({
        number: 'RT-UNIT-1',
        subsidy_id: 'social-insurance-employer-graduate',
        applicant_kind: 'organisation',
        person_id: null,
        organisation_id: organisationId,
        region_code: '510104',
        period_key: 'round-trips-unit',
        claim: '{}',
        state: 'draft',
        requested_by: clerk.accountId,
        idempotency_key: 'round-trips-unit',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sent = await sentBy(() => clerk.request('GET', `/api/v1/applications/${id}`), 200);
    const shown = await clerk.request('GET', `/api/v1/applications/${id}`);
    expect(shown.json()).toMatchObject({ applicant: { name: '往返单位' } });
    expect(sent.filter((sql) => /from "organisation"/.test(sql))).toHaveLength(1);
  });
});
