import type { ErrorObject } from 'ajv';
import localizeAll from 'ajv-i18n';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { fieldLabel, type FieldLabels } from '../i18n/field-labels.js';
import {
  languageOf,
  message,
  PATTERN_DETAILS,
  reasonOf,
  VALIDATION_DETAILS,
  VALIDATION_LIMITS,
  type ErrorCode,
  type Language,
} from '../i18n/messages.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's own words for some of its fields, used in its refusals (i18n/field-labels.ts). */
    fieldLabels?: FieldLabels;
  }
}

/** A failure the caller can act on: a code, the field it concerns, and values for the message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    readonly field?: string,
    readonly values: Record<string, string> = {},
    /** Several problems at once (each field of a form, each row of an import). */
    readonly details?: readonly object[],
  ) {
    super(code);
  }
}

/**
 * A refusal for now, not for ever (429): the answer carries `Retry-After` (RFC 9110 §10.2.3), so a
 * client or a proxy knows when the same request may succeed without reading the message.
 */
export class RateLimited extends AppError {
  constructor(
    code: ErrorCode,
    /** Seconds until the request may succeed; at least one. */
    readonly retryAfterSeconds: number,
    field?: string,
    values: Record<string, string> = {},
  ) {
    super(code, 429, field, values);
  }
}

/**
 * The detail of a VALIDATION_FAILED for a date before the first day allowed: “不能早于 2026-01-01” /
 * “cannot be before 2026-01-01”, which reads whole after “This field” beside a form's field too.
 */
export function notBefore(date: string): Record<string, string> {
  return inBoth('detail', `不能早于 ${date}`, `cannot be before ${date}`);
}

/** A message value in both languages (`detail.zh-CN`, `detail.en-US`): the caller sees theirs alone. */
export function inBoth(key: string, zh: string, en: string): Record<string, string> {
  return { [`${key}.zh-CN`]: zh, [`${key}.en-US`]: en };
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  /** The message without the field's name, to show under that field. */
  reason?: string;
  errors?: readonly object[];
}

/** `reason` for a field the caller can show it under, where the message has one. */
function besideField(field: string, reason: string | undefined): Pick<ErrorBody, 'field' | 'reason'> {
  if (!field) return {};
  return reason === undefined ? { field } : { field, reason };
}

/** JSON-schema paths (`/applicant/idNumber`) read as the fields people see (`applicant.idNumber`). */
function fieldOf(instancePath: string, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

type Localize = (errors: ErrorObject[]) => void;
const localize = localizeAll as unknown as Record<'zh' | 'en', Localize>;

/** Why the field failed, in the caller's language: ajv-i18n's words, ours where those would show a regex or a JSON type name. */
function detailOf(failure: FastifySchemaValidationError, language: Language): string {
  const pattern = (failure.params as { pattern?: unknown }).pattern;
  if (failure.keyword === 'pattern' && typeof pattern === 'string' && Object.hasOwn(PATTERN_DETAILS, pattern))
    return (PATTERN_DETAILS[pattern] as Record<Language, string>)[language];
  const ours =
    VALIDATION_DETAILS[
      (failure.keyword === 'type'
        ? `type.${String(failure.params.type)}`
        : failure.keyword === 'format'
          ? failure.params.format === 'date'
            ? 'format.date'
            : 'pattern'
          : failure.keyword) as keyof typeof VALIDATION_DETAILS
    ];
  if (ours) return ours[language];
  const limit = (failure.params as { limit?: unknown }).limit;
  if (Object.hasOwn(VALIDATION_LIMITS, failure.keyword) && typeof limit === 'number')
    return VALIDATION_LIMITS[failure.keyword as keyof typeof VALIDATION_LIMITS][language].replace('{n}', String(limit));
  const copy = { ...failure } as unknown as ErrorObject;
  localize[language === 'zh-CN' ? 'zh' : 'en']([copy]);
  // A list or a single value the field must take: name it, so the caller need not read the schema.
  const params = failure.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed =
    failure.keyword === 'enum'
      ? params.allowedValues
      : failure.keyword === 'const' && params.allowedValue !== undefined
        ? [params.allowedValue]
        : undefined;
  if (allowed) return `${copy.message ?? ''}${language === 'zh-CN' ? '：' : ': '}${allowed.map(String).join(', ')}`;
  return copy.message ?? '';
}

/**
 * A SQLSTATE of class 22 (data exception: 22021 a NUL byte, 22003 a number out of range, 22P02 bad
 * syntax, 22007/22008 a bad date) means a value from the request reached the database unchecked. The
 * schemas should have refused it; if one did not, it is still the caller's input at fault, not a 500.
 */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * A CHECK constraint of the database (23514) refused a value the request carried — a text of spaces
 * only, say, which the schema's length let through. The caller's input, named by the constraint's
 * column where its name follows `<table>_<column>_check`.
 */
function checkViolationField(error: unknown): string | undefined {
  const { code, constraint, table } = error as { code?: unknown; constraint?: unknown; table?: unknown };
  if (code !== '23514') return undefined;
  if (typeof constraint !== 'string' || typeof table !== 'string') return '';
  const column =
    constraint.startsWith(`${table}_`) && constraint.endsWith('_check') ? constraint.slice(table.length + 1, -6) : '';
  return /^[a-z][a-z0-9_]*$/.test(column) ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : '';
}

export function toErrorBody(
  error: FastifyError | AppError,
  request: FastifyRequest,
): { status: number; body: ErrorBody } {
  const language = languageOf(request.headers['accept-language']);
  const own = (request.routeOptions.config as { fieldLabels?: FieldLabels } | undefined)?.fieldLabels;
  if (error instanceof AppError) {
    const field = error.field ?? '';
    const values = {
      field,
      ...inBoth('field', fieldLabel(field, 'zh-CN', own), fieldLabel(field, 'en-US', own)),
      ...error.values,
    };
    return {
      status: error.statusCode,
      body: {
        code: error.code,
        message: message(error.code, language, values),
        ...besideField(field, reasonOf(error.code, language, values)),
        ...(error.details ? { errors: error.details } : {}),
      },
    };
  }
  if (error.validation) {
    const first = error.validation[0];
    const params = (first?.params ?? {}) as { missingProperty?: string; additionalProperty?: string };
    // A body that is not an object at all is named as the body.
    const field =
      fieldOf(first?.instancePath ?? '', params.missingProperty ?? params.additionalProperty) ||
      (error.validationContext ?? '');
    const code: ErrorCode = params.missingProperty
      ? 'REQUIRED_FIELD'
      : params.additionalProperty
        ? 'UNKNOWN_FIELD'
        : 'VALIDATION_FAILED';
    // A key the caller made up is named as sent; a field of ours by what people call it.
    const values = {
      field: code === 'UNKNOWN_FIELD' ? field : fieldLabel(field, language, own),
      detail: first ? detailOf(first, language) : '',
    };
    return {
      status: 400,
      body: {
        code,
        field,
        message: message(code, language, values),
        ...(code === 'UNKNOWN_FIELD' ? {} : besideField(field, reasonOf(code, language, values))),
      },
    };
  }
  // No parser for the body's type (a form post, multipart, XML): refused here for every route at once.
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return {
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: message('UNSUPPORTED_MEDIA_TYPE', language) },
    };
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, body: { code: 'MALFORMED_JSON', message: message('MALFORMED_JSON', language) } };
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, body: { code: 'BODY_TOO_LARGE', message: message('BODY_TOO_LARGE', language) } };
  if (error.statusCode === 404)
    return { status: 404, body: { code: 'NOT_FOUND', message: message('NOT_FOUND', language) } };
  if (isDataException(error))
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: message('INVALID_VALUE', language) } };
  const checked = checkViolationField(error);
  if (checked !== undefined)
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        ...(checked ? { field: checked } : {}),
        message: checked
          ? message('VALIDATION_FAILED', language, {
              field: fieldLabel(checked, language, own),
              detail: language === 'en-US' ? 'blank or not an allowed value' : '不能只有空白，或不是允许的值',
            })
          : message('INVALID_VALUE', language),
      },
    };
  // Fastify's own refusals of a request it could not read (a bad Content-Length, a forbidden
  // __proto__ key) carry a 4xx status: the request's fault, whatever the code.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return {
      status: error.statusCode,
      body: { code: 'MALFORMED_REQUEST', message: message('MALFORMED_REQUEST', language) },
    };
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: message('INTERNAL_ERROR', language) } };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: FastifyError | AppError): FastifyReply {
  const { status, body } = toErrorBody(error, request);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  // The database's own message quotes the value, which may be personal: the SQLSTATE only.
  else if (isDataException(error) || checkViolationField(error) !== undefined)
    request.log.warn({ sqlState: (error as { code: string }).code }, 'the database refused a value from the request');
  if (error instanceof RateLimited)
    reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return reply.status(status).send(body);
}
