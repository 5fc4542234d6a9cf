import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * An application's view reads the application and its own parts (steps, risk flags, declarations,
 * 容缺 promises) in one statement, as JSON: what the JSON holds must read as the driver would have
 * read each table alone — instants as ISO text in UTC, a bigserial id as text, each part in order.
 */
const clock = TestClock.at('2026-11-23T10:00:00+08:00');
let app: TestApp;
let clerk: Client;

beforeAll(async () => {
  app = await startTestApp({ clock });
  clerk = await staff(app, 'view-clerk', ['clerk'], '510104');
});
afterAll(() => app.close());

describe('an application with two steps, two flags, a decided declaration and a lapsed promise', () => {
  it('shows each part as it was written, in order', async () => {
    const person = await clerk.request('POST', '/api/v1/people', {
      idNumber: idNumber('2003-02-01', 'male', '510104'),
      name: '林观',
      regionCode: '510104',
    });
    expectOk(person, 201);
    const db = app.database.db;
    const { id } = await db
      .insertInto('application')
      .values({
        number: 'VIEW-1',
        subsidy_id: 'one-time-job-seeking',
        applicant_kind: 'person',
        person_id: person.json<{ id: string }>().id,
        organisation_id: null,
        region_code: '510104',
        period_key: 'view-1',
        claim: '{}',
        state: 'submitted',
        requested_by: clerk.accountId,
        idempotency_key: 'view-1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Written out of order: the view orders them.
    await db
      .insertInto('application_event')
      .values([
        {
          application_id: id,
          seq: 2,
          action: 'submit',
          from_state: 'draft',
          to_state: 'submitted',
          actor_id: clerk.accountId,
          actor_roles: ['clerk'],
          at: new Date('2026-11-23T02:05:00.250Z'),
        },
        {
          application_id: id,
          seq: 1,
          action: 'create',
          from_state: null,
          to_state: 'draft',
          actor_id: clerk.accountId,
          actor_roles: ['clerk'],
          at: new Date('2026-11-23T02:00:00.000Z'),
        },
      ])
      .execute();
    // Ids 9 and 10: in number order, not as text ('10' < '9').
    const flag = {
      application_id: id,
      stage: 'submit' as const,
      code: 'c',
      message_zh: '提示',
      message_en: 'note',
      cites: '181号',
    };
    await db
      .insertInto('risk_flag')
      .values([
        { ...flag, id: '10', severity: 'note', raised_at: new Date('2026-11-23T02:06:00Z') },
        {
          ...flag,
          id: '9',
          severity: 'review',
          raised_at: new Date('2026-11-23T02:05:00Z'),
          cleared_at: new Date('2026-11-23T03:00:00.500Z'),
          cleared_by: clerk.accountId,
          clearance: '已核实',
        },
      ])
      .execute();
    await db
      .insertInto('application_declaration')
      .values({
        application_id: id,
        seq: 0,
        kind: 'status',
        data: JSON.stringify({ kind: 'dibao-household', from: '2020-01-01' }),
        state: 'confirmed',
        decided_by: clerk.accountId,
        decided_at: new Date('2026-11-23T04:00:00Z'),
      })
      .execute();
    await db
      .insertInto('application_deferred_material')
      .values({
        application_id: id,
        material: 0,
        material_name: JSON.stringify({ zh: '毕业证书', en: 'Diploma' }),
        promise: '承诺补交',
        promised_by: clerk.accountId,
        promised_on: '2026-11-23',
        due_on: '2026-12-23',
        basis: '容缺受理办法',
        lapsed_at: new Date('2026-12-24T16:00:00Z'),
      })
      .execute();

    const view = await clerk.request('GET', `/api/v1/applications/${id}`);
    expectOk(view, 200);
    const body = view.json<Record<string, unknown>>();
    expect(body.events).toMatchObject([
      {
        seq: 1,
        action: 'create',
        toState: 'draft',
        actor: expect.any(String),
        actorRoles: ['clerk'],
        at: '2026-11-23T02:00:00.000Z',
      },
      { seq: 2, action: 'submit', fromState: 'draft', toState: 'submitted', at: '2026-11-23T02:05:00.250Z' },
    ]);
    expect(body.riskFlags).toEqual([
      {
        id: '9',
        stage: 'submit',
        code: 'c',
        severity: 'review',
        message: { zh: '提示', en: 'note' },
        cites: '181号',
        raisedAt: '2026-11-23T02:05:00.000Z',
        clearedAt: '2026-11-23T03:00:00.500Z',
        clearance: '已核实',
      },
      {
        id: '10',
        stage: 'submit',
        code: 'c',
        severity: 'note',
        message: { zh: '提示', en: 'note' },
        cites: '181号',
        raisedAt: '2026-11-23T02:06:00.000Z',
      },
    ]);
    expect(body.declarations).toMatchObject([
      {
        kind: 'status',
        data: { kind: 'dibao-household', from: '2020-01-01' },
        state: 'confirmed',
        decidedAt: '2026-11-23T04:00:00.000Z',
      },
    ]);
    expect(body.deferredMaterials).toEqual([
      {
        material: 0,
        name: { zh: '毕业证书', en: 'Diploma' },
        state: 'lapsed',
        promisedOn: '2026-11-23',
        dueOn: '2026-12-23',
        basis: '容缺受理办法',
        promise: '承诺补交',
      },
    ]);
  });
});
