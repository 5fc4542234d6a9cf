import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A public answer, the same for everyone who asks the same question while the data it was built
 * from is unchanged (decision 025): the body serialised once, its entity tag, and its compressed
 * forms, made the first time a client accepts them.
 */
export class PublicBody {
  readonly etag: string;
  /**
   * The body as UTF-8 bytes, encoded once: sent as a string, the list (37 kB, much of it Chinese)
   * was measured and encoded again for every request.
   */
  readonly bytes: Buffer;
  private gzip: Promise<Buffer> | undefined;
  private br: Promise<Buffer> | undefined;

  constructor(body: string) {
    this.bytes = Buffer.from(body, 'utf8');
    this.etag = `"${createHash('sha1').update(this.bytes).digest('base64url')}"`;
  }

  /** The body in the encoding the client prefers among those it accepts (br, gzip, or as it is). */
  encoded(acceptEncoding: string | undefined): { encoding?: 'br' | 'gzip'; payload: Promise<Buffer> | Buffer } {
    const encoding = preferredEncoding(acceptEncoding);
    // Quality 5: near the best ratio for JSON at a small part of quality 11's time.
    if (encoding === 'br')
      return {
        encoding,
        payload: (this.br ??= brotli(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })),
      };
    if (encoding === 'gzip') return { encoding, payload: (this.gzip ??= gzipped(this.bytes)) };
    return { payload: this.bytes };
  }

  /** Bytes kept for it in memory, counted generously (the compressed forms are far smaller). */
  get size(): number {
    return 2 * this.bytes.length;
  }
}

/** The encodings an Accept-Encoding header admits (those with a quality of zero are refused). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** The last Accept-Encoding header seen and what it chose: a browser sends the same one every time. */
let lastAsked: { header: string | undefined; encoding: 'br' | 'gzip' | undefined } = {
  header: undefined,
  encoding: undefined,
};

/** br if the header admits it, else gzip if it does, else none. */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (header === lastAsked.header) return lastAsked.encoding;
  const accepted = acceptedEncodings(header);
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  lastAsked = { header, encoding };
  return encoding;
}

/** Whether an If-None-Match header names this entity tag (weakly compared, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * Public answers kept in memory, keyed by the question and the version of the data they were built
 * from, so a changed version is simply a key not yet seen. Bounded by size, not only by count: a
 * page of a list can be large.
 */
export class PublicResponses {
  private readonly kept = new LRUCache<string, PublicBody>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (b) => b.size,
  });
  private readonly building = new Map<string, Promise<PublicBody>>();

  /** The kept answer for `key`, or one built now (once, however many ask for it at the same time). */
  async get(key: string, build: () => Promise<string>): Promise<PublicBody> {
    const kept = this.kept.get(key);
    if (kept) return kept;
    const pending = this.building.get(key);
    if (pending) return pending;
    const made = build().then((body) => new PublicBody(body));
    this.building.set(key, made);
    try {
      const body = await made;
      this.kept.set(key, body);
      return body;
    } finally {
      this.building.delete(key);
    }
  }

  clear(): void {
    this.kept.clear();
  }
}

/**
 * Sends a public answer: 304 when the client already has it, else the body compressed as the client
 * accepts. `maxAgeSeconds` 0 (the default) lets browsers and proxies keep it but makes them ask
 * again each time (`no-cache`), so nobody is shown a list the server has since changed; a positive
 * value lets them reuse it that long without asking.
 */
export async function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: PublicBody,
  maxAgeSeconds = 0,
): Promise<FastifyReply> {
  const fresh = matchesEtag(request.headers['if-none-match'], answer.etag);
  const { encoding, payload } = answer.encoded(fresh ? undefined : request.headers['accept-encoding']);
  const body = await payload;
  reply.header('cache-control', maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'public, no-cache');
  reply.header('etag', answer.etag);
  reply.header('vary', 'accept-encoding');
  if (fresh) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(body);
}
