import { ALLOCATION_PRESETS } from '@huimin/policy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import { acceptFiles, XLSX_TYPE } from '../http/files.js';
import { calculate, inputTemplate, readInput, resultXlsx, scheme } from './allocation-service.js';

const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const SchemeSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    name: Text,
    citation: Type.Object({ document: Type.String(), article: Type.String() }),
    factors: Type.Array(Type.Object({ id: Type.String(), name: Text, indicators: Type.Array(Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]+$' }), name: Text, weightBp: Type.Integer({ minimum: 0, maximum: 10_000 }) })) }), { minItems: 1 }),
    coefficients: Type.Array(Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]+$' }), name: Text })),
    note: Type.Optional(Text),
  },
  { additionalProperties: false },
);
const Region = Type.Object(
  { region: Type.String({ pattern: '^\\d{6}$' }), values: Type.Record(Type.String(), Type.Integer({ minimum: 0 })), coefficients: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))) },
  { additionalProperties: false },
);
const Result = Type.Object({
  scheme: Type.String(),
  totalFen: Type.Integer(),
  cites: Type.String(),
  rows: Type.Array(Type.Object({ region: Type.String(), amountFen: Type.Integer(), sharesPpm: Type.Record(Type.String(), Type.Integer()), scorePpm: Type.Integer(), adjustedScorePpm: Type.Integer(), remainderFen: Type.Integer(), explanation: Text })),
});

/** The factor-method calculator: presets, the calculation from JSON or Excel, the result as Excel. */
export function allocationRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app);
    const tags = ['funds'];
    const access = { access: { permission: ['funds:manage', 'funds:read'] as const } } as const;

    app.get(
      '/api/v1/allocation/schemes',
      { config: { access: { permission: [...access.access.permission] } }, schema: { tags, summary: 'Preset allocation schemes (因素法方案), to use or edit', response: { 200: Type.Object({ schemes: Type.Array(SchemeSchema) }), ...PROTECTED_ERRORS } } },
      async () => ({ schemes: ALLOCATION_PRESETS as never }),
    );
    app.post(
      '/api/v1/allocation/calculations',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'Allocate a total among regions by a scheme (a preset id, or an edited scheme); exact to the 分',
          body: Type.Object({ scheme: Type.String(), customScheme: Type.Optional(SchemeSchema), totalFen: Type.Integer({ minimum: 0 }), regions: Type.Array(Region, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false }),
          response: { 200: Result, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const s = scheme(request.body.scheme, request.body.customScheme as never);
        const result = calculate(s, request.body.totalFen, request.body.regions);
        return { ...result, rows: [...result.rows] };
      },
    );
    app.get(
      '/api/v1/allocation/schemes/:scheme/template',
      { config: { access: { permission: [...access.access.permission] } }, schema: { tags, summary: 'The Excel input template of a preset scheme', params: Type.Object({ scheme: Type.String() }, { additionalProperties: false }) } },
      async (request, reply) => reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="allocation-${request.params.scheme}.xlsx"`).send(await inputTemplate(scheme(request.params.scheme))),
    );
    app.post(
      '/api/v1/allocation/schemes/:scheme/calculations',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'Allocate from a filled Excel template (the request body); ?format=xlsx returns the result as Excel',
          params: Type.Object({ scheme: Type.String() }, { additionalProperties: false }),
          querystring: Type.Object({ totalFen: Type.Integer({ minimum: 0 }), format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])) }, { additionalProperties: false }),
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_FILE', 415, 'file');
        const s = scheme(request.params.scheme);
        const result = calculate(s, request.query.totalFen, await readInput(s, request.body));
        if (request.query.format === 'xlsx') return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="allocation-result.xlsx"`).send(await resultXlsx(s, result));
        return result;
      },
    );
  };
}
