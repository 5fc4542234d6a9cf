import type { FastifyRequest } from 'fastify';
import { stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';

/**
 * The one logger configuration (the server and the tests share it). Logs leave the platform for
 * whoever runs it, so they must carry no personal data: a search by ID number or name is a query
 * string (`/api/v1/people?idNumber=…`), so request lines keep the path only, and any field that
 * names a person, their number, phone, bank account, address or a secret is redacted wherever a
 * log object carries it.
 */
export interface LogSettings {
  readonly level: string;
  /** Where lines go; standard output by default (tests capture them). */
  readonly stream?: DestinationStream;
}

/** Fields of request bodies, views and facts that identify a person or open an account. */
const PERSONAL = [
  'idNumber',
  'name',
  'displayName',
  'phone',
  'password',
  'currentPassword',
  'newPassword',
  'bankAccount',
  'accountNumber',
  'accountName',
  'address',
  'token',
  'csrfToken',
];
const HEADERS = ['cookie', 'authorization', '"x-csrf-token"', '"x-forwarded-for"'];

export const REDACTED_PATHS = [
  ...HEADERS.map((h) => `req.headers[${h}]`),
  'res.headers["set-cookie"]',
  // pino's wildcard spans one level: these reach a field at the top and two levels down.
  ...PERSONAL.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/** A request as its log line shows it: the path without the query string. */
export function requestLine(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: request.url.split('?', 1)[0], remoteAddress: request.ip };
}

/**
 * An error as its log line shows it. A database error's `detail` and `where` quote the row or the
 * value it refused ("Failing row contains (…)"), and the embedded driver's `params` are the values
 * sent: personal data, so they are left out.
 */
export function errorLine(error: Error): Record<string, unknown> {
  const {
    detail: _detail,
    where: _where,
    params: _params,
    ...kept
  } = stdSerializers.err(error) as Record<string, unknown>;
  return kept;
}

export function loggerOptions(settings: LogSettings): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: settings.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: requestLine as never, err: errorLine as never },
    ...(settings.stream ? { stream: settings.stream } : {}),
  };
}
