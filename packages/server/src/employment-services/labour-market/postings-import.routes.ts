import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../auth/access.js';
import { PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { SHEET_LIMITS } from '../../registry/import/tabular.js';
import { options } from '../employment-services.schemas.js';
import { LABOUR, TAGS } from './labour-market.schemas.js';
import type { PostingImport } from './postings-import.js';
import { postingsTemplate } from './postings-sheet.js';

/** An employer's postings from a filled-in template (.xlsx or .csv as the request body), all or nothing. */
export function postingImportRoutes(imports: PostingImport): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    app.get(
      '/api/v1/labour-market/postings/import-template',
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'The template for an employer’s job postings (.xlsx)',
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (_request, reply) => reply.headers(xlsxDownload('job-postings-template')).send(await postingsTemplate()),
    );
    app.post(
      '/api/v1/labour-market/postings/import',
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary:
            'Import an employer’s postings for review: all rows or none; a bad file returns every problem by row and column',
          querystring: Type.Object({ organisationId: Type.String({ format: 'uuid' }) }, options),
          response: { 200: Type.Object({ imported: Type.Integer() }), ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400] },
        },
      },
      async (request) => imports.importFor(actorOf(request), request.query.organisationId, uploadedFile(request.body)),
    );
  };
}
