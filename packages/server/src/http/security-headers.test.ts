import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { headersSetBy } from './security-headers.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('security headers', () => {
  it.each([
    ['an answer', '/api/health', 200],
    ['a refusal before any route runs (not logged in)', '/api/v1/people', 401],
  ])(
    '%s forbids framing and sniffing, sends no referrer, and has a content security policy for this origin only',
    async (_, url, status) => {
      const res = await app.http.inject({ url });
      expect(res.statusCode).toBe(status);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // Served over plain HTTP here (no HUIMIN_SECURE_COOKIES): no HSTS, no upgrading.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(csp).not.toContain('upgrade-insecure-requests');
    },
  );

  it('API answers are never stored, public or behind a login, errors included', async () => {
    const clerk = await staff(app, 'headers-clerk', ['clerk'], '510104');
    for (const res of [
      await app.http.inject({ url: '/api/v1/policies' }),
      await app.http.inject({ url: '/api/v1/regions' }),
      await clerk.request('GET', '/api/v1/people'),
      await app.http.inject({ url: '/api/v1/people' }),
      await app.http.inject({ url: '/api/v1/nothing' }),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('but the public lists, the same for everyone, may be kept on condition of asking again (decision 025)', async () => {
    for (const url of ['/api/v1/policies?region=510104', '/api/v1/disclosures?region=510104']) {
      const res = await app.http.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('public, no-cache');
      expect(res.headers.etag, url).toMatch(/^"[\w-]+"$/);
    }
  });

  it('Swagger UI at /api/docs still loads under the policy: its page and its own script files', async () => {
    const page = await app.http.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    // Only script files from this origin; no inline script the policy would block.
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map(
      (m) => new URL(m[1] ?? '', 'http://h/api/docs/').pathname,
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await app.http.inject({ url: src })).statusCode, src).toBe(200);
    expect((await app.http.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
  });

  it('takes helmet’s headers once, the same as helmet sets on a response, and refuses one that would not finish at once', () => {
    const middleware = helmet({ hsts: { maxAge: 60 }, referrerPolicy: { policy: 'no-referrer' } });
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    response.setHeader('x-powered-by', 'something');
    middleware(response.req, response, () => undefined);
    expect(headersSetBy(middleware)).toEqual(response.getHeaders());
    expect(() => headersSetBy((_req, _res, next) => void setImmediate(next))).toThrow(/synchronously/);
  });
});
