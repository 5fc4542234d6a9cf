import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { accessControl, assertAccessDeclared, type CurrentSession } from '../auth/access.js';
import type { Actor } from '../auth/actor.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('the HTTP app', () => {
  it('GET /api/health answers with a database round trip', async () => {
    const res = await app.http.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('serves the OpenAPI document, which lists every API route', async () => {
    const res = await app.http.inject({ url: '/api/docs/json' });
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/policies', '/api/v1/policies/evaluate']),
    );
  });

  it('an unknown API path is a translated 404', async () => {
    const res = await app.http.inject({ url: '/api/v1/nothing', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Nothing is found at this address' });
  });

  it('refuses to register an API route that declares no access', async () => {
    const bare = Fastify();
    bare.addHook('onRoute', assertAccessDeclared);
    expect(() => bare.get('/api/v1/secret', async () => 'x')).toThrow(/declares no access/);
    const declared = Fastify();
    declared.addHook('onRoute', assertAccessDeclared);
    declared.get('/api/v1/open', { config: { access: { public: true } } }, async () => 'x');
    await expect(declared.ready()).resolves.toBeDefined();
  });

  it('checks the session once for a route and once for its HEAD, before the route’s own hooks, and never for a public route', async () => {
    const resumed: string[] = [];
    const session = {
      actor: { permissions: new Set(['registry:read']) } as unknown as Actor,
      csrfToken: 't',
      mustChangePassword: false,
      tokenHash: 'h',
    } satisfies CurrentSession;
    const server = Fastify();
    server.decorateRequest('session', null);
    server.addHook('onRoute', accessControl({ resume: async (token) => (resumed.push(token), session) }));
    let seenByRouteHook: unknown;
    server.get(
      '/api/v1/mine',
      {
        config: { access: { permission: 'registry:read' } },
        onRequest: async (request) => {
          seenByRouteHook = request.session;
        },
      },
      async (request) => ({ mine: request.session === session }),
    );
    server.get('/api/v1/open', { config: { access: { public: true } } }, async (request) => ({
      session: request.session,
    }));
    server.get('/api/v1/theirs', { config: { access: { permission: 'application:pay' } } }, async () => 'x');
    const cookie = 'huimin_session=abc';

    expect((await server.inject({ url: '/api/v1/mine', headers: { cookie } })).json()).toEqual({ mine: true });
    expect(resumed).toEqual(['abc']);
    expect(seenByRouteHook).toBe(session);
    expect((await server.inject({ method: 'HEAD', url: '/api/v1/mine', headers: { cookie } })).statusCode).toBe(200);
    expect(resumed).toHaveLength(2);
    expect((await server.inject({ url: '/api/v1/mine' })).statusCode).toBe(401);
    expect((await server.inject({ url: '/api/v1/theirs', headers: { cookie } })).statusCode).toBe(403);
    expect(resumed).toHaveLength(3);
    expect((await server.inject({ url: '/api/v1/open', headers: { cookie } })).json()).toEqual({ session: null });
    expect(resumed).toHaveLength(3);
  });
});
