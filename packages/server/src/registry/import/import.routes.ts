import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../auth/access.js';
import { PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { acceptFiles, uploadedFile, XLSX_TYPE } from '../../http/files.js';
import type { ImportService } from './import-service.js';
import { SHEET_LIMITS } from './tabular.js';

/** Templates to download and files to upload. The file is the request body, as .xlsx or .csv. */
export function importRoutes(imports: ImportService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    const tags = ['imports'];

    app.get(
      '/api/v1/imports',
      {
        config: { access: { permission: 'registry:import' } },
        schema: {
          tags,
          summary: 'The import templates on offer',
          response: {
            200: Type.Object({
              kinds: Type.Array(
                Type.Object({
                  id: Type.String(),
                  zh: Type.String(),
                  en: Type.String(),
                  columns: Type.Array(
                    Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String(), required: Type.Boolean() }),
                  ),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async () => ({
        kinds: imports.kinds().map((k) => ({
          id: k.id,
          zh: k.zh,
          en: k.en,
          columns: k.columns.map((c) => ({ key: c.key, zh: c.zh, en: c.en, required: c.required })),
        })),
      }),
    );

    app.get(
      '/api/v1/imports/:kind/template',
      {
        config: { access: { permission: 'registry:import' } },
        schema: {
          tags,
          summary: 'Download a template (.xlsx by default, or ?format=csv)',
          params: Type.Object({ kind: Type.String() }, { additionalProperties: false }),
          querystring: Type.Object(
            { format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) },
            { additionalProperties: false },
          ),
        },
      },
      async (request, reply) => {
        const format = request.query.format ?? 'xlsx';
        const body = await imports.template(request.params.kind, format);
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="huimin-${request.params.kind}-template.${format}"`)
          .send(body);
      },
    );

    app.post(
      '/api/v1/imports/:kind',
      {
        config: { access: { permission: 'registry:import' } },
        schema: {
          tags,
          summary: 'Import a filled template: all rows or none; a bad file returns every problem by row and column',
          params: Type.Object({ kind: Type.String() }, { additionalProperties: false }),
          response: {
            200: Type.Object({ kind: Type.String(), imported: Type.Integer() }),
            ...PROTECTED_ERRORS,
            415: PROTECTED_ERRORS[400],
          },
        },
      },
      async (request) => {
        return imports.import(actorOf(request), request.params.kind, uploadedFile(request.body));
      },
    );
  };
}
