import type { ApplicantFacts, ClaimFacts } from '@huimin/policy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { sendPublic } from '../http/public-response.js';
import { todayInShanghai } from '../http/today.js';
import { EvaluationRequestSchema } from './facts.schema.js';
import { ErrorSchema, EvaluateResponse, ListPoliciesQuery, ListPoliciesResponse } from './policies.schemas.js';
import type { PolicyService } from './policy-service.js';

/** The public policy list and the evaluation endpoint. Routes only map input → service → output. */
export function policiesRoutes(
  service: PolicyService,
  /** Seconds browsers and proxies may reuse the public list without asking again (0: ask each time). */
  options: { readonly maxAgeSeconds?: number } = {},
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/policies',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['policies'],
          summary: '就业补贴政策清单 — the subsidies in force for a region on a date',
          querystring: ListPoliciesQuery,
          response: { 200: ListPoliciesResponse, 400: ErrorSchema },
        },
      },
      async (request, reply) => {
        const date = request.query.date ?? todayInShanghai();
        const region = request.query.region;
        // The same for everyone asking about a region and day: serialised once (by the response
        // schema) per version of the settings and sent as it is, or a 304 to a client that has it.
        const answer = await service.listBody(region, date, (listing) =>
          String(
            reply.serialize({
              region,
              date,
              policies: listing as unknown as Static<typeof ListPoliciesResponse>['policies'],
            }),
          ),
        );
        return sendPublic(request, reply, answer, options.maxAgeSeconds);
      },
    );

    app.post(
      '/api/v1/policies/evaluate',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['policies'],
          summary: 'Decide one subsidy, or every subsidy, for an applicant, with reasons and citations',
          body: EvaluationRequestSchema,
          response: { 200: EvaluateResponse, 400: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
        },
      },
      async (request) => {
        const body = request.body;
        const decisions = await service.evaluate(
          {
            ...(body.subsidy !== undefined ? { subsidy: body.subsidy } : {}),
            region: body.region,
            date: body.date ?? todayInShanghai(),
            applicant: body.applicant as ApplicantFacts,
            ...(body.claim ? { claim: body.claim as ClaimFacts } : {}),
          },
          request.headers['accept-language'],
        );
        return { decisions: decisions as unknown as Static<typeof EvaluateResponse>['decisions'] };
      },
    );
  };
}
