import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RegionService } from './region-service.js';

/** A region (GB/T 2260) with its names in both languages. */
const RegionView = Type.Object(
  {
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    level: Type.String(),
  },
  { $id: 'Region' },
);

/** The regions the platform serves (GB/T 2260), for pickers and for naming codes on screen. Public. */
export function regionsRoutes(regions: RegionService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/regions',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['policies'],
          summary: 'The regions served, province → city → county',
          response: {
            200: Type.Object({ regions: Type.Array(RegionView) }),
          },
        },
      },
      async () => ({ regions: await regions.list() }),
    );
  };
}
