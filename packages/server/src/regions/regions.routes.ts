import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RegionService } from './region-service.js';
import { RegionView } from './regions.schemas.js';

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
