import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../http/errors.js';
import type { HealthService } from './health-service.js';

/** Liveness with a real round trip to the database, so a monitor sees a dead database too. */
export function healthRoutes(health: HealthService, kind: string, version: string): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          response: {
            200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), version: Type.String() }),
          },
        },
      },
      async () => {
        if (!(await health.databaseAnswers())) throw new AppError('DATABASE_UNAVAILABLE', 503);
        return { status: 'ok' as const, database: kind, version };
      },
    );
  };
}
