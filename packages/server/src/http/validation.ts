import { Ajv, type Options } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { languageOf, VALIDATION_DETAILS } from '../i18n/messages.js';
import { AppError } from './errors.js';

/**
 * Request validation. Bodies are JSON and are taken exactly: an unknown field or a number sent as a
 * string is an error, because a typo must not change a decision. Query strings and path parameters
 * are text by nature, so there `?limit=20` may become the number 20.
 */
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };
const exact = addFormats(new Ajv({ ...common, coerceTypes: false }));
const coercing = addFormats(new Ajv({ ...common, coerceTypes: true }));

/**
 * Whole numbers go into `integer` columns unless a schema says otherwise, so a schema that sets no
 * bound gets the column's: past it PostgreSQL refuses the value (22003) and the caller would see a
 * server error instead of the field at fault. Money (bigint columns) sets its own bound, `MAX_FEN`.
 */
export const INT4_MAX = 2_147_483_647;

const bounded = new WeakMap<object, object>();

/** A copy of the schema whose unbounded integers are bounded; the route's own schema is left alone. */
export function withIntegerBounds(schema: object): object {
  let copy = bounded.get(schema);
  if (!copy) {
    copy = bound(schema) as object;
    // The same object back for the same schema, so Ajv's cache (by object) still works.
    bounded.set(schema, copy);
  }
  return copy;
}

function bound(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(bound);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node))
    out[key] = key === 'const' || key === 'default' || key === 'enum' || key === 'examples' ? value : bound(value);
  // A union of literals (TypeBox's Type.Union of Type.Literal) checked as one enum, so a wrong value
  // is told the values allowed, not "must be equal to constant" of the first.
  if (Array.isArray(out.anyOf) && out.anyOf.length > 0 && out.anyOf.every(isLiteral)) {
    const { anyOf, ...rest } = out;
    return { ...rest, enum: (anyOf as { const: unknown }[]).map((b) => b.const) };
  }
  const types = Array.isArray(out.type) ? out.type : [out.type];
  if (types.includes('integer')) {
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = INT4_MAX;
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = -INT4_MAX;
  }
  return out;
}

function isLiteral(node: unknown): boolean {
  return (
    !!node &&
    typeof node === 'object' &&
    'const' in node &&
    Object.keys(node).every((k) => k === 'const' || k === 'type' || k === 'description')
  );
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(withIntegerBounds(schema as object)) as ReturnType<
    FastifySchemaCompiler<unknown>
  >;

/**
 * PostgreSQL text cannot hold U+0000 (22021), and no form has a use for it, so it is refused in the
 * body, the query string and the path alike before any route reads them, naming the field. Routes
 * whose body is an uploaded file (a Buffer) are not looked into.
 */
export function refuseNulCharacters(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const field = nulField({ params: request.params, query: request.query, body: request.body });
  if (field === undefined) return done();
  const language = languageOf(request.headers['accept-language']);
  done(new AppError('VALIDATION_FAILED', 400, field, { detail: VALIDATION_DETAILS.nul[language] }));
}

/** A field (`applicant.name`, `roster[2]`) holding a NUL, in a key or a value. */
function nulField(parts: Record<string, unknown>): string | undefined {
  // A stack rather than recursion: a body nested thousands deep must not overflow the call stack.
  const stack: [string, unknown][] = Object.values(parts).map((part) => ['', part]);
  while (stack.length > 0) {
    const [path, value] = stack.pop() as [string, unknown];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([`${path}[${i}]`, item]));
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return at.replaceAll('\u0000', '\\u0000');
        stack.push([at, item]);
      }
    }
  }
  return undefined;
}
