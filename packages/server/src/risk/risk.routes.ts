import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../http/access.js';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import { acceptFiles } from '../http/files.js';
import { IsoDate } from '../policies/facts.schema.js';
import type { RiskService } from './risk-service.js';

/** Reference snapshots from other departments, imported as files. */
export function riskRoutes(risk: RiskService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app);
    app.post(
      '/api/v1/reference-snapshots/:kind',
      {
        config: { access: { permission: 'registry:import' } },
        schema: {
          tags: ['risk'],
          summary: 'Import a dated snapshot (deaths, civil-service-roster, business-registry, social-insurance, unemployment-registrations, poverty-monitoring): all rows or none',
          params: Type.Object({ kind: Type.String() }, { additionalProperties: false }),
          querystring: Type.Object({ takenOn: IsoDate, source: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
          response: { 201: Type.Object({ snapshotId: Type.String(), rows: Type.Integer() }), ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400] },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_FILE', 415, 'file');
        return reply.status(201).send(await risk.importSnapshot(actorOf(request), request.params.kind, request.body, request.query));
      },
    );
  };
}
