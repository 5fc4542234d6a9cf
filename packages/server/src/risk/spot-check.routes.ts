import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { refuseReversedPeriod } from '../http/period.js';
import { CalendarDate } from '../policies/facts.schema.js';
import type { SpotCheckService } from './spot-check-service.js';
import { AssignedInspections, SpotChecksToday, SpotCheckSummary, SpotCheckView } from './spot-check.schemas.js';

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
            "Draw today's weighted random sample of the caller's region and a random inspector for each; once a day, again only with a reason",
          // No seed here: a caller who chooses the seed chooses the sample. The server draws it from a
          // cryptographic source and records it; an auditor verifies a draw by redoing it from the
          // recorded seed (GET …/reproduction), which needs no seed from anyone and changes nothing.
          body: Type.Object(
            {
              sampleSize: Type.Integer({ minimum: 1, maximum: 1000 }),
              // Only to draw again the same day (the first draw stays on record): a reason that
              // explains itself (http/said.ts), so a blank or token reason is refused by name.
              reason: Type.Optional(Type.String({ maxLength: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 201: SpotCheckView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await spotChecks.draw(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/spot-checks/today',
      {
        config: { access: { permission: 'spot-check:draw' } },
        schema: {
          tags,
          summary: "Today's draws in the caller's region: the first, then any redraws with their reasons",
          response: { 200: SpotChecksToday, ...PROTECTED_ERRORS },
        },
      },
      async (request) => spotChecks.today(actorOf(request)),
    );
    app.get(
      '/api/v1/spot-checks/assigned',
      {
        config: { access: { permission: 'spot-check:inspect' } },
        schema: {
          tags,
          summary: "The caller's own inspections: every one still open, then the latest recorded",
          response: { 200: AssignedInspections, ...PROTECTED_ERRORS },
        },
      },
      async (request) => spotChecks.assigned(actorOf(request)),
    );
    app.get(
      '/api/v1/spot-checks',
      {
        config: { access: { permission: ['spot-check:draw', 'spot-check:inspect'] } },
        schema: {
          tags,
          summary: 'The draws of the caller’s regions, newest first (历次抽查), each with its outcomes so far',
          querystring: Type.Object(
            {
              from: Type.Optional(CalendarDate),
              to: Type.Optional(CalendarDate),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({ total: Type.Integer(), draws: Type.Array(SpotCheckSummary) }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => {
        const { from, to, limit, offset } = request.query;
        refuseReversedPeriod({ from, to });
        return spotChecks.history(actorOf(request), {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          limit: limit ?? 20,
          offset: offset ?? 0,
        });
      },
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
