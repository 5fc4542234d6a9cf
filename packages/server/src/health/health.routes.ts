import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql, type Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/** Liveness with a real round trip to the database, so a monitor sees a dead database too. */
export function healthRoutes(db: Kysely<Database>, kind: string, version: string): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['system'],
          response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), version: Type.String() }) },
        },
      },
      async () => {
        try {
          await sql`select 1`.execute(db);
        } catch {
          throw new AppError('DATABASE_UNAVAILABLE', 503);
        }
        return { status: 'ok' as const, database: kind, version };
      },
    );
  };
}
