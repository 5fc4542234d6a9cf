import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../http/clock.js';
import { todayInShanghai } from '../http/today.js';
import type { TestApp } from './test-app.js';

/** Test helpers: a movable clock, staff accounts, and a logged-in HTTP client per account. */

export const PASSWORD = 'Test-pass-2026';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  static at(iso: string): TestClock {
    return new TestClock(new Date(iso));
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  today(): string {
    return todayInShanghai(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
  setDate(date: string): void {
    this.current = new Date(`${date}T10:00:00+08:00`);
  }
}

export interface Client {
  readonly username: string;
  readonly accountId: string;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export async function login(app: TestApp, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.http.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const { csrfToken, account } = res.json<{ csrfToken: string; account: { id: string } }>();
  return {
    username,
    accountId: account.id,
    request: (method, url, body, headers = {}) =>
      app.http.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

let hashed: Promise<string> | undefined;

/** A staff account made directly in the database (the admin API is tested on its own), logged in. */
export async function staff(
  app: TestApp,
  username: string,
  roles: string[],
  region: string,
  personId?: string,
): Promise<Client> {
  hashed ??= hashPassword(PASSWORD);
  await app.database.db
    .insertInto('account')
    .values({
      username,
      display_name: username,
      roles,
      region_code: region,
      person_id: personId ?? null,
      password_hash: await hashed,
    })
    .execute();
  return login(app, username);
}

const counters = new WeakMap<TestApp, Map<string, Promise<Client>>>();

/**
 * Registers an applicant through the public API, logs them in and binds the account to its registry
 * record the way a counter does it: a clerk who has seen the ID card issues an activation code (the
 * record is created if new; `category` is the unit's), and the applicant enters it.
 */
export async function applicant(app: TestApp, body: Record<string, unknown>): Promise<Client> {
  const { category, ...registration } = body;
  const res = await app.http.inject({
    method: 'POST',
    url: '/api/v1/register',
    payload: { password: PASSWORD, ...registration },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  // A province's counter clerk, made once per app and province.
  const province = `${String(registration.regionCode).slice(0, 2)}0000`;
  const ofApp = counters.get(app) ?? new Map<string, Promise<Client>>();
  counters.set(app, ofApp);
  if (!ofApp.has(province)) ofApp.set(province, staff(app, `fixture-counter-${province}`, ['clerk'], province));
  const counter = await (ofApp.get(province) as Promise<Client>);
  const { username: _u, ...identity } = registration;
  const issued = await counter.request('POST', '/api/v1/identity/activation-codes', {
    ...identity,
    ...(category ? { category } : {}),
  });
  if (issued.statusCode !== 201) throw new Error(`activation code: ${issued.statusCode} ${issued.body}`);
  const client = await login(app, String(body.username));
  const bound = await client.request('POST', '/api/v1/identity/binding', {
    verificationCode: issued.json<{ code: string }>().code,
  });
  if (bound.statusCode !== 200) throw new Error(`binding: ${bound.statusCode} ${bound.body}`);
  return client;
}

export function expectOk(res: LightMyRequestResponse, status = 200): void {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}

let funds = 0;

/** A county fund with money in it, so approvals in that region have something to commit. */
export async function fundRegion(
  app: TestApp,
  region: string,
  amountFen: number,
  source = 'county-employment',
): Promise<string> {
  const finance = await staff(app, `fund-officer-${++funds}`, ['finance'], region);
  const created = await finance.request('POST', '/api/v1/funds', {
    code: `TEST-${funds}`,
    name: '测试资金',
    source,
    year: 2026,
    regionCode: region,
  });
  expectOk(created, 201);
  const id = created.json<{ id: string }>().id;
  expectOk(await finance.request('POST', `/api/v1/funds/${id}/issuance`, { amountFen }));
  return id;
}
