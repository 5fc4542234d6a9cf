import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber } from '../../../policy/src/testing/builders.js';
import { expectOk, login, PASSWORD, type Client } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Binding through the province's unified identity service, against a provider on this machine that
 * speaks OpenID Connect: discovery, a signed ID token, the code exchange.
 */
let app: TestApp;
let provider: Server;
let issuer = '';
let key: CryptoKey;
/** What the provider will say of the next code it hands out. */
const issued = new Map<string, { nonce: string; claims: Record<string, string> }>();
let n = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  key = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  provider = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? '';
        const grant = issued.get(code);
        issued.delete(code);
        if (!grant) {
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ error: 'invalid_grant' }));
        }
        void new SignJWT({ nonce: grant.nonce, ...grant.claims })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(issuer)
          .setAudience('huimin')
          .setSubject(`sub-${code}`)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(key)
          .then((idToken) => json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  app = await startTestApp({
    oidc: {
      issuer,
      clientId: 'huimin',
      clientSecret: 'secret',
      redirectUri: 'http://localhost/api/v1/identity/oidc/callback',
      scope: 'openid profile',
      idNumberClaim: 'id_number',
      nameClaim: 'name',
      creditCodeClaim: 'credit_code',
      allowHttp: true,
    },
  });
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => provider.close(resolve));
});

async function registered(id: string, name: string): Promise<Client> {
  const username = `oidc${++n}`;
  expectOk(
    await app.http.inject({
      method: 'POST',
      url: '/api/v1/register',
      payload: { kind: 'person', idNumber: id, name, regionCode: '510104', username, password: PASSWORD },
    }),
    201,
  );
  return login(app, username);
}

/** Starts a round, lets the "provider" vouch for `claims`, and follows the browser back. */
async function round(
  me: Client,
  claims: Record<string, string>,
  options: { sameBrowser: boolean } = { sameBrowser: true },
) {
  const started = await me.request('GET', '/api/v1/identity/oidc/authorization');
  expectOk(started);
  const browserKey = String(started.headers['set-cookie']).split(';')[0] ?? '';
  const authorize = new URL(started.json<{ url: string }>().url);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const code = `code-${++n}`;
  issued.set(code, { nonce: authorize.searchParams.get('nonce') ?? '', claims });
  return app.http.inject({
    method: 'GET',
    url: `/api/v1/identity/oidc/callback?code=${code}&state=${authorize.searchParams.get('state') ?? ''}`,
    headers: options.sameBrowser ? { cookie: browserKey } : {},
  });
}

describe('binding through the unified identity service (统一身份认证)', () => {
  it('the identity the provider vouches for binds the account, and a person new to the registry is recorded', async () => {
    const id = idNumber('1994-04-14');
    const me = await registered(id, '认证用户');
    const back = await round(me, { id_number: id, name: '认证用户' });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/#/identity?bound=1');
    expect((await me.request('GET', '/api/v1/identity')).json()).toMatchObject({
      bound: true,
      via: 'oidc',
      methods: { oidc: true },
    });
  });

  it('a round finished in another browser (someone else’s login on the attacker’s round) binds nothing', async () => {
    const id = idNumber('1994-05-15');
    const me = await registered(id, '乙用户');
    const back = await round(me, { id_number: id, name: '乙用户' }, { sameBrowser: false });
    expect(back.headers.location).toBe('/#/identity?error=OIDC_FAILED');
    expect((await me.request('GET', '/api/v1/identity')).json()).toMatchObject({ bound: false });
  });

  it('an identity other than the one the account registered with is refused', async () => {
    const me = await registered(idNumber('1994-06-16'), '丙用户');
    const back = await round(me, { id_number: idNumber('1970-01-01'), name: '别人' });
    expect(back.headers.location).toBe('/#/identity?error=OIDC_IDENTITY_MISMATCH');
    expect((await me.request('GET', '/api/v1/identity')).json()).toMatchObject({ bound: false });
  });
});
