import { Ajv, type Options } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation. Bodies are JSON and are taken exactly: an unknown field or a number sent as a
 * string is an error, because a typo must not change a decision. Query strings and path parameters
 * are text by nature, so there `?limit=20` may become the number 20.
 */
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const common: Options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false };
const exact = addFormats(new Ajv({ ...common, coerceTypes: false }));
const coercing = addFormats(new Ajv({ ...common, coerceTypes: true }));

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
