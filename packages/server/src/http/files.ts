import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from './errors.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes in this plugin take an uploaded file as the raw request body (.xlsx, .csv, or bytes). */
export function acceptFiles(app: FastifyInstance, bodyLimit: number): void {
  for (const type of [XLSX_TYPE, 'text/csv', 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  }
}

/** The uploaded file (the raw body); a body of any other type is refused as UNSUPPORTED_FILE. */
export function uploadedFile(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_FILE', 415, 'file');
  return body;
}

/** The headers of a spreadsheet the browser saves as `name.xlsx`. */
export function xlsxDownload(name: string): Record<string, string> {
  return { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` };
}

/** The bytes of a file in the OpenAPI document; replies send a Buffer (or CSV text), never serialised. */
const FileBytes = Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' });

/**
 * The response of a route that answers with a file, declared under each media type it may have:
 * `response: { 200: fileResponse('The workbook', XLSX_TYPE) }`.
 */
export function fileResponse<const M extends string>(description: string, ...mediaTypes: [M, ...M[]]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: FileBytes }])) as Record<
      M,
      { schema: typeof FileBytes }
    >,
  };
}
