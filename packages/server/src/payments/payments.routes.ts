import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE } from '../http/files.js';
import { languageOf, type Language } from '../i18n/messages.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import { BANK_LAYOUTS } from './bank-layouts.js';
import type { PaymentService } from './payment-service.js';
import {
  Batch,
  BatchPreview,
  CreatedBatches,
  ItemParams,
  Reconciliation,
  ReturnParams,
  ReturnReport,
} from './payments.schemas.js';
import type { ReturnReport as Report } from './return-imports.js';
import { unmatchedReason, type UnmatchedReturnRow } from './return-messages.js';

const worded = (rows: readonly UnmatchedReturnRow[], language: Language) =>
  rows.map((r) => ({ ...r, reason: unmatchedReason(r, language) }));

const reportIn = (report: Report, language: Language) => ({ ...report, unmatched: worded(report.unmatched, language) });

/** Payment batches, bank files and reconciliation (finance). */
export function paymentsRoutes(payments: PaymentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    const tags = ['payments'];
    const finance = { access: { permission: 'application:pay' as const } };
    const readers = { access: { permission: ['application:pay' as const, 'funds:read' as const] } };

    app.get(
      '/api/v1/bank-layouts',
      {
        config: finance,
        schema: {
          tags,
          summary: 'Bank file layouts on offer',
          response: {
            200: Type.Object({
              layouts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), format: Type.String() })),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async () => ({ layouts: BANK_LAYOUTS.map((l) => ({ code: l.code, name: l.name, format: l.format })) }),
    );
    app.get(
      '/api/v1/payment-batches/preview',
      {
        config: finance,
        schema: {
          tags,
          summary:
            'What creating batches would take now, by fund and channel, and what it would leave out; creates nothing',
          response: { 200: BatchPreview, ...PROTECTED_ERRORS },
        },
      },
      async (request) => payments.preview(actorOf(request)),
    );
    app.post(
      '/api/v1/payment-batches',
      {
        config: finance,
        schema: {
          tags,
          summary: 'Put every payable application in the caller’s regions into batches by fund and channel',
          body: Type.Object({ layout: Type.Optional(Type.String()) }, { additionalProperties: false }),
          response: { 201: CreatedBatches, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await payments.createBatches(actorOf(request), request.body.layout)),
    );
    app.get(
      '/api/v1/payment-batches',
      {
        config: readers,
        schema: {
          tags,
          summary: 'Payment batches in the caller’s regions',
          response: { 200: Type.Object({ batches: Type.Array(Batch) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ batches: await payments.list(actorOf(request)) }),
    );
    app.get(
      '/api/v1/payment-batches/:id',
      {
        config: readers,
        schema: { tags, summary: 'A payment batch', params: IdParams, response: { 200: Batch, ...PROTECTED_ERRORS } },
      },
      async (request) => payments.get(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/payment-batches/:id/schedule',
      {
        config: readers,
        schema: {
          tags,
          summary: 'The batch’s payment schedule (拨付明细表): every line in order, for printing and signing',
          params: IdParams,
          response: {
            200: Type.Object({
              batch: Batch,
              fundName: Type.String(),
              lines: Type.Array(
                Type.Object({
                  seq: Type.Integer(),
                  payeeName: Type.String(),
                  accountMasked: Type.String(),
                  amountFen: Type.Integer(),
                  state: Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed')]),
                  applicationNumber: Type.String(),
                  subsidy: Type.String(),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => payments.schedule(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/payment-batches/:id/file',
      {
        config: finance,
        schema: {
          tags,
          summary:
            'The bank file (代发文件); the same every time, and it pays nobody. Once downloaded, a copy only with again=true (409 otherwise): the bank pays each file it is sent',
          params: IdParams,
          querystring: Type.Object(
            {
              again: Type.Optional(
                Type.Boolean({
                  description: 'A copy of a file already downloaded, knowing it must not go to the bank twice',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: fileResponse('The file in the batch’s bank layout', 'text/csv', XLSX_TYPE),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const file = await payments.exportFile(actorOf(request), request.params.id, request.query.again ?? false);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
    app.post(
      '/api/v1/payment-batches/:id/returns',
      {
        config: finance,
        schema: {
          tags,
          summary:
            'Import the bank’s return file: paid items are paid, failed ones keep the bank’s reason; the same file twice changes nothing. A large file is imported by a worker: 202 with the import to ask after',
          params: IdParams,
          response: { 200: ReturnReport, 202: ReturnReport, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const report = await payments.importReturn(actorOf(request), request.params.id, uploadedFile(request.body));
        return reply
          .status(report.state === 'imported' ? 200 : 202)
          .send(reportIn(report, languageOf(request.headers['accept-language'])));
      },
    );
    app.get(
      '/api/v1/payment-batches/:id/returns/:returnId',
      {
        config: finance,
        schema: {
          tags,
          summary: 'A return file’s import: the items settled so far while under way, its report when done',
          params: ReturnParams,
          response: { 200: ReturnReport, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        reportIn(
          await payments.returnImport(actorOf(request), request.params.id, request.params.returnId),
          languageOf(request.headers['accept-language']),
        ),
    );
    app.get(
      '/api/v1/payment-batches/:id/reconciliation',
      {
        config: readers,
        schema: {
          tags,
          summary: 'Paid, failed (with the bank’s reason), re-issued and unmatched, with counts and totals',
          params: IdParams,
          response: { 200: Reconciliation, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const view = await payments.reconciliation(actorOf(request), request.params.id);
        const language = languageOf(request.headers['accept-language']);
        return { ...view, unmatched: { ...view.unmatched, rows: worded(view.unmatched.rows, language) } };
      },
    );
    app.post(
      '/api/v1/payment-batches/:id/items/:seq/reissue',
      {
        config: finance,
        schema: {
          tags,
          summary: 'Pay a failed item again, in a batch of its own, once the payee’s account is corrected',
          params: ItemParams,
          response: { 201: Type.Object({ batch: Batch, original: Batch }), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await payments.reissue(actorOf(request), request.params.id, request.params.seq)),
    );
  };
}
