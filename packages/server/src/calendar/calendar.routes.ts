import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { ErrorBodySchema, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import { CalendarDate } from '../policies/facts.schema.js';
import type { CalendarService } from './calendar-service.js';
import { YearParams } from './calendar.schemas.js';

/** The working-day calendar: which years are loaded, and loading the next one when it is published. */
export function calendarRoutes(calendar: CalendarService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/calendar',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['calendar'],
          summary: 'Years of the official working-day calendar loaded',
          response: { 200: Type.Object({ years: Type.Array(Type.Integer()) }) },
        },
      },
      async () => ({ years: [...(await calendar.calendar()).coveredYears] }),
    );
    app.get(
      '/api/v1/calendar/:year',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['calendar'],
          summary: 'A loaded year: its days off and weekend days worked, and whether it was loaded or bundled',
          params: YearParams,
          response: {
            200: Type.Object({
              year: Type.Integer(),
              holidays: Type.Array(Type.String()),
              workdays: Type.Array(Type.String()),
              loaded: Type.Boolean({ description: 'Loaded by an administrator; otherwise bundled with the code' }),
            }),
            404: ErrorBodySchema,
          },
        },
      },
      async (request) => {
        const found = await calendar.year(request.params.year);
        if (!found) throw new AppError('NOT_FOUND', 404, 'year', { value: String(request.params.year) });
        return { year: request.params.year, ...found };
      },
    );
    app.put(
      '/api/v1/calendar/:year',
      {
        config: { access: { permission: 'calendar:manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Load a year as the State Council published it (days off, and weekend days worked)',
          params: YearParams,
          body: Type.Object(
            {
              holidays: Type.Array(CalendarDate, { maxItems: 400 }),
              workdays: Type.Array(CalendarDate, { maxItems: 100 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        await calendar.loadYear(actorOf(request), { year: request.params.year, ...request.body });
        return reply.status(204).send(null);
      },
    );
  };
}
