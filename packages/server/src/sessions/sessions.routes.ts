import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf, SESSION_COOKIE } from '../auth/access.js';
import { ErrorBodySchema, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import type { Actor } from '../auth/actor.js';
import type { SessionService } from './session-service.js';
import { SessionView } from './sessions.schemas.js';

export interface CookieSettings {
  readonly secure: boolean;
}

/** Login, logout, the current session, and changing one's own password. */
export function sessionRoutes(sessions: SessionService, cookies: CookieSettings): FastifyPluginAsyncTypebox {
  const setCookie = (reply: FastifyReply, value: string, maxAge?: number) =>
    reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict${cookies.secure ? '; Secure' : ''}${maxAge !== undefined ? `; Max-Age=${maxAge}` : ''}`,
    );

  return async (app) => {
    app.post(
      '/api/v1/session',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['session'],
          summary: 'Log in (登录): sets an HttpOnly session cookie and returns the CSRF token to send as X-CSRF-Token',
          body: Type.Object(
            {
              username: Type.String({ minLength: 1, maxLength: 64 }),
              password: Type.String({ minLength: 1, maxLength: 128 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: SessionView, 400: ErrorBodySchema, 401: ErrorBodySchema, 423: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const result = await sessions.login(request.body.username, request.body.password, request.ip);
        setCookie(reply, result.token);
        return view(result.actor, result.csrfToken, result.mustChangePassword);
      },
    );

    app.get(
      '/api/v1/session',
      {
        config: { access: { permission: 'self', allowWithExpiredPassword: true } },
        schema: {
          tags: ['session'],
          summary: 'The current session',
          response: { 200: SessionView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new AppError('NOT_AUTHENTICATED', 401);
        return view(session.actor, session.csrfToken, session.mustChangePassword);
      },
    );

    app.delete(
      '/api/v1/session',
      {
        config: { access: { permission: 'self', allowWithExpiredPassword: true } },
        schema: { tags: ['session'], summary: 'Log out (退出)', response: { 204: Type.Null(), ...PROTECTED_ERRORS } },
      },
      async (request, reply) => {
        if (request.session) await sessions.logout(request.session);
        setCookie(reply, '', 0);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/session/password',
      {
        config: { access: { permission: 'self', allowWithExpiredPassword: true } },
        schema: {
          tags: ['session'],
          summary: 'Change one’s own password (修改密码)',
          body: Type.Object(
            {
              currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
              newPassword: Type.String({ minLength: 1, maxLength: 128 }),
            },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await sessions.changePassword(actor, request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send(null);
      },
    );
  };
}

function view(actor: Actor, csrfToken: string, mustChangePassword: boolean) {
  return {
    account: {
      id: actor.accountId,
      username: actor.username,
      displayName: actor.displayName,
      roles: [...actor.roles],
      regionCode: actor.regionCode,
      ...(actor.personId ? { personId: actor.personId } : {}),
      ...(actor.organisationId ? { organisationId: actor.organisationId } : {}),
      permissions: [...actor.permissions],
    },
    csrfToken,
    mustChangePassword,
  };
}
