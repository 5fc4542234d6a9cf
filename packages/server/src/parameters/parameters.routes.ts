import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { MAX_FEN, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { CalendarDate } from '../policies/facts.schema.js';
import type { ParameterService } from './parameter-service.js';
import { ParameterSchema as Parameter, RegionParametersResponse } from './parameters.schemas.js';
import { todayInShanghai } from '../http/today.js';

/** A region's own parameter settings (local standards, risk thresholds, 免申即享). */
export function parameterRoutes(parameters: ParameterService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['parameters'];
    app.get(
      '/api/v1/parameters',
      {
        config: { access: { permission: ['application:read', 'parameter:set'] } },
        schema: {
          tags,
          summary: 'Local settings in the caller’s regions, newest first',
          querystring: Type.Object(
            { parameter: Type.Optional(Type.String({ maxLength: 200 })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ values: Type.Array(Parameter) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ values: await parameters.list(actorOf(request), request.query.parameter) }),
    );
    app.get(
      '/api/v1/parameters/regions/:regionCode',
      {
        config: { access: { permission: ['application:read', 'parameter:set'] } },
        schema: {
          tags,
          summary: 'Every parameter a region may set: its name, the value in force on a day, and its history',
          params: Type.Object({ regionCode: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
          querystring: Type.Object({ on: Type.Optional(CalendarDate) }, { additionalProperties: false }),
          response: { 200: RegionParametersResponse, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({
        parameters: await parameters.regionView(
          actorOf(request),
          request.params.regionCode,
          request.query.on ?? todayInShanghai(),
        ),
      }),
    );
    app.post(
      '/api/v1/parameters',
      {
        config: { access: { permission: 'parameter:set' } },
        schema: {
          tags,
          summary: 'Set a value from a date; it never replaces the old one, a later start takes over',
          body: Type.Object(
            {
              parameter: Type.String({ minLength: 1, maxLength: 200 }),
              regionCode: Type.String({ pattern: '^[0-9]{6}$' }),
              from: CalendarDate,
              to: Type.Optional(CalendarDate),
              value: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
              note: Type.String({
                minLength: 1,
                maxLength: 500,
                description: 'Why, and the local document that sets it',
              }),
            },
            { additionalProperties: false },
          ),
          response: { 201: Parameter, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await parameters.set(actorOf(request), request.body)),
    );
  };
}
