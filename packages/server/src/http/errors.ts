import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { languageOf, message, type ErrorCode } from '../i18n/messages.js';

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

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  errors?: readonly object[];
}

/** JSON-schema paths (`/applicant/idNumber`) read as the fields people see (`applicant.idNumber`). */
function fieldOf(instancePath: string, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

export function toErrorBody(error: FastifyError | AppError, request: FastifyRequest): { status: number; body: ErrorBody } {
  const language = languageOf(request.headers['accept-language']);
  if (error instanceof AppError) {
    const values = { field: error.field ?? '', ...error.values };
    return {
      status: error.statusCode,
      body: {
        code: error.code,
        message: message(error.code, language, values),
        ...(error.field ? { field: error.field } : {}),
        ...(error.details ? { errors: error.details } : {}),
      },
    };
  }
  if (error.validation) {
    const first = error.validation[0];
    const params = (first?.params ?? {}) as { missingProperty?: string; additionalProperty?: string };
    const field = fieldOf(first?.instancePath ?? '', params.missingProperty ?? params.additionalProperty);
    const code: ErrorCode = params.missingProperty ? 'REQUIRED_FIELD' : params.additionalProperty ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED';
    return { status: 400, body: { code, field, message: message(code, language, { field, detail: first?.message ?? '' }) } };
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, body: { code: 'MALFORMED_JSON', message: message('MALFORMED_JSON', language) } };
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: { code: 'BODY_TOO_LARGE', message: message('BODY_TOO_LARGE', language) } };
  if (error.statusCode === 404) return { status: 404, body: { code: 'NOT_FOUND', message: message('NOT_FOUND', language) } };
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: message('INTERNAL_ERROR', language) } };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: FastifyError | AppError): FastifyReply {
  const { status, body } = toErrorBody(error, request);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}
