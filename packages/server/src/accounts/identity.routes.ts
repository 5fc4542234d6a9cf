import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, readCookie } from '../auth/access.js';
import { ErrorBodySchema, IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { AppError } from '../http/errors.js';
import type { OidcBinding } from './identity-oidc.js';
import type { IdentityService } from './identity-service.js';
import {
  ActivationCodeSchema,
  BindBody,
  DeclareRoleExceptionBody,
  IdentityStatusSchema,
  IssueActivationCodeBody,
  RoleExceptionSchema,
  SmsOutboxSchema,
} from './identity.schemas.js';
import type { SecurityAdminService } from './security-admin-service.js';

const OIDC_COOKIE = 'huimin_oidc';
const OIDC_PATH = '/api/v1/identity/oidc';

/** Real-name binding (实名核验) for applicants, activation codes at the counter, and the security administrator's pages. */
export function identityRoutes(
  identity: IdentityService,
  security: SecurityAdminService,
  oidc: OidcBinding | undefined,
  cookies: { secure: boolean },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const bind = { access: { permission: 'identity:bind' as const } };
    const securityAdmin = { access: { permission: 'security:manage' as const } };

    app.get(
      '/api/v1/identity',
      {
        config: { access: { permission: 'self' } },
        schema: {
          tags: ['accounts'],
          summary: 'Whether the caller’s account is bound to its registry record, and how it may be',
          response: { 200: IdentityStatusSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => identity.status(actorOf(request)),
    );

    app.post(
      '/api/v1/identity/sms-code',
      {
        config: bind,
        schema: {
          tags: ['accounts'],
          summary:
            'Send a code to the phone on record for the identity the account registered with (the same answer whether or not there is one)',
          response: {
            202: Type.Object({ resendAfterSeconds: Type.Integer() }),
            429: ErrorBodySchema,
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request, reply) => reply.status(202).send(await identity.requestSmsCode(actorOf(request))),
    );

    app.post(
      '/api/v1/identity/binding',
      {
        config: bind,
        schema: {
          tags: ['accounts'],
          summary: 'Bind the account with a text-message code or a counter activation code',
          body: BindBody,
          response: { 200: IdentityStatusSchema, 429: ErrorBodySchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => identity.bind(actorOf(request), request.body.verificationCode),
    );

    app.post(
      '/api/v1/identity/activation-codes',
      {
        config: { access: { permission: 'identity:verify' } },
        schema: {
          tags: ['accounts'],
          summary: 'A counter clerk who has seen the ID card issues an activation code (and re-binds, with a reason)',
          body: IssueActivationCodeBody,
          response: { 201: ActivationCodeSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await identity.issueActivationCode(actorOf(request), request.body)),
    );

    app.get(
      `${OIDC_PATH}/authorization`,
      {
        config: bind,
        schema: {
          tags: ['accounts'],
          summary: 'Start binding through the province’s unified identity service: the address to send the browser to',
          response: { 200: Type.Object({ url: Type.String() }), 502: ErrorBodySchema, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        if (!oidc) throw new AppError('OIDC_NOT_CONFIGURED', 404);
        const { url, browserKey } = await oidc.start(actorOf(request));
        reply.header(
          'set-cookie',
          `${OIDC_COOKIE}=${browserKey}; Path=${OIDC_PATH}; HttpOnly; SameSite=Lax; Max-Age=600${cookies.secure ? '; Secure' : ''}`,
        );
        return { url };
      },
    );

    // The provider sends the browser back here from its own site; the round's state and this
    // browser's key stand in for the session cookie, which is not sent on that navigation.
    app.get(
      `${OIDC_PATH}/callback`,
      {
        config: { access: { public: true } },
        schema: {
          tags: ['accounts'],
          summary: 'Where the identity service sends the browser back; answers with a redirect to the identity page',
          querystring: Type.Object({
            code: Type.Optional(Type.String({ maxLength: 2048 })),
            state: Type.Optional(Type.String({ maxLength: 512 })),
            error: Type.Optional(Type.String({ maxLength: 256 })),
          }),
          response: { 302: Type.Null() },
        },
      },
      async (request, reply) => {
        reply.header('set-cookie', `${OIDC_COOKIE}=; Path=${OIDC_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`);
        if (!oidc) return reply.redirect('/#/identity?error=OIDC_NOT_CONFIGURED', 302);
        try {
          await oidc.finish(
            new URL(request.url, `${request.protocol}://${request.host}`),
            readCookie(request.headers.cookie, OIDC_COOKIE),
            request.ip,
          );
          return reply.redirect('/#/identity?bound=1', 302);
        } catch (error) {
          const code = error instanceof AppError ? error.code : 'OIDC_FAILED';
          if (!(error instanceof AppError)) request.log.warn({ err: error }, 'identity service round failed');
          return reply.redirect(`/#/identity?error=${code}`, 302);
        }
      },
    );

    app.get(
      '/api/v1/sms-outbox',
      {
        config: securityAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'The demonstration text-message outbox: what would have been sent (no message leaves the machine)',
          response: { 200: SmsOutboxSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => security.outbox(actorOf(request)),
    );

    app.get(
      '/api/v1/role-exceptions',
      {
        config: securityAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'Declared exceptions to incompatible posts (权限不相容) in the caller’s regions',
          response: { 200: Type.Object({ exceptions: Type.Array(RoleExceptionSchema) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ exceptions: await security.exceptions(actorOf(request)) }),
    );

    app.post(
      '/api/v1/role-exceptions',
      {
        config: securityAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'Declare that one account in a region may hold two incompatible posts, with the reason',
          body: DeclareRoleExceptionBody,
          response: { 201: RoleExceptionSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await security.declareException(actorOf(request), request.body)),
    );

    app.post(
      '/api/v1/role-exceptions/:id/revocation',
      {
        config: securityAdmin,
        schema: {
          tags: ['accounts'],
          summary: 'Revoke a declared exception',
          params: IdParams,
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        await security.revokeException(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
