import type * as FastifyModule from 'fastify';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { ROLES, type Role } from './roles.js';
import { applicant, expectOk, fundRegion, login, PASSWORD, staff, TestClock, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { MATRIX, type Call, type Fixtures, type Records, type Row, type Scope } from './authorization-matrix.table.js';

/**
 * Every route the server registers × every role × a record in the caller's own region and one in
 * another, against the hand-written table in authorization-matrix.table.ts. Roles not allowed get
 * 403 (from the role check, code FORBIDDEN); nobody logged in gets 401; allowed roles get past the
 * role check: their own region's record answers (2xx, or the business refusal the row names) and
 * the other region's is 404, so its existence is not leaked. Lists never contain the other
 * region's records. Public routes answer without a session.
 *
 * How the routes are enumerated: Fastify keeps its router private and lists no routes, and
 * buildApp() returns an app that is already ready, so an `onRoute` hook added afterwards sees
 * nothing. The OpenAPI document (swagger()) would miss routes hidden from it. So the Fastify
 * factory is wrapped (vi.mock below) to add an `onRoute` hook to each instance the moment it is
 * made, before any plugin registers: the hook sees every route with its method, full URL and
 * config, schema or not. As a check on the wrapper, the router's own printout (printRoutes) is
 * read back and must list exactly the same routes.
 */
const registered = vi.hoisted(() => [] as { method: string; url: string; access: unknown }[]);
vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<typeof FastifyModule>();
  const make = original.default as unknown as (options?: unknown) => FastifyInstance;
  const factory = (options?: unknown) => {
    const instance = make(options);
    instance.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url, access: (route.config as { access?: unknown } | undefined)?.access });
    });
    return instance;
  };
  return { ...original, default: factory, fastify: factory };
});

const OWN = '510104';
const OTHER = '620102';
const clock = TestClock.at('2026-11-02T10:00:00+08:00');
let app: TestApp;
const callers = {} as Record<Role, Client>;
const setupClerks = {} as Record<Scope, Client>;
let unique = 0;

const key = () => `${++unique}`.padStart(8, '0');
async function post<T = { id: string }>(c: Client, url: string, body?: unknown, status = 201): Promise<T> {
  const res = await c.request('POST', url, body);
  expectOk(res, status);
  return res.json<T>();
}
const regionOf = (s: Scope) => (s === 'own' ? OWN : OTHER);
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new Error(`set-up: no ${what}`);
  return value;
}

async function freshPerson(s: Scope, facts: unknown[] = []): Promise<string> {
  return (await post(setupClerks[s], '/api/v1/people', { idNumber: idNumber('1986-06-06', 'male', regionOf(s)), name: `新人${key()}`, regionCode: regionOf(s), facts })).id;
}

async function submitted(s: Scope): Promise<string> {
  return (await post(setupClerks[s], '/api/v1/applications', { subsidy: 'one-time-startup', personId: await freshPerson(s), idempotencyKey: `mx-${key()}`, submit: true })).id;
}

const fixtures = { password: PASSWORD, loginName: 'mx-login', idNumber: (d: string) => idNumber(d), creditCode, key, freshPerson: (s: Scope) => freshPerson(s), submitted } as Fixtures & { own: Records; other: Records };
const mutable = fixtures as { -readonly [K in keyof Fixtures]: Fixtures[K] };

interface Training {
  trainee: string;
  traineeIdNumber: string;
  demandItem: string;
  spareDemandItem: string;
  spareUnit: string;
  institution: string;
  spareInstitution: string;
  appliedClass: string;
  approvedClass: string;
  completedClass: string;
}

/** Before the clock moves: the catalogues, and classes that will have ended by the time the matrix runs. */
async function openClasses(s: Scope, clerk: Client, clerk2: Client): Promise<Training> {
  const region = regionOf(s);
  const traineeIdNumber = idNumber('1995-04-04', 'male', region);
  const trainee = (await post(clerk, '/api/v1/people', { idNumber: traineeIdNumber, name: `学员${region}`, regionCode: region, facts: [{ kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } }] })).id;
  const item = (occupation: string) => post(clerk, '/api/v1/training/demand-catalogue', { regionCode: region, occupation, level: 5, trainingKind: 'employment-skills', standardFen: 180_000, hours: 80, urgent: false, validFrom: '2026-01-01' });
  const unit = async () => (await post(clerk, '/api/v1/organisations', { creditCode: creditCode(region), name: `培训学校${key()}`, category: 'training-institution', regionCode: region })).id;
  const list = async (organisationId: string, demandItem: string) => (await post(clerk, '/api/v1/training/institutions', { organisationId, address: '示例路1号', nature: 'private', capacity: 30, demandItemIds: [demandItem] })).id;
  const demandItem = (await item('电工')).id;
  const spareDemandItem = (await item('焊工')).id;
  const institution = await list(await unit(), demandItem);
  const spareInstitution = await list(await unit(), demandItem);
  const open = async (startsOn: string, endsOn: string) =>
    (await post(clerk, '/api/v1/training/classes', { institutionId: institution, demandItemId: demandItem, startsOn, endsOn, sessions: 2, teachingPlan: '理论与实操', teachers: [{ name: '王老师', qualification: '技师' }], resources: [], assessmentPlan: '实操考核', roster: [traineeIdNumber] })).id;
  const appliedClass = await open('2026-12-01', '2026-12-05');
  const approvedClass = await open('2026-11-02', '2026-11-06');
  const completedClass = await open('2026-11-02', '2026-11-06');
  for (const id of [approvedClass, completedClass]) await post(clerk2, `/api/v1/training/classes/${id}/decision`, { approve: true }, 200);
  return { trainee, traineeIdNumber, demandItem, spareDemandItem, spareUnit: await unit(), institution, spareInstitution, appliedClass, approvedClass, completedClass };
}

/** After the clock has moved: everything else the rows name, in one region. */
async function setUpRegion(s: Scope, training: Training, graduate: string | null): Promise<Records> {
  const region = regionOf(s);
  const clerk = setupClerks[s];
  const hire = (role: string) => staff(app, `mx-${role}-${region}`, [role], region);
  const [clerk2, reviewer, approver, finance, supervisor] = [await login(app, `mx-clerk2-${region}`), await hire('reviewer'), await hire('approver'), await hire('finance'), await hire('supervisor')];
  await hire('auditor');

  // A completed class with a certificate.
  await post(clerk, `/api/v1/training/classes/${training.completedClass}/assessment`, { results: [{ personId: training.trainee, passed: true, score: 90 }] }, 200);
  const completed = await post<{ trainees: { certificate?: string }[] }>(clerk, `/api/v1/training/classes/${training.completedClass}/completion`, undefined, 200);
  const certificate = must(completed.trainees[0]?.certificate, 'certificate');

  const person = (await post(clerk, '/api/v1/people', { idNumber: idNumber('1985-05-05', 'male', region), name: `人员${region}`, regionCode: region })).id;
  const organisation = (await post(clerk, '/api/v1/organisations', { creditCode: creditCode(region), name: `单位${region}`, category: 'enterprise', regionCode: region })).id;
  const application = (await post(clerk, '/api/v1/applications', { subsidy: 'one-time-startup', personId: person, idempotencyKey: `mx-${key()}`, submit: true })).id;
  const fact = (await post(clerk, `/api/v1/people/${person}/facts`, { kind: 'status', data: { kind: 'veteran', from: '2020-01-01' } })).id;
  const draft = (await post(clerk, '/api/v1/applications', { subsidy: 'one-time-startup', personId: await freshPerson(s), idempotencyKey: `mx-${key()}` })).id;
  const evidenceRes = await clerk.request('POST', `/api/v1/applications/${draft}/evidence?material=0&fileName=a.pdf`, Buffer.from('%PDF-1.4\n%%EOF\n'), { 'content-type': 'application/octet-stream' });
  expectOk(evidenceRes, 201);
  const account = (await staff(app, `mx-target-${region}`, ['clerk'], region)).accountId;

  // Money: a fund, an application taken to payable, and the batch it is paid in.
  const fund = await fundRegion(app, region, 10_000_000);
  const payee = await freshPerson(s, [
    { kind: 'status', data: { kind: 'rural-transfer-worker', from: '2020-01-01' } },
    { kind: 'certificate', data: { id: 'E1', kind: 'skill-level', occupation: '焊工', level: 5, issuedOn: '2026-10-01', firstEvaluation: true } },
  ]);
  expectOk(await clerk.request('PUT', `/api/v1/people/${payee}/bank-account`, { accountNumber: `62170000${region}0001`, bankName: '示例银行' }));
  const payable = (await post(clerk, '/api/v1/applications', { subsidy: 'skill-evaluation', personId: payee, claim: { certificateId: 'E1' }, idempotencyKey: `mx-${key()}`, submit: true })).id;
  for (const [c, action] of [[clerk2, 'accept'], [reviewer, 'review'], [approver, 'approve'], [approver, 'release']] as const) expectOk(await c.request('POST', `/api/v1/applications/${payable}/transitions`, { action }));
  const batch = must((await post<{ batches: { id: string }[] }>(finance, '/api/v1/payment-batches', { layout: 'generic-csv' })).batches[0]?.id, 'payment batch');
  const publication = (await post(finance, '/api/v1/allocation/publications', { title: `分配${region}`, regionCode: region, scheme: 'sichuan-2025-training', totalFen: 1000, regions: [{ region, values: { trainees: 1, results: 1 } }] })).id;
  const spot = await post<{ id: string; items: { id: string }[] }>(supervisor, '/api/v1/spot-checks', { sampleSize: 1, seed: `matrix-${region}` });

  // A sweep, and the offer it makes a graduate (in the own region, the applicant caller).
  const graduateId = graduate ?? (await freshPerson(s));
  for (const data of [{ kind: 'status', data: { kind: 'dibao-household', from: '2020-01-01' } }, { kind: 'graduation', data: { date: '2027-06-30', institution: 'university' } }]) await post(clerk, `/api/v1/people/${graduateId}/facts`, data);
  const actor = await app.sessions.actorOf(supervisor.accountId, null);
  const sweep = await app.sweeps.start(actor);
  await app.sweeps.run(sweep.id, actor);
  const offer = await app.database.db.selectFrom('offer').selectAll().where('person_id', '=', graduateId).executeTakeFirstOrThrow();
  // A second open offer (another period), so one can be confirmed and the other declined.
  const { id: _, created_at: __, ...copy } = offer;
  const spareOffer = await app.database.db.insertInto('offer').values({ ...copy, period_key: `${offer.period_key}-matrix` }).returning('id').executeTakeFirstOrThrow();

  const employment = await employmentRecords(s, clerk, reviewer);
  const { trainee, traineeIdNumber, demandItem, spareDemandItem, spareUnit, institution, spareInstitution, appliedClass, approvedClass, completedClass } = training;
  return {
    region,
    person,
    organisation,
    application,
    draft,
    evidence: evidenceRes.json<{ id: string }>().id,
    fact,
    account,
    fund,
    batch,
    spotCheck: spot.id,
    spotItem: must(spot.items[0]?.id, 'spot-check item'),
    sweep: sweep.id,
    offer: offer.id,
    spareOffer: spareOffer.id,
    publication,
    demandItem,
    spareDemandItem,
    spareUnit,
    institution,
    spareInstitution,
    appliedClass,
    approvedClass,
    completedClass,
    trainee,
    traineeIdNumber,
    certificate,
    ...employment,
  };
}

/**
 * A graduate registered unemployed (so a case opens), a spare registration, and certifications
 * filed and certified. The other region (甘肃 城关区) has no category list in force, so its
 * certifications are written directly: the routes only have to not find them.
 */
async function employmentRecords(s: Scope, clerk: Client, reviewer: Client) {
  const region = regionOf(s);
  const register = async (personId: string) => (await post(clerk, '/api/v1/employment-services/registrations', { personId, kind: 'unemployment', regionCode: region, basis: 'residence', startsOn: '2026-11-01' })).id;
  const registrant = await freshPerson(s, [{ kind: 'graduation', data: { date: '2026-06-30', institution: 'university' } }]);
  const registration = await register(registrant);
  const spareRegistration = await register(await freshPerson(s));
  const assistanceCase = (await app.database.db.selectFrom('assistance_case').select('id').where('person_id', '=', registrant).executeTakeFirstOrThrow()).id;
  const file = async () => {
    const personId = await freshPerson(s);
    if (s === 'own') return (await post(clerk, '/api/v1/employment-services/certifications', { personId, category: 'disabled', evidence: '残疾人证' })).id;
    const row = { person_id: personId, region_code: region, category: 'disabled', evidence: '残疾人证', state: 'filed' as const, filed_by: clerk.accountId };
    return (await app.database.db.insertInto('hardship_certification').values(row).returning('id').executeTakeFirstOrThrow()).id;
  };
  const certification = await file();
  const certified = await file();
  if (s === 'own') await post(reviewer, `/api/v1/employment-services/certifications/${certified}/decision`, { certify: true }, 200);
  else await app.database.db.updateTable('hardship_certification').set({ state: 'certified', decided_by: reviewer.accountId, valid_from: '2026-11-23' }).where('id', '=', certified).execute();
  return { registrant, registration, spareRegistration, certification, certified, assistanceCase };
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  const training = {} as Record<Scope, Training>;
  for (const s of ['own', 'other'] as const) {
    setupClerks[s] = await staff(app, `mx-clerk-${regionOf(s)}`, ['clerk'], regionOf(s));
    training[s] = await openClasses(s, setupClerks[s], await staff(app, `mx-clerk2-${regionOf(s)}`, ['clerk'], regionOf(s)));
  }
  // Three weeks on, the classes have ended; sessions from before do not survive the move.
  clock.setDate('2026-11-23');
  for (const s of ['own', 'other'] as const) setupClerks[s] = await login(app, `mx-clerk-${regionOf(s)}`);
  for (const role of ROLES) {
    callers[role] =
      role === 'applicant'
        ? await applicant(app, { kind: 'person', idNumber: idNumber('2004-05-05', 'female', OWN), name: '申请人', regionCode: OWN, username: 'matrix-applicant' })
        : await staff(app, `matrix-${role}`, [role], OWN);
  }
  await staff(app, 'mx-login', ['auditor'], OWN);
  const me = (await callers.applicant.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account.personId;
  mutable.own = await setUpRegion('own', training.own, me);
  mutable.other = await setUpRegion('other', training.other, null);
}, 180_000);

afterAll(async () => {
  // POST /api/v1/sweeps starts a sweep in the background: let it finish before the database closes.
  for (let i = 0; i < 200 && (await app.database.db.selectFrom('sweep_job').select('id').where('state', '=', 'running').execute()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  await app.close();
});

// ── the routes ──

/**
 * Refusals that come from the access check itself, not from the route. (A transition the caller's
 * role may not take is also FORBIDDEN; the transitions row gives each role a step of its own.)
 */
const ACCESS_REFUSALS = new Set(['NOT_AUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED']);
const isDocs = (url: string) => /^\/api\/docs(\/|$)/.test(url);
const routeKey = (method: string, url: string) => `${method} ${url}`;

function serverRoutes(): { routes: Set<string>; headOnly: string[]; headMismatch: string[] } {
  const api = registered.filter((r) => r.url.startsWith('/api') && !isDocs(r.url));
  const gets = new Map(api.filter((r) => r.method === 'GET').map((r) => [r.url, r.access]));
  // Fastify answers HEAD for every GET with the GET's route; those are checked with their GET row.
  const heads = api.filter((r) => r.method === 'HEAD');
  return {
    routes: new Set(api.filter((r) => r.method !== 'HEAD' || !gets.has(r.url)).map((r) => routeKey(r.method, r.url))),
    headOnly: heads.filter((r) => !gets.has(r.url)).map((r) => r.url),
    headMismatch: heads.filter((r) => gets.has(r.url) && JSON.stringify(gets.get(r.url)) !== JSON.stringify(r.access)).map((r) => r.url),
  };
}

/** The router's printout (a tree, one path segment per line, methods in brackets) read back as routes. */
function printedRoutes(printout: string): Set<string> {
  const out = new Set<string>();
  const path: string[] = [];
  for (const line of printout.split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    path.length = (m[1] ?? '').length / 4;
    path.push(m[2] ?? '');
    const url = path.join('');
    if (url.startsWith('/api') && !isDocs(url)) for (const method of m[3]?.split(', ') ?? []) out.add(routeKey(method, url));
  }
  return out;
}

describe('the matrix covers every route', () => {
  it('lists each route the server registers under /api, and no route it does not', () => {
    const { routes, headOnly, headMismatch } = serverRoutes();
    expect(routes.size, 'the onRoute hook saw no routes').toBeGreaterThan(50);
    const table = MATRIX.map((r) => routeKey(r.method, r.route));
    expect(table.filter((k, i) => table.indexOf(k) !== i), 'rows listed twice').toEqual([]);
    const missing = [...routes].filter((k) => !table.includes(k)).sort();
    expect(missing, `routes the server registers that authorization-matrix.table.ts does not cover — add a row for each, saying by hand who may call it:\n  ${missing.join('\n  ')}\n`).toEqual([]);
    const stale = table.filter((k) => !routes.has(k));
    expect(stale, `rows in authorization-matrix.table.ts for routes the server no longer registers:\n  ${stale.join('\n  ')}\n`).toEqual([]);
    expect(headOnly, 'HEAD routes without a GET').toEqual([]);
    expect(headMismatch, 'HEAD routes whose access differs from their GET').toEqual([]);
  });

  it('saw the same routes as the router itself lists', () => {
    const printed = printedRoutes(app.http.printRoutes({ commonPrefix: false }));
    const hooked = new Set(registered.filter((r) => r.url.startsWith('/api') && !isDocs(r.url)).map((r) => routeKey(r.method, r.url)));
    expect([...printed].filter((k) => !hooked.has(k)).sort(), 'in the router but not seen by the hook').toEqual([]);
    expect([...hooked].filter((k) => !printed.has(k)).sort(), 'seen by the hook but not in the router').toEqual([]);
  });
});

const codeOf = (res: LightMyRequestResponse): string | undefined => {
  try {
    return res.json<{ code?: string }>().code;
  } catch {
    return undefined;
  }
};
const is2xx = (status: number) => status >= 200 && status < 300;
const send = (client: Client | null, method: string, call: Call) =>
  client
    ? client.request(method as 'GET', call.url, call.body, call.headers)
    : app.http.inject({ method: method as 'GET', url: call.url, ...(call.headers ? { headers: call.headers } : {}), ...(call.body !== undefined ? { payload: call.body as object } : {}) });

async function checkPublic(row: Row): Promise<void> {
  const call = await row.call(fixtures, 'own', 'anonymous');
  const res = await send(null, row.method, call);
  expect(is2xx(res.statusCode) || (row.also ?? []).includes(res.statusCode), `anonymous: ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
  if (row.method === 'GET') expect((await send(null, 'HEAD', call)).statusCode, 'anonymous HEAD').toBe(res.statusCode);
}

async function checkProtected(row: Row, allowed: readonly Role[]): Promise<void> {
  const anonymousCall = await row.call(fixtures, 'own', 'anonymous');
  const anonymous = await send(null, row.method, anonymousCall);
  expect([anonymous.statusCode, codeOf(anonymous)], 'anonymous').toEqual([401, 'NOT_AUTHENTICATED']);
  if (row.method === 'GET') expect((await send(null, 'HEAD', anonymousCall)).statusCode, 'anonymous HEAD').toBe(401);

  for (const role of ROLES) {
    const caller = row.ownSession ? await login(app, callers[role].username) : callers[role];
    // A list is one call: the own region's record must be in it, the other's never.
    const scopes: readonly Scope[] = row.region === 'none' || row.region === 'list' || row.selfOnly?.includes(role) ? ['own'] : ['own', 'other'];
    for (const scope of scopes) {
      const call = await row.call(fixtures, scope, role);
      const res = await send(caller, row.method, call);
      const code = codeOf(res);
      const where = `${role} on the ${scope} region: ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (row.method === 'GET') expect((await send(caller, 'HEAD', call)).statusCode, `HEAD as ${where}`).toBe(res.statusCode);
      if (!allowed.includes(role)) {
        expect([res.statusCode, code], where).toEqual([403, 'FORBIDDEN']);
        continue;
      }
      expect(ACCESS_REFUSALS.has(code ?? ''), `refused by the access check: ${where}`).toBe(false);
      if (row.region === 'list') {
        expect(res.statusCode, where).toBe(200);
        const marker = row.marker ?? (() => '');
        expect(res.body.includes(marker(fixtures.other)), `the other region leaks into the list: ${where}`).toBe(false);
        if (role !== 'applicant') expect(res.body.includes(marker(fixtures.own)), `own record missing from the list: ${where}`).toBe(true);
      } else if (scope === 'other') {
        // The other region's record is not found; a record for the other region is not made.
        expect(row.region === 'record' ? [404] : [403, 404, 422], where).toContain(res.statusCode);
      } else if (row.notOwn?.includes(role)) {
        expect([403, 404], where).toContain(res.statusCode);
      } else {
        expect(is2xx(res.statusCode) || (row.also ?? []).includes(res.statusCode), where).toBe(true);
      }
    }
  }
}

describe('authorization matrix', () => {
  it.each(MATRIX.map((row) => [`${row.method} ${row.route}`, row] as const))('%s', async (_, row) => {
    if (row.allowed === 'public') await checkPublic(row);
    else await checkProtected(row, row.allowed);
  });

  it('the applicant sees their own records and only those', async () => {
    const me = callers.applicant;
    const personId = (await me.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account.personId;
    expectOk(await me.request('GET', `/api/v1/people/${personId}`));
    // The matrix filed a draft and confirmed an offer for them; the region has many more applications.
    const list = (await me.request('GET', '/api/v1/applications')).json<{ applications: { applicant: { id: string } }[] }>().applications;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((a) => a.applicant.id !== personId)).toEqual([]);
  });
});

/** Authorization bugs this matrix found, kept as the behaviour that is wanted. */
describe('authorization bugs the matrix found', () => {
  const rosterCheck = (caller: Client, r: Records, name = `学员${r.region}`) =>
    caller.request('POST', '/api/v1/training/roster-check', Buffer.from(`姓名,身份证号码\r\n${name},${r.traineeIdNumber}\r\n`), { 'content-type': 'text/csv' });

  // POST /api/v1/training/roster-check once looked every ID number up in the whole registry for
  // any caller: any applicant learnt whether an ID number is registered and under which name.
  it('an applicant who is not a training institution cannot check a roster against the registry', async () => {
    const res = await rosterCheck(callers.applicant, fixtures.other);
    expect([403, 404]).toContain(res.statusCode);
  });

  it('a clerk checking a roster does not find people outside their regions', async () => {
    const res = await rosterCheck(callers.clerk, fixtures.other);
    expect(res.statusCode).toBe(422);
  });
});
