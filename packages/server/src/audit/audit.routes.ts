import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { PROTECTED_ERRORS } from '../http/common.schemas.js';
import { languageOf } from '../i18n/messages.js';
import { CalendarDate } from '../policies/facts.schema.js';
import type { AuditService } from './audit-service.js';
import { AuditEntryView } from './audit.schemas.js';

/** The audit trail, read-only, for auditors of the region. There is no route that changes it. */
export function auditRoutes(audit: AuditService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags: ['audit'],
          summary: 'Audit entries in the auditor’s regions, newest first',
          querystring: Type.Object(
            {
              entityId: Type.Optional(Type.String({ maxLength: 200 })),
              entityType: Type.Optional(Type.String({ maxLength: 100 })),
              action: Type.Optional(
                Type.String({ maxLength: 100, description: 'An action, or a prefix ending in "." (parameter.)' }),
              ),
              actor: Type.Optional(
                Type.String({ maxLength: 64, description: 'All or part of an actor’s display name, case aside' }),
              ),
              from: Type.Optional(CalendarDate),
              to: Type.Optional(CalendarDate),
              before: Type.Optional(Type.String({ pattern: '^\\d{1,18}$', description: 'An entry’s seq (bigint)' })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              entries: Type.Array(AuditEntryView),
              /**
               * The name of every record the entries speak of (subjects and ids inside before and
               * after), and each parameter id's label in the caller's language, by id.
               */
              names: Type.Record(Type.String(), Type.String()),
              /** Each named parameter's unit (fen, permille, months …), by parameter id. */
              units: Type.Record(Type.String(), Type.String()),
              /**
               * Present when more names contain `actor` than a search takes and one is `actor`
               * whole: only that name's entries are listed, not the others'.
               */
              wholeNameOnly: Type.Optional(Type.Literal(true)),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { entries: rows, wholeNameOnly } = await audit.search(actor, request.query);
        return {
          ...(await audit.names(rows, languageOf(request.headers['accept-language']))),
          ...(wholeNameOnly ? { wholeNameOnly } : {}),
          entries: rows.map((r) => ({
            seq: r.seq,
            at: r.at.toISOString(),
            ...(r.actor_name ? { actorName: r.actor_name } : {}),
            ...(r.actor_roles ? { actorRoles: r.actor_roles } : {}),
            ...(r.region_code ? { regionCode: r.region_code } : {}),
            ...(r.ip ? { ip: r.ip } : {}),
            action: r.action,
            outcome: r.outcome,
            ...(r.entity_type ? { entityType: r.entity_type } : {}),
            ...(r.entity_id ? { entityId: r.entity_id } : {}),
            ...(r.before !== null ? { before: r.before } : {}),
            ...(r.after !== null ? { after: r.after } : {}),
            hash: r.hash,
          })),
        };
      },
    );

    app.get(
      '/api/v1/audit/verification',
      {
        config: { access: { permission: 'audit:read' } },
        schema: {
          tags: ['audit'],
          summary: 'Walk the whole chain and report the first broken link',
          response: {
            200: Type.Object({
              entries: Type.Integer(),
              intact: Type.Boolean(),
              firstBreak: Type.Optional(
                Type.Object({
                  seq: Type.String(),
                  problem: Type.Union(
                    [Type.Literal('gap'), Type.Literal('broken-link'), Type.Literal('content-changed')],
                    {
                      description:
                        'gap: a number missing; broken-link: not chained to the entry before; content-changed: altered after it was written',
                    },
                  ),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async () => {
        const report = await audit.verify();
        return {
          entries: report.entries,
          intact: report.firstBreak === null,
          ...(report.firstBreak
            ? { firstBreak: { seq: report.firstBreak.seq, problem: report.firstBreak.problem } }
            : {}),
        };
      },
    );
  };
}
