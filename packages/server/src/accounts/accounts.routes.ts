import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { ErrorBodySchema, IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import type { AccountService } from './account-service.js';
import {
  AccountViewSchema,
  ChangeStaffRolesBody,
  CreateStaffAccountBody,
  RegistrationBody,
} from './accounts.schemas.js';

/** Staff accounts (administrator) and applicant self-registration (public). */
export function accountsRoutes(accounts: AccountService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const admin = { access: { permission: 'account:manage' as const } };

    app.post(
      '/api/v1/register',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['accounts'],
          summary: 'An applicant (person or unit) registers (申请人注册)',
          body: RegistrationBody,
          response: {
            201: Type.Object({ id: Type.String() }),
            400: ErrorBodySchema,
            409: ErrorBodySchema,
            422: ErrorBodySchema,
            // Too many registrations from the address, or unverified claims of the identity (registration-limits.ts).
            429: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await accounts.register(request.body, request.ip)),
    );

    app.get(
      '/api/v1/accounts',
      {
        config: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Staff accounts in the administrator’s regions',
          response: { 200: Type.Object({ accounts: Type.Array(AccountViewSchema) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ accounts: await accounts.list(actorOf(request)) }),
    );

    app.post(
      '/api/v1/accounts',
      {
        config: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Create a staff account',
          body: CreateStaffAccountBody,
          response: { 201: AccountViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await accounts.createStaff(actorOf(request), request.body)),
    );

    app.post(
      '/api/v1/accounts/:id/password-reset',
      {
        config: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Set a first password the holder must change; lifts a lockout',
          params: IdParams,
          body: Type.Object(
            { password: Type.String({ minLength: 1, maxLength: 128 }) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        await accounts.resetPassword(actorOf(request), request.params.id, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/v1/accounts/:id/roles',
      {
        config: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Change another staff account’s roles and region, within the separation rules',
          params: IdParams,
          body: ChangeStaffRolesBody,
          response: { 200: AccountViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => accounts.changeRoles(actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/accounts/:id/active',
      {
        config: admin,
        schema: {
          tags: ['accounts'],
          summary: 'Activate or deactivate an account',
          params: IdParams,
          body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
          response: { 200: AccountViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => accounts.setActive(actorOf(request), request.params.id, request.body.active),
    );
  };
}
