import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../auth/access.js';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import { languageOf } from '../i18n/messages.js';
import type { ApplicationListService } from './application-list-service.js';
import { WorklistQuery, WorklistResponse } from './application-list.schemas.js';

/** The staff worklist (工作台列表) and its Excel export: the same filters, paged or whole. */
export function applicationListRoutes(lists: ApplicationListService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['applications'];
    const staffReaders = { access: { permission: ['application:read', 'application:create'] as const } };

    app.get(
      '/api/v1/applications/worklist',
      {
        config: { access: { permission: [...staffReaders.access.permission] } },
        schema: {
          tags,
          summary:
            'Applications of the caller’s regions, paged, filtered, sorted and searched by name, ID number or number',
          querystring: WorklistQuery,
          response: { 200: WorklistResponse, ...PROTECTED_ERRORS },
        },
      },
      async (request) => lists.worklist(actorOf(request), request.query),
    );

    app.get(
      '/api/v1/applications/worklist.xlsx',
      {
        config: { access: { permission: [...staffReaders.access.permission] } },
        schema: {
          tags,
          summary: 'The filtered worklist as a spreadsheet (at most 10,000 rows), in the caller’s language',
          querystring: WorklistQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const language = languageOf(request.headers['accept-language']);
        const sheet = await lists.exportSheet(actorOf(request), request.query, language === 'en-US' ? 'en' : 'zh');
        return reply.headers(xlsxDownload('applications')).send(sheet);
      },
    );
  };
}
