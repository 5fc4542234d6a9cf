import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../auth/access.js';
import { PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { SHEET_LIMITS } from '../../registry/import/tabular.js';
import { REGISTER, TAGS } from '../employment-services.schemas.js';
import type { RegistrationImportService } from './registration-import-service.js';
import { registrationTemplate } from './registration-sheets.js';

/** Historic registrations from a filled-in template (.xlsx or .csv as the request body). */
export function registrationImportRoutes(imports: RegistrationImportService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    app.get(
      '/api/v1/employment-services/registrations/import-template',
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary: 'The template for historic registrations (.xlsx)',
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (_request, reply) =>
        reply.headers(xlsxDownload('employment-registrations-template')).send(await registrationTemplate()),
    );
    app.post(
      '/api/v1/employment-services/registrations/import',
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary:
            'Import historic registrations: all rows or none; a bad file returns every problem by row and column',
          response: { 200: Type.Object({ imported: Type.Integer() }), ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400] },
        },
      },
      async (request) => imports.importRegistrations(actorOf(request), uploadedFile(request.body)),
    );
  };
}
