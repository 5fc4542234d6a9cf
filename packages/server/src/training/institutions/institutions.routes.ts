import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { INSTITUTION_OR_STAFF, MANAGE, Reason, TAGS } from '../training.schemas.js';
import type { InstitutionService } from './institution-service.js';
import { Institution, InstitutionBody, Institutions } from './institutions.schemas.js';

/** The institution catalogue as the bureau keeps it (listing, moving out), and the institutions a caller may open classes for. */
export function institutionRoutes(institutions: InstitutionService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/training/institutions',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'List a registered unit in the institution catalogue, with the items it may run',
          body: InstitutionBody,
          response: { 201: Institution, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await institutions.listInstitution(actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/training/institutions/:id/removal',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Move an institution out of the catalogue (移出目录): it opens no new class',
          params: IdParams,
          body: Reason,
          response: { 200: Institution, ...PROTECTED_ERRORS },
        },
      },
      async (request) => institutions.removeInstitution(actorOf(request), request.params.id, request.body.reason),
    );
    app.get(
      '/api/v1/training/my-institutions',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'The institutions the caller may open classes for: its own, or those listed in the bureau’s regions',
          response: { 200: Institutions, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ institutions: await institutions.institutionsFor(actorOf(request)) }),
    );
  };
}
