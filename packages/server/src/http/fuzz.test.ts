import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, idNumber } from '../../../policy/src/testing/builders.js';
import { STAFF_ROLES, type Role } from '../auth/roles.js';
import { applicant, expectOk, staff, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every operation of the OpenAPI document, sent a fixed list of malformed requests, anonymously
 * and with a session that passes its permission check. Malformed input is the caller's fault, so
 * no answer may be 5xx. Deterministic: the variants are written out and the few generated values
 * come from a fixed seed; bounded at about twenty variants per operation.
 */
interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  example?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema: Schema;
  example?: unknown;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
}
/** Records that exist, so a variant can reach past "not found". */
interface Ids {
  byPath(path: string): string;
}
interface Variant {
  name: string;
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  /** A raw payload with its content type; `json` is serialised. */
  payload?: { type: string; raw: string } | { json: unknown };
}

const SEED = 20_261_121;
const UUID = '3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c';
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const LONG = 'x'.repeat(100_000);
/** Values the common patterns accept and the services know (a region that exists, a real date). */
const GOOD: Record<string, string> = {
  '^\\d{6}$': '510104',
  '^[0-9]{6}$': '510104',
  '^\\d{4}-\\d{2}-\\d{2}$': '2026-03-02',
  '^\\d{4}-\\d{2}$': '2026-03',
};
const MULTIPART = ['--fuzz', 'Content-Disposition: form-data; name="a"', '', '1', '--fuzz--', ''].join('\r\n');

/** A value shaped like the schema, so mutations reach past the first check. */
function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return 'x';
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (choice) return sample(choice, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = sample(sub, depth + 1);
      const extra =
        typeof schema.additionalProperties === 'object'
          ? schema.additionalProperties
          : Object.values(schema.patternProperties ?? {})[0];
      if (extra) out.k = sample(extra, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? Math.min(1, schema.maximum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'uuid') return UUID;
      if (schema.pattern) return GOOD[schema.pattern] ?? shaped(schema.pattern);
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'x';
  }
}

/** A string matching the pattern but otherwise arbitrary: `2024-13-45` for a date. */
function shaped(pattern: string): string {
  return fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: SEED, numRuns: 1 })[0] ?? 'x';
}

/** Where each leaf of a sample sits, so one leaf at a time can be spoilt. */
function leaves(value: unknown, at: (string | number)[] = []): { at: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ at, value }];
}
function setAt(value: unknown, at: readonly (string | number)[], leaf: unknown): unknown {
  const [head, ...rest] = at;
  if (head === undefined) return leaf;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}
function mapLeaves(value: unknown, leaf: (v: unknown) => unknown): unknown {
  return leaves(value).reduce((acc, l) => setAt(acc, l.at, leaf(l.value)), value);
}
/** Every string that the pattern shapes is replaced by its nonsense twin (a month 13, a day 45). */
function nonsense(schema: Schema | undefined, value: unknown): unknown {
  if (!schema || value === null || value === undefined) return value;
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (choice) return nonsense(choice, value);
  if (typeof value === 'string' && schema.pattern) return shaped(schema.pattern);
  if (Array.isArray(value)) return value.map((v) => nonsense(schema.items, v));
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nonsense(schema.properties?.[k], v)]));
  return value;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Leaves spoilt one at a time per kind of spoiling; the rest of the sample stays good. */
const MAX_LEAVES = 6;

function variantsOf(op: Operation, ids: Ids): Variant[] {
  const params = (where: 'path' | 'query') => op.parameters.filter((p) => p.in === where);
  const querySample = Object.fromEntries(params('query').map((p) => [p.name, text(p.example ?? sample(p.schema))]));
  const out: Variant[] = [{ name: 'sample' }];
  const eachPath = (name: string, value: string) =>
    params('path').length &&
    out.push({ name: `path ${name}`, path: Object.fromEntries(params('path').map((p) => [p.name, value])) });
  eachPath('not a uuid', 'not-a-uuid');
  eachPath('NUL', 'a\u0000b');
  eachPath('huge number', '99999999999999999999');
  eachPath('negative', '-1');
  eachPath('long', 'x'.repeat(3000));
  if (params('path').some((p) => p.name === 'id'))
    out.push({ name: 'path a real record', path: { id: ids.byPath(op.path) } });
  for (const p of params('query')) {
    const spoil = (name: string, value: string | string[]) =>
      out.push({ name: `query ${p.name} ${name}`, query: { ...querySample, [p.name]: value } });
    spoil('NUL', `${querySample[p.name] ?? ''}\u0000`);
    spoil('1e30', '1e30');
    spoil('huge number', '99999999999999999999');
    spoil('negative', '-2147483649');
    spoil('long', 'x'.repeat(10_000));
    spoil('repeated', [querySample[p.name] ?? '', querySample[p.name] ?? '']);
  }
  if (params('query').length)
    out.push({
      name: 'query pattern nonsense',
      query: Object.fromEntries(params('query').map((p) => [p.name, text(nonsense(p.schema, querySample[p.name]))])),
    });
  out.push({ name: 'query unknown field', query: { ...querySample, zzUnknown: '1' } });
  if (!BODY_METHODS.includes(op.method)) return out;
  const body = sample(op.body);
  const json = (name: string, value: unknown) => out.push({ name: `body ${name}`, payload: { json: value } });
  const raw = (name: string, type: string, value: string) =>
    out.push({ name: `body ${name}`, payload: { type, raw: value } });
  raw('form-encoded', 'application/x-www-form-urlencoded', 'a=1&b=%00');
  raw('multipart', 'multipart/form-data; boundary=fuzz', MULTIPART);
  raw('text/plain', 'text/plain', 'hello');
  raw('xml', 'application/xml', '<a/>');
  raw('no content type', '', '{}');
  raw('empty JSON', 'application/json', '');
  raw('broken JSON', 'application/json', '{"a":');
  raw('deeply nested', 'application/json', DEEP);
  raw('__proto__', 'application/json', '{"__proto__":{"polluted":true}}');
  json('array instead of object', [body]);
  json('null', null);
  json(
    'wrong types',
    mapLeaves(body, (v) =>
      typeof v === 'string' ? 12345 : typeof v === 'number' ? 'twelve' : typeof v === 'boolean' ? 'yes' : { x: 1 },
    ),
  );
  json(
    'negative numbers',
    mapLeaves(body, (v) => (typeof v === 'number' ? -2_147_483_649 : v)),
  );
  json(
    'numbers as strings',
    mapLeaves(body, (v) => (typeof v === 'number' ? String(v) : v)),
  );
  json(
    'long strings',
    mapLeaves(body, (v) => (typeof v === 'string' ? LONG : v)),
  );
  json('pattern nonsense', nonsense(op.body, body));
  json(
    'unknown field',
    body && typeof body === 'object' && !Array.isArray(body) ? { ...body, zzUnknown: 1 } : { zzUnknown: 1 },
  );
  const all = leaves(body);
  for (const l of all.filter((x) => typeof x.value === 'string').slice(0, MAX_LEAVES))
    json(`NUL in ${l.at.join('.')}`, setAt(body, l.at, `${String(l.value)}\u0000`));
  for (const l of all.filter((x) => typeof x.value === 'number').slice(0, MAX_LEAVES)) {
    json(`${l.at.join('.')} past int4`, setAt(body, l.at, 2_147_483_648));
    json(`${l.at.join('.')} past 2^53`, setAt(body, l.at, 2 ** 60));
    json(`${l.at.join('.')} 1e30`, setAt(body, l.at, 1e30));
  }
  return out;
}

interface Request {
  readonly method: InjectOptions['method'];
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly payload?: string;
}

function requestOf(op: Operation, v: Variant): Request {
  const sampled = (where: 'path' | 'query') =>
    Object.fromEntries(
      op.parameters.filter((p) => p.in === where).map((p) => [p.name, text(p.example ?? sample(p.schema))]),
    );
  const path = { ...sampled('path'), ...v.path };
  const query = Object.entries(v.query ?? sampled('query')).flatMap(([k, value]) =>
    (Array.isArray(value) ? value : [value]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
  );
  const url = `${op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? ''))}${query.length ? `?${query.join('&')}` : ''}`;
  const base: Request = { method: op.method as InjectOptions['method'], url };
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) return base;
  const payload = v.payload ?? { json: sample(op.body) };
  if ('json' in payload)
    return { ...base, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload.json) };
  return { ...base, headers: { 'content-type': payload.type }, payload: payload.raw };
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      ...(op.requestBody?.content['application/json']
        ? { body: op.requestBody.content['application/json'].schema }
        : {}),
    })),
  );
}

let app: TestApp;
let ids: Ids;
let sessions: Sessions;

/** One account per role, made when first needed; a session a variant ends (a logout) is replaced. */
class Sessions {
  private readonly clients = new Map<Role, Promise<Client>>();
  private made = 0;

  of(role: Role): Promise<Client> {
    let client = this.clients.get(role);
    if (!client) {
      const username = `fuzz-${role}-${++this.made}`;
      client =
        role === 'applicant'
          ? applicant(app, {
              kind: 'person',
              idNumber: idNumber('1990-03-07'),
              name: '模糊测试',
              regionCode: '510104',
              username,
            })
          : staff(app, username, [role], '510104');
      this.clients.set(role, client);
    }
    return client;
  }

  async send(role: Role, request: Request): Promise<LightMyRequestResponse> {
    const res = await (await this.of(role)).request(request.method, request.url, request.payload, request.headers);
    if (res.statusCode !== 401 || res.json<{ code: string }>().code !== 'SESSION_EXPIRED') return res;
    this.clients.delete(role);
    return (await this.of(role)).request(request.method, request.url, request.payload, request.headers);
  }

  /** The first role the route's permission check lets through (staff before applicants). */
  async roleFor(request: Request): Promise<Role> {
    const order: Role[] = [...STAFF_ROLES, 'applicant'];
    for (const role of order) {
      const res = await this.send(role, request);
      if (res.statusCode !== 403 || res.json<{ code: string }>().code !== 'FORBIDDEN') return role;
    }
    return 'clerk';
  }
}

async function created(client: Client, url: string, body: unknown): Promise<string> {
  const res = await client.request('POST', url, body);
  expectOk(res, 201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  app = await startTestApp();
  sessions = new Sessions();
  const clerk = await sessions.of('clerk');
  const person = await created(clerk, '/api/v1/people', {
    idNumber: idNumber('1988-08-08'),
    name: '测试人',
    regionCode: '510104',
  });
  const records: Record<string, string> = {
    people: person,
    organisations: await created(clerk, '/api/v1/organisations', {
      creditCode: creditCode('510104'),
      name: '测试单位',
      category: 'enterprise',
      regionCode: '510104',
    }),
    funds: await created(await sessions.of('finance'), '/api/v1/funds', {
      code: 'FUZZ-1',
      name: '测试资金',
      source: 'county-employment',
      year: 2026,
      regionCode: '510104',
    }),
    applications: await created(clerk, '/api/v1/applications', {
      subsidy: 'one-time-startup',
      personId: person,
      idempotencyKey: 'fuzz-application-1',
      submit: true,
    }),
  };
  ids = { byPath: (path) => records[path.split('/')[3] ?? ''] ?? UUID };
}, 60_000);
afterAll(() => app.close());

describe('every route answers malformed input without a server error', () => {
  it('sends each operation its malformed variants, anonymously and with a role that may call it', async () => {
    const doc = app.http.swagger() as unknown as Parameters<typeof operationsOf>[0];
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(90);
    const failures: string[] = [];
    const check = (who: string, op: Operation, v: Variant, res: LightMyRequestResponse) => {
      if (res.statusCode >= 500)
        failures.push(`${who} ${op.method} ${op.path} [${v.name}] → ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    let sent = 0;
    for (const op of operations) {
      const variants = variantsOf(op, ids);
      const role = await sessions.roleFor(requestOf(op, variants[0] as Variant));
      for (const v of variants) {
        const request = requestOf(op, v);
        check('anonymous', op, v, await app.http.inject(request));
        check(role, op, v, await sessions.send(role, request));
        sent += 2;
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(sent).toBeGreaterThan(2 * 15 * operations.length);
  }, 120_000);
});
