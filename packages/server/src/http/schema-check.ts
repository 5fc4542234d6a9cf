import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from './errors.js';

/**
 * Checks a value against a schema outside a route (an import row, a fact's data whose schema
 * depends on its kind) and throws the same errors a route's schema would, naming the field.
 */
export function assertMatches(schema: TSchema, value: unknown, field: string): void {
  if (Value.Check(schema, value)) return;
  const errors = Value.Errors(schema, value) as unknown as {
    keyword: string;
    instancePath: string;
    params: Record<string, unknown>;
    message: string;
  }[];
  const first =
    errors.find((e) => e.keyword === 'required') ??
    errors.find((e) => e.keyword === 'additionalProperties') ??
    errors[0];
  const path = joinPath(field, first?.instancePath ?? '');
  if (first?.keyword === 'required') {
    const missing = (first.params.requiredProperties as string[] | undefined)?.[0] ?? '';
    const f = joinPath(path, `/${missing}`);
    throw new AppError('REQUIRED_FIELD', 400, f);
  }
  if (first?.keyword === 'additionalProperties') {
    const extra = (first.params.additionalProperties as string[] | undefined)?.[0] ?? '';
    throw new AppError('UNKNOWN_FIELD', 400, joinPath(path, `/${extra}`));
  }
  throw new AppError('VALIDATION_FAILED', 400, path, { detail: first?.message ?? '' });
}

function joinPath(prefix: string, instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), prefix);
}
