import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The headers every response carries. The content security policy fits what is served from this
 * origin: the web UI (Vite's module scripts; antd writes its CSS-in-JS into <style> elements, hence
 * inline styles but no inline scripts) and Swagger UI at /api/docs (its own files only). Nothing
 * may frame the platform (clickjacking a payment approval), and API answers, which carry personal
 * data, are never stored by a browser or a proxy — except the public lists, which are the same for
 * everyone and are kept only on condition of asking again (decision 025).
 */
export async function registerSecurityHeaders(
  http: FastifyInstance,
  options: { readonly https: boolean },
): Promise<void> {
  // Fixed values only: a directive computed per request (a nonce) could not be taken once below.
  const directives = {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    // Over plain HTTP (the demo on localhost) upgrading would break every request.
    ...(options.https ? { upgradeInsecureRequests: [] } : {}),
  };
  if (Object.values(directives).some((values) => values.some((v: unknown) => typeof v === 'function')))
    throw new Error('a content security policy directive computed per request cannot be taken once');
  // helmet itself, built once: the Fastify wrapper builds the middleware anew for every request
  // (parsing the policy each time), which was a tenth of a cached public list's cost.
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives,
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // helmet's headers depend only on these options, never on the request: they are taken from it
  // once and set on each answer in one call. Run per request, its eleven middlewares each set a
  // header on Node's response one at a time, a twentieth of a kept public list's cost (decision 025).
  const headers = headersSetBy(setHeaders);
  http.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  http.addHook('onSend', (request, reply, payload, done) => {
    // Swagger UI's own script and style files may be cached, and the public lists that say so
    // themselves (`sendPublic`: the same for everyone, revalidated); nothing else under /api.
    const publicAnswer = String(reply.getHeader('cache-control') ?? '').startsWith('public');
    if (request.url.startsWith('/api') && !request.url.startsWith('/api/docs/static/') && !publicAnswer)
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * The headers a helmet middleware sets, by running it once on a response that only records them.
 * It must set them synchronously and read nothing of the request (no directive here is a function).
 * They are set on Fastify's reply, so an answer written past it (`reply.hijack()`, `reply.raw`)
 * would go without them: no route does.
 */
export function headersSetBy(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  let finished = false;
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously: its headers cannot be taken once');
  return headers;
}
