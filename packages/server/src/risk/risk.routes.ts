import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';
import { acceptFiles, uploadedFile } from '../http/files.js';
import { IsoDate } from '../policies/facts.schema.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import type { RiskService } from './risk-service.js';
import { SnapshotReport } from './risk.schemas.js';

/** Reference snapshots from other departments, imported as files. */
export function riskRoutes(risk: RiskService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    app.get(
      '/api/v1/reference-snapshots',
      {
        config: { access: { permission: ['registry:import', 'audit:read'] } },
        schema: {
          tags: ['risk'],
          summary: 'Reference snapshots serving the caller’s region or loaded below it, newest first (at most 200)',
          response: {
            200: Type.Object({
              snapshots: Type.Array(
                Type.Object({
                  id: Type.String(),
                  kind: Type.String(),
                  takenOn: Type.String(),
                  source: Type.String(),
                  rows: Type.Integer(),
                  regionCode: Type.String({
                    description: 'The importing clerk’s region: the snapshot serves it and below',
                  }),
                  importedAt: Type.String(),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => ({ snapshots: await risk.snapshots(actorOf(request)) }),
    );
    app.post(
      '/api/v1/reference-snapshots/:kind',
      {
        config: { access: { permission: 'registry:import' } },
        schema: {
          tags: ['risk'],
          summary:
            'Import a dated snapshot for the caller’s region (deaths, civil-service-roster, business-registry, social-insurance, unemployment-registrations, poverty-monitoring, graduate-records, social-assistance): all rows or none; the same rows for the same day again answer 200 with the first snapshot',
          params: Type.Object({ kind: Type.String() }, { additionalProperties: false }),
          querystring: Type.Object(
            { takenOn: IsoDate, source: Type.String({ minLength: 2, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: {
            200: SnapshotReport,
            201: SnapshotReport,
            ...PROTECTED_ERRORS,
            415: PROTECTED_ERRORS[400],
          },
        },
      },
      async (request, reply) => {
        const { created, ...report } = await risk.importSnapshot(
          actorOf(request),
          request.params.kind,
          uploadedFile(request.body),
          request.query,
        );
        return reply.status(created ? 201 : 200).send(report);
      },
    );
  };
}
