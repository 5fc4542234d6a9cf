import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { assertAccessDeclared } from '../auth/access.js';

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
});
