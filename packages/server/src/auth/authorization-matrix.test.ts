import type * as FastifyModule from 'fastify';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { ROLES, type Role } from './roles.js';
import { app, callers, fixtures } from './authorization-matrix.test-kit.js';
import { expectOk, login, type Client } from '../testing/fixtures.js';
import { MATRIX, type Call, type Records, type Row, type Scope } from './authorization-matrix.table.js';

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
      for (const method of [route.method].flat())
        registered.push({ method, url: route.url, access: (route.config as { access?: unknown } | undefined)?.access });
    });
    return instance;
  };
  return { ...original, default: factory, fastify: factory };
});

// ── the routes ──

/**
 * Refusals that come from the access check itself, not from the route. (A transition the caller's
 * role may not take is also FORBIDDEN; the transitions row gives each role a step of its own.)
 */
const ACCESS_REFUSALS = new Set([
  'NOT_AUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
]);
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
    headMismatch: heads
      .filter((r) => gets.has(r.url) && JSON.stringify(gets.get(r.url)) !== JSON.stringify(r.access))
      .map((r) => r.url),
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
    if (url.startsWith('/api') && !isDocs(url))
      for (const method of m[3]?.split(', ') ?? []) out.add(routeKey(method, url));
  }
  return out;
}

describe('the matrix covers every route', () => {
  it('lists each route the server registers under /api, and no route it does not', () => {
    const { routes, headOnly, headMismatch } = serverRoutes();
    expect(routes.size, 'the onRoute hook saw no routes').toBeGreaterThan(50);
    const table = MATRIX.map((r) => routeKey(r.method, r.route));
    expect(
      table.filter((k, i) => table.indexOf(k) !== i),
      'rows listed twice',
    ).toEqual([]);
    const missing = [...routes].filter((k) => !table.includes(k)).sort();
    expect(
      missing,
      `routes the server registers that authorization-matrix.table.ts does not cover — add a row for each, saying by hand who may call it:\n  ${missing.join('\n  ')}\n`,
    ).toEqual([]);
    const stale = table.filter((k) => !routes.has(k));
    expect(
      stale,
      `rows in authorization-matrix.table.ts for routes the server no longer registers:\n  ${stale.join('\n  ')}\n`,
    ).toEqual([]);
    expect(headOnly, 'HEAD routes without a GET').toEqual([]);
    expect(headMismatch, 'HEAD routes whose access differs from their GET').toEqual([]);
  });

  it('saw the same routes as the router itself lists', () => {
    const printed = printedRoutes(app.http.printRoutes({ commonPrefix: false }));
    const hooked = new Set(
      registered.filter((r) => r.url.startsWith('/api') && !isDocs(r.url)).map((r) => routeKey(r.method, r.url)),
    );
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
    : app.http.inject({
        method: method as 'GET',
        url: call.url,
        ...(call.headers ? { headers: call.headers } : {}),
        ...(call.body !== undefined ? { payload: call.body as object } : {}),
      });

async function checkPublic(row: Row): Promise<void> {
  const call = await row.call(fixtures, 'own', 'anonymous');
  const res = await send(null, row.method, call);
  expect(
    is2xx(res.statusCode) || (row.also ?? []).includes(res.statusCode),
    `anonymous: ${res.statusCode} ${res.body.slice(0, 300)}`,
  ).toBe(true);
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
    const scopes: readonly Scope[] =
      row.region === 'none' || row.region === 'list' || row.selfOnly?.includes(role) ? ['own'] : ['own', 'other'];
    for (const scope of scopes) {
      const call = await row.call(fixtures, scope, role);
      const res = await send(caller, row.method, call);
      const code = codeOf(res);
      const where = `${role} on the ${scope} region: ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (row.method === 'GET')
        expect((await send(caller, 'HEAD', call)).statusCode, `HEAD as ${where}`).toBe(res.statusCode);
      if (!allowed.includes(role)) {
        expect([res.statusCode, code], where).toEqual([403, 'FORBIDDEN']);
        continue;
      }
      expect(ACCESS_REFUSALS.has(code ?? ''), `refused by the access check: ${where}`).toBe(false);
      if (row.region === 'list') {
        expect(res.statusCode, where).toBe(200);
        const marker = row.marker ?? (() => '');
        expect(res.body.includes(marker(fixtures.other)), `the other region leaks into the list: ${where}`).toBe(false);
        if (role !== 'applicant')
          expect(res.body.includes(marker(fixtures.own)), `own record missing from the list: ${where}`).toBe(true);
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
    const personId = (await me.request('GET', '/api/v1/session')).json<{ account: { personId: string } }>().account
      .personId;
    expectOk(await me.request('GET', `/api/v1/people/${personId}`));
    // The matrix filed a draft and confirmed an offer for them; the region has many more applications.
    const list = (await me.request('GET', '/api/v1/applications')).json<{
      applications: { applicant: { id: string } }[];
    }>().applications;
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((a) => a.applicant.id !== personId)).toEqual([]);
  });
});

/** Authorization bugs this matrix found, kept as the behaviour that is wanted. */
describe('authorization bugs the matrix found', () => {
  const rosterCheck = (caller: Client, r: Records, name = `学员${r.region}`) =>
    caller.request(
      'POST',
      '/api/v1/training/roster-check',
      Buffer.from(`姓名,身份证号码\r\n${name},${r.traineeIdNumber}\r\n`),
      { 'content-type': 'text/csv' },
    );

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
