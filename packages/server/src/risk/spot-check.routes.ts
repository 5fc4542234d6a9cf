import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import type { SpotCheckService } from './spot-check-service.js';
import { SpotCheckView } from './spot-check.schemas.js';

/** Spot checks (双随机一公开). */
export function spotCheckRoutes(spotChecks: SpotCheckService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['risk'];
    app.post(
      '/api/v1/spot-checks',
      {
        config: { access: { permission: 'spot-check:draw' } },
        schema: {
          tags,
          summary:
            'Draw a weighted random sample of applications and a random inspector for each, from a recorded seed',
          body: Type.Object(
            {
              sampleSize: Type.Integer({ minimum: 1, maximum: 1000 }),
              seed: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: SpotCheckView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await spotChecks.draw(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/spot-checks/:id',
      {
        config: { access: { permission: ['spot-check:draw', 'spot-check:inspect'] } },
        schema: {
          tags,
          summary: 'A spot check with its items and outcomes',
          params: IdParams,
          response: { 200: SpotCheckView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => spotChecks.get(actorOf(request), request.params.id),
    );
    app.get(
      '/api/v1/spot-checks/:id/reproduction',
      {
        config: { access: { permission: ['spot-check:draw', 'spot-check:inspect', 'audit:read'] } },
        schema: {
          tags,
          summary: 'Redo the draw from the recorded seed and candidates',
          params: IdParams,
          response: { 200: Type.Object({ identical: Type.Boolean() }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => spotChecks.reproduce(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/spot-checks/:id/items/:itemId/outcome',
      {
        config: { access: { permission: 'spot-check:inspect' } },
        schema: {
          tags,
          summary: 'The assigned inspector records the outcome',
          params: Type.Object(
            { id: Type.String({ format: 'uuid' }), itemId: Type.String({ pattern: '^\\d+$' }) },
            { additionalProperties: false },
          ),
          body: Type.Object(
            {
              outcome: Type.Union([Type.Literal('no-problem'), Type.Literal('problem-found')]),
              note: Type.String({ minLength: 2, maxLength: 2000 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: SpotCheckView, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        spotChecks.recordOutcome(actorOf(request), request.params.id, request.params.itemId, request.body),
    );
  };
}
