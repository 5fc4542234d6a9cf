import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE } from '../http/files.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import { BANK_LAYOUTS } from './bank-layouts.js';
import type { PaymentService } from './payment-service.js';

const Batch = Type.Object({
  id: Type.String(),
  number: Type.String(),
  fundId: Type.String(),
  channel: Type.String(),
  regionCode: Type.String(),
  layout: Type.String(),
  state: Type.String(),
  itemCount: Type.Integer(),
  totalFen: Type.Integer(),
  createdAt: Type.String(),
  exportedAt: Type.Optional(Type.String()),
  counts: Type.Object({ pending: Type.Integer(), paid: Type.Integer(), failed: Type.Integer() }),
});

/** Payment batches, bank files and reconciliation (finance). */
export function paymentsRoutes(payments: PaymentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    const tags = ['payments'];
    const finance = { access: { permission: 'application:pay' as const } };

    app.get(
      '/api/v1/bank-layouts',
      { config: finance, schema: { tags, summary: 'Bank file layouts on offer', response: { 200: Type.Object({ layouts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), format: Type.String() })) }), ...PROTECTED_ERRORS } } },
      async () => ({ layouts: BANK_LAYOUTS.map((l) => ({ code: l.code, name: l.name, format: l.format })) }),
    );
    app.post(
      '/api/v1/payment-batches',
      {
        config: finance,
        schema: {
          tags,
          summary: 'Put every payable application in the caller’s regions into batches by fund and channel',
          body: Type.Object({ layout: Type.Optional(Type.String()) }, { additionalProperties: false }),
          response: { 201: Type.Object({ batches: Type.Array(Batch), missingAccount: Type.Array(Type.String()) }), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await payments.createBatches(actorOf(request), request.body.layout)),
    );
    app.get(
      '/api/v1/payment-batches',
      { config: { access: { permission: ['application:pay', 'funds:read'] } }, schema: { tags, summary: 'Payment batches in the caller’s regions', response: { 200: Type.Object({ batches: Type.Array(Batch) }), ...PROTECTED_ERRORS } } },
      async (request) => ({ batches: await payments.list(actorOf(request)) }),
    );
    app.get(
      '/api/v1/payment-batches/:id',
      { config: { access: { permission: ['application:pay', 'funds:read'] } }, schema: { tags, summary: 'A payment batch', params: IdParams, response: { 200: Batch, ...PROTECTED_ERRORS } } },
      async (request) => payments.get(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/payment-batches/:id/file',
      { config: finance, schema: { tags, summary: 'The bank file (代发文件); the same every time, and it pays nobody', params: IdParams, response: { 200: fileResponse('The file in the batch’s bank layout', 'text/csv', XLSX_TYPE), ...PROTECTED_ERRORS } } },
      async (request, reply) => {
        const file = await payments.exportFile(actorOf(request), request.params.id);
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
      },
    );
    app.post(
      '/api/v1/payment-batches/:id/returns',
      {
        config: finance,
        schema: {
          tags,
          summary: 'Import the bank’s return file: paid items are paid, failed ones keep the bank’s reason; the same file twice changes nothing',
          params: IdParams,
          response: {
            200: Type.Object({ alreadyImported: Type.Boolean(), rows: Type.Integer(), paid: Type.Integer(), failed: Type.Integer(), skipped: Type.Integer(), returned: Type.Integer(), unmatched: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })) }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => {
        return payments.importReturn(actorOf(request), request.params.id, uploadedFile(request.body));
      },
    );
  };
}
