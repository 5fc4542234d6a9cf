import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { ROLES, type Role } from '../auth/roles.js';
import { applicant, expectOk, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every protected endpoint × every role × a record in the caller's own region and one in another
 * region. The expected column is written out by hand, not derived from the code under test:
 * allowed roles get 2xx on their own region and 404 on the other (existence is not leaked); other
 * roles get 403; nobody logged in gets 401. Lists never contain the other region's records.
 */
type Scope = 'own' | 'other';
interface Ids {
  person: string;
  organisation: string;
  application: string;
}

let app: TestApp;
const callers = {} as Record<Role, Client>;
const ids = {} as Record<Scope, Ids>;
let otherClerk: Client;
let ownClerk: Client;
let unique = 0;

async function setUp(clerk: Client, region: string): Promise<Ids> {
  const person = (await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1985-05-05'), name: `人员${region}`, regionCode: region })).json<{ id: string }>().id;
  const organisation = (await clerk.request('POST', '/api/v1/organisations', { creditCode: creditCode(region), name: `单位${region}`, category: 'enterprise', regionCode: region })).json<{ id: string }>().id;
  return { person, organisation, application: await submitted(clerk, person) };
}

async function submitted(clerk: Client, personId: string): Promise<string> {
  const res = await clerk.request('POST', '/api/v1/applications', { subsidy: 'one-time-startup', personId, idempotencyKey: `matrix-${++unique}-key`, submit: true });
  if (res.statusCode === 409) {
    // One live application per person and period: a fresh person for a fresh application.
    const region = (await clerk.request('GET', `/api/v1/people/${personId}`)).json<{ regionCode: string }>().regionCode;
    const p = (await clerk.request('POST', '/api/v1/people', { idNumber: idNumber('1986-06-06'), name: '新人', regionCode: region })).json<{ id: string }>().id;
    return submitted(clerk, p);
  }
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  app = await startTestApp();
  ownClerk = await staff(app, 'setup-clerk', ['clerk'], '510104');
  otherClerk = await staff(app, 'other-clerk', ['clerk'], '620102');
  ids.own = await setUp(ownClerk, '510104');
  ids.other = await setUp(otherClerk, '620102');
  for (const role of ROLES) {
    callers[role] =
      role === 'applicant'
        ? await applicant(app, { kind: 'person', idNumber: idNumber('2000-01-01'), name: '申请人', regionCode: '510104', username: 'matrix-applicant' })
        : await staff(app, `matrix-${role}`, [role], '510104');
  }
}, 60_000);
afterAll(() => app.close());

interface Endpoint {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: (scope: Scope) => Promise<string> | string;
  readonly body?: (scope: Scope) => unknown;
  readonly allowed: readonly Role[];
  /** For lists: instead of 404 for the other region, the other region's record must be absent. */
  readonly list?: (scope: Ids) => string;
  /** Roles that pass the role check but are refused for another reason on this record. */
  readonly notOwn?: readonly Role[];
  /** Not about one region's records (the national calendar, the caller's own queue). */
  readonly regionless?: boolean;
}

const READERS: Role[] = ['clerk', 'reviewer', 'approver', 'finance', 'supervisor', 'auditor'];
const region = (s: Scope) => (s === 'own' ? '510104' : '620102');

const ENDPOINTS: Endpoint[] = [
  { name: 'search people', method: 'GET', path: () => '/api/v1/people', allowed: READERS, list: (i) => i.person },
  { name: 'read a person', method: 'GET', path: (s) => `/api/v1/people/${ids[s].person}`, allowed: [...READERS, 'applicant'], notOwn: ['applicant'] },
  { name: 'register a person', method: 'POST', path: () => '/api/v1/people', body: (s) => ({ idNumber: idNumber('1980-01-01'), name: '新', regionCode: region(s) }), allowed: ['clerk'] },
  { name: 'see an ID number in full', method: 'POST', path: (s) => `/api/v1/people/${ids[s].person}/identity`, body: () => ({ purpose: '核对身份' }), allowed: ['clerk', 'reviewer', 'finance'] },
  { name: 'record a fact', method: 'POST', path: (s) => `/api/v1/people/${ids[s].person}/facts`, body: () => ({ kind: 'status', data: { kind: 'veteran', from: '2020-01-01' } }), allowed: ['clerk'] },
  { name: 'search units', method: 'GET', path: () => '/api/v1/organisations', allowed: READERS, list: (i) => i.organisation },
  { name: 'read a unit', method: 'GET', path: (s) => `/api/v1/organisations/${ids[s].organisation}`, allowed: [...READERS, 'applicant'], notOwn: ['applicant'] },
  { name: 'list applications', method: 'GET', path: () => '/api/v1/applications', allowed: [...READERS, 'applicant'], list: (i) => i.application },
  { name: 'read an application', method: 'GET', path: (s) => `/api/v1/applications/${ids[s].application}`, allowed: [...READERS, 'applicant'], notOwn: ['applicant'] },
  { name: 'reproduce a decision', method: 'GET', path: (s) => `/api/v1/applications/${ids[s].application}/events/2/reproduction`, allowed: READERS },
  { name: 'register a unit', method: 'POST', path: () => '/api/v1/organisations', body: (s) => ({ creditCode: creditCode(region(s)), name: '新单位', category: 'enterprise', regionCode: region(s) }), allowed: ['clerk'] },
  { name: 'record a unit fact', method: 'POST', path: (s) => `/api/v1/organisations/${ids[s].organisation}/facts`, body: () => ({ kind: 'designation', data: { kind: 'assistance-base', from: '2025-01-01' } }), allowed: ['clerk'] },
  { name: 'work queue', method: 'GET', path: () => '/api/v1/applications/queue', allowed: ['clerk', 'reviewer', 'approver', 'finance'], regionless: true },
  {
    name: 'accept an application',
    method: 'POST',
    path: async (s) => `/api/v1/applications/${await submitted(s === 'own' ? ownClerk : otherClerk, ids[s].person)}/transitions`,
    body: () => ({ action: 'accept' }),
    // Reviewers, approvers and finance reach the route but not this step; the applicant never sees it.
    allowed: ['clerk', 'reviewer', 'approver', 'finance', 'applicant'],
    notOwn: ['reviewer', 'approver', 'finance', 'applicant'],
  },
  { name: 'funds and balances', method: 'GET', path: () => '/api/v1/funds', allowed: ['approver', 'finance', 'supervisor', 'auditor'], regionless: true },
  { name: 'create a fund', method: 'POST', path: () => '/api/v1/funds', body: (s) => ({ code: `M-${++unique}`, name: '资金', source: 'county-employment', year: 2026, regionCode: region(s) }), allowed: ['finance'] },
  { name: 'budget execution', method: 'GET', path: () => '/api/v1/funds/execution', allowed: ['approver', 'finance', 'supervisor', 'auditor'], regionless: true },
  { name: 'allocation schemes', method: 'GET', path: () => '/api/v1/allocation/schemes', allowed: ['approver', 'finance', 'supervisor', 'auditor'], regionless: true },
  { name: 'payment batches', method: 'GET', path: () => '/api/v1/payment-batches', allowed: ['approver', 'finance', 'supervisor', 'auditor'], regionless: true },
  { name: 'bank layouts', method: 'GET', path: () => '/api/v1/bank-layouts', allowed: ['finance'], regionless: true },
  { name: 'set a payee account', method: 'PUT', path: (s) => `/api/v1/people/${ids[s].person}/bank-account`, body: () => ({ accountNumber: '621700001000000001', bankName: '示例银行' }), allowed: ['clerk', 'finance'] },
  { name: 'import templates', method: 'GET', path: () => '/api/v1/imports', allowed: ['clerk'], regionless: true },
  { name: 'audit trail', method: 'GET', path: () => '/api/v1/audit?limit=500', allowed: ['auditor'], list: (i) => i.application },
  { name: 'audit verification', method: 'GET', path: () => '/api/v1/audit/verification', allowed: ['auditor'], regionless: true },
  { name: 'staff accounts', method: 'GET', path: () => '/api/v1/accounts', allowed: ['administrator'], list: () => otherClerk.accountId },
  { name: 'create a staff account', method: 'POST', path: () => '/api/v1/accounts', body: (s) => ({ username: `u${++unique}x`, displayName: 'X', roles: ['clerk'], regionCode: region(s), password: 'First-pass-1' }), allowed: ['administrator'] },
  { name: 'load a calendar year', method: 'PUT', path: () => '/api/v1/calendar/2027', body: () => ({ holidays: ['2027-01-01'], workdays: [] }), allowed: ['administrator'], regionless: true },
];

describe('authorization matrix', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_, endpoint) => {
    const anonymous = await app.http.inject({ method: endpoint.method, url: await endpoint.path('own'), ...(endpoint.body ? { payload: endpoint.body('own') as object } : {}) });
    expect(anonymous.statusCode, 'anonymous').toBe(401);

    for (const role of ROLES) {
      const caller = callers[role];
      for (const scope of ['own', 'other'] as const) {
        const res = await caller.request(endpoint.method, await endpoint.path(scope), endpoint.body?.(scope));
        const where = `${role} on ${scope} region`;
        if (!endpoint.allowed.includes(role)) {
          expect(res.statusCode, where).toBe(403);
          continue;
        }
        if (endpoint.list) {
          expect(res.statusCode, where).toBe(200);
          expect(res.body.includes(endpoint.list(ids.other)), `${where}: the other region leaks into the list`).toBe(false);
          if (scope === 'own' && role !== 'applicant' && endpoint.name !== 'staff accounts') expect(res.body.includes(endpoint.list(ids.own)), `${where}: own record missing`).toBe(true);
          continue;
        }
        if (scope === 'other' && !endpoint.regionless) {
          // The other region's records are invisible; a new record there is outside the caller's regions.
          expect([403, 404], `${where}: ${res.body}`).toContain(res.statusCode);
          continue;
        }
        if (endpoint.notOwn?.includes(role)) expect([403, 404], `${where}: ${res.body}`).toContain(res.statusCode);
        else expect(res.statusCode, `${where}: ${res.body}`).toBeLessThan(300);
      }
    }
  });

  it('the applicant sees their own records and only those', async () => {
    const me = callers.applicant;
    const session = (await me.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>();
    expectOk(await me.request('GET', `/api/v1/people/${session.account.personId}`));
    const mine = await me.request('POST', '/api/v1/applications', { subsidy: 'one-time-startup', idempotencyKey: 'mine-000001' });
    expectOk(mine, 201);
    const list = (await me.request('GET', '/api/v1/applications')).json<{ applications: { id: string }[] }>();
    expect(list.applications.map((a) => a.id)).toEqual([mine.json<{ id: string }>().id]);
  });
});
