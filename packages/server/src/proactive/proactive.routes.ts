import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApplicationView } from '../applications/applications.schemas.js';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { OfferSchema as Offer, SweepSchema as Sweep } from './proactive.schemas.js';
import type { SweepService } from './sweep-service.js';

/** The proactive sweep and the offers it makes (政策找人, 免申即享). */
export function proactiveRoutes(sweeps: SweepService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['proactive'];
    app.post(
      '/api/v1/sweeps',
      {
        config: { access: { permission: 'sweep:run' } },
        schema: {
          tags,
          summary: 'Start a sweep of the caller’s regions; a worker process runs it from the job queue',
          response: { 202: Sweep, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(202).send(await sweeps.startInBackground(actorOf(request))),
    );
    app.get(
      '/api/v1/sweeps',
      {
        config: { access: { permission: 'sweep:run' } },
        schema: {
          tags,
          summary: 'The sweeps of the caller’s regions, newest first (the latest 50)',
          response: { 200: Type.Object({ sweeps: Type.Array(Sweep) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ sweeps: await sweeps.list(actorOf(request)) }),
    );
    app.get(
      '/api/v1/sweeps/:id',
      {
        config: { access: { permission: 'sweep:run' } },
        schema: {
          tags,
          summary: 'A sweep’s progress',
          params: IdParams,
          response: { 200: Sweep, ...PROTECTED_ERRORS },
        },
      },
      async (request) => sweeps.get(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/sweeps/:id/resumption',
      {
        config: { access: { permission: 'sweep:run' } },
        schema: {
          tags,
          summary: 'Resume an interrupted sweep from where it stopped',
          params: IdParams,
          response: { 202: Sweep, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await sweeps.resumeInBackground(actorOf(request), request.params.id)),
    );
    app.get(
      '/api/v1/offers',
      {
        config: { access: { permission: ['application:own', 'application:read'] } },
        schema: {
          tags,
          summary: 'Offers: an applicant’s own, or those in the caller’s regions',
          querystring: Type.Object(
            {
              state: Type.Optional(
                Type.Union([
                  Type.Literal('open'),
                  Type.Literal('confirmed'),
                  Type.Literal('declined'),
                  Type.Literal('filed'),
                ]),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ offers: Type.Array(Offer) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ offers: await sweeps.offers(actorOf(request), request.query.state) }),
    );
    app.post(
      '/api/v1/offers/:id/confirmation',
      {
        config: { access: { permission: 'application:own' } },
        schema: {
          tags,
          summary: 'Confirm an offer in one step: the application is filed and submitted',
          params: IdParams,
          response: { 201: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await sweeps.confirm(actorOf(request), request.params.id, request.headers['accept-language'])),
    );
    app.post(
      '/api/v1/offers/:id/declination',
      {
        config: { access: { permission: 'application:own' } },
        schema: {
          tags,
          summary: 'Decline an offer; it is not made again',
          params: IdParams,
          response: { 200: Offer, ...PROTECTED_ERRORS },
        },
      },
      async (request) => sweeps.decline(actorOf(request), request.params.id),
    );
  };
}
