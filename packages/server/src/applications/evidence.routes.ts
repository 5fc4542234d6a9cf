import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import { acceptFiles, fileResponse } from '../http/files.js';
import { EVIDENCE_MAX_BYTES, type EvidenceService } from './evidence-service.js';
import { EvidenceView, Text } from './evidence.schemas.js';

/** The files handed in with an application. A file is the raw request body; its type is read from its bytes. */
export function evidenceRoutes(evidence: EvidenceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Somewhat above the limit, so an oversized file gets the message that names it and the limit.
    acceptFiles(app, EVIDENCE_MAX_BYTES * 2);
    const tags = ['applications'];
    const readers = { access: { permission: ['application:read', 'application:own', 'application:create'] as const } };

    app.get(
      '/api/v1/applications/:id/evidence',
      {
        config: { access: { permission: [...readers.access.permission] } },
        schema: {
          tags,
          summary: 'The materials the subsidy asks for and the files handed in for each',
          params: IdParams,
          response: {
            200: Type.Object({
              materials: Type.Array(Text),
              files: Type.Array(EvidenceView),
              /** Materials not needed on paper: the platform holds what they prove (by index). */
              waived: Type.Array(Type.Integer()),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => evidence.evidenceOf(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/applications/:id/evidence',
      {
        config: { access: { permission: ['application:own', 'application:create'] } },
        schema: {
          tags,
          summary:
            'Hand in a file (PDF, JPG or PNG, at most 10 MB) for one of the materials, while the application is a draft or returned for correction',
          params: IdParams,
          querystring: Type.Object(
            {
              material: Type.Integer({ minimum: 0, maximum: 50 }),
              fileName: Type.String({ minLength: 1, maxLength: 200 }),
            },
            { additionalProperties: false },
          ),
          response: { 201: EvidenceView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new AppError('EVIDENCE_FILE_TYPE', 415, 'file', { name: request.query.fileName });
        const view = await evidence.upload(actorOf(request), request.params.id, {
          material: request.query.material,
          fileName: request.query.fileName,
          content: request.body,
        });
        return reply.status(201).send(view);
      },
    );

    app.get(
      '/api/v1/applications/:id/evidence/:evidenceId',
      {
        config: { access: { permission: [...readers.access.permission] } },
        schema: {
          tags,
          summary: 'One file as it was handed in',
          params: Type.Object(
            { id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) },
            { additionalProperties: false },
          ),
          response: {
            200: fileResponse(
              'The file, of the type read from its bytes',
              'application/pdf',
              'image/jpeg',
              'image/png',
            ),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request, reply) => {
        const file = await evidence.content(actorOf(request), request.params.id, request.params.evidenceId);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.content);
      },
    );
  };
}
