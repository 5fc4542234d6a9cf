import { SubsidyIdSchema } from '../policies/policies.schemas.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import { ErrorBodySchema } from '../http/common.schemas.js';
import { sendPublic } from '../http/public-response.js';
import type { DisclosureService } from './disclosure-service.js';
import { DisclosureListQuery, DisclosureSummary, DisclosureSummaryQuery } from './disclosure.schemas.js';

/** The public lists of recipients (公示), open to everyone, as data and as Excel. */
export function disclosureRoutes(disclosures: DisclosureService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['disclosure'];
    app.get(
      '/api/v1/disclosures',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: '公示名单: recipients with name and ID number partly hidden, unit, standard and amount',
          querystring: DisclosureListQuery,
          response: {
            200: Type.Object({
              total: Type.Integer(),
              masking: Type.Object({
                idKeepStart: Type.Integer(),
                idKeepEnd: Type.Integer(),
                nameKeepLast: Type.Boolean(),
              }),
              rows: Type.Array(
                Type.Object({
                  subsidy: SubsidyIdSchema,
                  subsidyName: Type.Object({ zh: Type.String(), en: Type.String() }),
                  regionCode: Type.String(),
                  recipient: Type.String(),
                  idNumber: Type.Optional(Type.String()),
                  unit: Type.Optional(Type.String()),
                  post: Type.Optional(Type.String()),
                  period: Type.Optional(Type.String()),
                  standard: Type.Object({ zh: Type.String(), en: Type.String() }),
                  amountFen: Type.Integer(),
                  status: Type.String(),
                  publicityEndsOn: Type.Optional(Type.String()),
                  date: Type.String(),
                }),
              ),
            }),
            400: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        // The same for everyone asking the same question: serialised (by the response schema) once
        // per change, sent as it is, or a 304 to a client that already has it.
        const page = await disclosures.page(request.query, (list) => String(reply.serialize(list)));
        return sendPublic(request, reply, page, disclosures.maxAgeSeconds);
      },
    );
    app.get(
      '/api/v1/disclosures/summary',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary:
            '补贴资金使用情况: a region’s year of the list counted by subsidy — recipients and amounts paid, and those in publicity',
          querystring: DisclosureSummaryQuery,
          response: { 200: DisclosureSummary, 400: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const body = await disclosures.summary(request.query, (s) => String(reply.serialize(s)));
        return sendPublic(request, reply, body, disclosures.maxAgeSeconds);
      },
    );
    app.get(
      '/api/v1/disclosures/export',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: 'The same list as an Excel workbook',
          querystring: DisclosureListQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), 400: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const body = await disclosures.exportXlsx(request.query);
        return reply.headers(xlsxDownload(`gongshi-${request.query.region}`)).send(body);
      },
    );
  };
}
