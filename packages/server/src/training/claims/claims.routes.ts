import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { TAGS } from '../training.schemas.js';
import type { ClaimService } from './claim-service.js';
import { FiledClaims } from './claims.schemas.js';

/** Training-subsidy claims filed from a completed class's certificates. */
export function claimRoutes(claims: ClaimService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/training/classes/:id/claims',
      {
        config: { access: { permission: 'application:create' } },
        schema: {
          tags: TAGS,
          summary: 'File each certified trainee’s training-subsidy claim (职业培训补贴)',
          params: IdParams,
          response: { 201: FiledClaims, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await claims.fileClaims(actorOf(request), request.params.id)),
    );
  };
}
