import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database } from '../db/schema.js';

/** The regions the platform serves (GB/T 2260), for pickers and for naming codes on screen. Public. */
export function regionsRoutes(db: Kysely<Database>): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/regions',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['policies'],
          summary: 'The regions served, province → city → county',
          response: { 200: Type.Object({ regions: Type.Array(Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), parentCode: Type.Union([Type.String(), Type.Null()]), level: Type.String() })) }) },
        },
      },
      async () => {
        const rows = await db.selectFrom('region').selectAll().orderBy('code').execute();
        return { regions: rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, parentCode: r.parent_code, level: r.level })) };
      },
    );
  };
}
