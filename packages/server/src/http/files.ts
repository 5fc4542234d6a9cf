import type { FastifyInstance } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes in this plugin take an uploaded file as the raw request body (.xlsx, .csv, or bytes). */
export function acceptFiles(app: FastifyInstance, bodyLimit = 50 * 1024 * 1024): void {
  for (const type of [XLSX_TYPE, 'text/csv', 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  }
}
