import { ALLOCATION_PRESETS, type Allocation, type AllocationScheme } from '@huimin/policy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../auth/access.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import { MAX_FEN, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import { calculate, inputTemplate, readInput, resultXlsx, scheme } from './allocation-service.js';
import type { PublicationService } from './publication-service.js';
import { RegionFigures, AllocationResult, SchemeSchema } from './allocation.schemas.js';

/** The factor-method calculator: presets, the calculation from JSON or Excel, the result as Excel. */
export function allocationRoutes(publications: PublicationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    const tags = ['funds'];
    const access = { access: { permission: ['funds:manage', 'funds:read'] as const } } as const;

    app.get(
      '/api/v1/allocation/schemes',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'Preset allocation schemes (因素法方案), to use or edit',
          response: { 200: Type.Object({ schemes: Type.Array(SchemeSchema) }), ...PROTECTED_ERRORS },
        },
      },
      async () => ({ schemes: structuredClone([...ALLOCATION_PRESETS]) as Static<typeof SchemeSchema>[] }),
    );
    app.post(
      '/api/v1/allocation/calculations',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'Allocate a total among regions by a scheme (a preset id, or an edited scheme); exact to the 分',
          body: Type.Object(
            {
              scheme: Type.String(),
              customScheme: Type.Optional(SchemeSchema),
              totalFen: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
              regions: Type.Array(RegionFigures, { minItems: 1, maxItems: 5000 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: AllocationResult, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const s = scheme(request.body.scheme, request.body.customScheme);
        const result = calculate(s, request.body.totalFen, request.body.regions);
        return { ...result, rows: [...result.rows] };
      },
    );
    app.post(
      '/api/v1/allocation/publications',
      {
        config: { access: { permission: 'funds:manage' } },
        schema: {
          tags,
          summary: 'Calculate and publish an allocation (资金分配结果公开); it is kept exactly as published',
          body: Type.Object(
            {
              title: Type.String({ minLength: 2, maxLength: 200 }),
              regionCode: Type.String({ pattern: '^\\d{6}$' }),
              scheme: Type.String(),
              customScheme: Type.Optional(SchemeSchema),
              totalFen: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
              regions: Type.Array(RegionFigures, { minItems: 1, maxItems: 5000 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Type.Object({ id: Type.String() }), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await publications.assertInScope(actor, request.body.regionCode, request.body.regions);
        const s = scheme(request.body.scheme, request.body.customScheme);
        const result = calculate(s, request.body.totalFen, request.body.regions);
        const id = await publications.publish(actor, {
          title: request.body.title,
          regionCode: request.body.regionCode,
          scheme: s,
          result,
        });
        return reply.status(201).send({ id });
      },
    );
    app.get(
      '/api/v1/allocation/publications',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['disclosure'],
          summary: 'Published allocation results of a region and the regions below it',
          querystring: Type.Object({ region: Type.String({ pattern: '^\\d{6}$' }) }, { additionalProperties: false }),
          response: {
            200: Type.Object({
              publications: Type.Array(
                Type.Object({
                  id: Type.String(),
                  title: Type.String(),
                  regionCode: Type.String(),
                  totalFen: Type.Integer(),
                  publishedAt: Type.String(),
                  result: Type.Unknown(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const rows = await publications.list(request.query.region);
        return {
          publications: rows.map((r) => ({
            id: r.id,
            title: r.title,
            regionCode: r.region_code,
            totalFen: Number(r.total_fen),
            publishedAt: r.published_at.toISOString(),
            result: r.result,
          })),
        };
      },
    );
    app.get(
      '/api/v1/allocation/publications/:id/export',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['disclosure'],
          summary: 'A published allocation as Excel',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
          response: { 200: fileResponse('The workbook', XLSX_TYPE), 404: PROTECTED_ERRORS[404] },
        },
      },
      async (request, reply) => {
        const row = await publications.get(request.params.id);
        if (!row) throw new AppError('NOT_FOUND', 404);
        const result = row.result as Allocation & { schemeName: { zh: string; en: string } };
        const s =
          ALLOCATION_PRESETS.find((p) => p.id === row.scheme) ?? ({ name: result.schemeName } as AllocationScheme);
        return reply.headers(xlsxDownload(`allocation-${row.id}`)).send(await resultXlsx(s, result));
      },
    );
    app.get(
      '/api/v1/allocation/schemes/:scheme/template',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'The Excel input template of a preset scheme',
          params: Type.Object({ scheme: Type.String() }, { additionalProperties: false }),
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .headers(xlsxDownload(`allocation-${request.params.scheme}`))
          .send(await inputTemplate(scheme(request.params.scheme))),
    );
    app.post(
      '/api/v1/allocation/schemes/:scheme/calculations',
      {
        config: { access: { permission: [...access.access.permission] } },
        schema: {
          tags,
          summary: 'Allocate from a filled Excel template (the request body); ?format=xlsx returns the result as Excel',
          params: Type.Object({ scheme: Type.String() }, { additionalProperties: false }),
          querystring: Type.Object(
            {
              totalFen: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
              format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')])),
            },
            { additionalProperties: false },
          ),
          response: {
            200: {
              description: 'The allocation, or with ?format=xlsx the workbook',
              content: { 'application/json': { schema: AllocationResult }, ...fileResponse('', XLSX_TYPE).content },
            },
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const s = scheme(request.params.scheme);
        const result = calculate(s, request.query.totalFen, await readInput(s, uploadedFile(request.body)));
        if (request.query.format === 'xlsx')
          return reply.headers(xlsxDownload('allocation-result')).send(await resultXlsx(s, result));
        return { ...result, rows: [...result.rows] };
      },
    );
  };
}
