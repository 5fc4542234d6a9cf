import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { languageOf } from '../../i18n/messages.js';
import { OWN, READ_CASES, TAGS, WORK_CASES } from '../employment-services.schemas.js';
import type { AssistanceService } from './assistance-service.js';
import { casesWorkbook } from './cases-workbook.js';
import { AssistanceCase, AssistanceCases, CasesQuery, ContactBody, HouseholdDashboard } from './assistance.schemas.js';

/** 就业援助: the case lists (and their Excel export), contacts logged, the 动态清零 dashboard. */
export function assistanceRoutes(assistance: AssistanceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/employment-services/cases';
    app.get(
      base,
      {
        config: READ_CASES,
        schema: {
          tags: TAGS,
          summary: 'Assistance cases in the caller’s regions (open, overdue, the caller’s own)',
          querystring: CasesQuery,
          response: { 200: AssistanceCases, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ cases: await assistance.cases(actorOf(request), request.query) }),
    );
    app.get(
      `${base}.xlsx`,
      {
        config: READ_CASES,
        schema: {
          tags: TAGS,
          summary: 'The same list as an Excel workbook, in the caller’s language',
          querystring: CasesQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const cases = await assistance.cases(actorOf(request), request.query);
        return reply
          .headers(xlsxDownload('assistance-cases'))
          .send(await casesWorkbook(cases, languageOf(request.headers['accept-language'])));
      },
    );
    app.post(
      `${base}/:id/contacts`,
      {
        config: WORK_CASES,
        schema: {
          tags: TAGS,
          summary: 'Log a contact, guidance, referral or offer; a kept 1+3+1 closes the case',
          params: IdParams,
          body: ContactBody,
          response: { 200: AssistanceCase, ...PROTECTED_ERRORS },
        },
      },
      async (request) => assistance.logContact(actorOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/employment-services/households',
      {
        config: READ_CASES,
        schema: {
          tags: TAGS,
          summary: 'Open zero-employment households by district (动态清零)',
          response: { 200: HouseholdDashboard, ...PROTECTED_ERRORS },
        },
      },
      async (request) => assistance.householdDashboard(actorOf(request)),
    );
    app.get(
      '/api/v1/employment-services/my-cases',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The caller’s own assistance cases',
          response: { 200: AssistanceCases, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ cases: await assistance.myCases(actorOf(request)) }),
    );
  };
}
