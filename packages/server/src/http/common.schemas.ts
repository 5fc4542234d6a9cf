import { Type } from 'typebox';

export const ErrorBodySchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  /** The message without the field's name, to show under that field. */
  reason: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Unknown())),
});

/** The error responses every protected route may give. */
export const PROTECTED_ERRORS = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
} as const;

/**
 * The bound of a sum of money in 分: the columns are bigint, but a JSON number is exact only up to
 * 2^53, and an integer schema without a bound of its own is held to int4 (validation.ts).
 */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
