import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { languageOf } from '../i18n/messages.js';
import type { NotificationService } from './notification-service.js';
import { NotificationListSchema, NotificationQuery } from './notifications.schemas.js';

/** An applicant's messages about their applications. */
export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['notifications'];
    const access = { permission: 'application:own' } as const;
    app.get(
      '/api/v1/notifications',
      {
        config: { access },
        schema: {
          tags,
          summary: 'The caller’s messages about their applications, newest first',
          querystring: NotificationQuery,
          response: { 200: NotificationListSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const language = languageOf(request.headers['accept-language']) === 'en-US' ? 'en' : 'zh';
        return notifications.list(actorOf(request), language, request.query);
      },
    );
    app.post(
      '/api/v1/notifications/:id/read',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Mark one message read',
          params: IdParams,
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        await notifications.markRead(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/v1/notifications/read-all',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Mark all the caller’s messages read',
          response: { 200: Type.Object({ updated: Type.Integer({ minimum: 0 }) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => notifications.markAllRead(actorOf(request)),
    );
  };
}
