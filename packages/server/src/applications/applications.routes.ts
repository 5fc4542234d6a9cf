import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import type { ApplicationService } from './application-service.js';
import {
  ApplicationView,
  CreateApplicationBody,
  DeclarationDecisionBody,
  DeclarationParams,
  DecisionPreviewBody,
  DecisionPreviewView,
  ListApplicationsQuery,
  SelfCheckQuestionsView,
  SubmissionCheckView,
  TransitionBody,
} from './applications.schemas.js';
import { ErrorSchema, ListPoliciesQuery } from '../policies/policies.schemas.js';
import { DeferredCheckBody, DeferredMaterialParams } from './deferred-materials.schemas.js';
import { todayInShanghai } from '../http/today.js';

/** Applications and their transitions. Routes map input → service → output; the rules are in the service. */
export function applicationsRoutes(applications: ApplicationService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['applications'];
    const anyReader = {
      access: { permission: ['application:read', 'application:own', 'application:create'] as const },
    };

    app.post(
      '/api/v1/applications',
      {
        config: { access: { permission: ['application:own', 'application:create'] } },
        schema: {
          tags,
          summary:
            'File an application (申请): a draft, or submitted at once; the same idempotency key never files twice',
          body: CreateApplicationBody,
          response: { 200: ApplicationView, 201: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const { application, created } = await applications.create(
          actorOf(request),
          request.body,
          request.headers['accept-language'],
        );
        return reply.status(created ? 201 : 200).send(application);
      },
    );

    app.get(
      '/api/v1/applications',
      {
        config: { access: { permission: [...anyReader.access.permission] } },
        schema: {
          tags,
          summary: 'Applications the caller may see, soonest deadline first',
          querystring: ListApplicationsQuery,
          response: {
            200: Type.Object({ total: Type.Integer(), applications: Type.Array(ApplicationView) }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => applications.list(actorOf(request), request.query),
    );

    app.get(
      '/api/v1/self-check/questions',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary:
            'The self-check’s questions for a region: the facts its subsidies’ conditions read, with the subsidies',
          querystring: ListPoliciesQuery,
          response: { 200: SelfCheckQuestionsView, 400: ErrorSchema },
        },
      },
      async (request) => {
        const date = request.query.date ?? todayInShanghai();
        return {
          region: request.query.region,
          date,
          questions: await applications.applicant.questions(request.query.region, date),
        };
      },
    );

    app.post(
      '/api/v1/applications/decision-preview',
      {
        config: { access: { permission: ['application:own', 'application:create'] } },
        schema: {
          tags,
          summary: 'What the engine would decide today for an application as typed so far (nothing is filed)',
          body: DecisionPreviewBody,
          response: { 200: DecisionPreviewView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => applications.applicant.preview(actorOf(request), request.body),
    );

    app.get(
      '/api/v1/applications/queue',
      {
        config: {
          access: {
            permission: ['application:accept', 'application:review', 'application:approve', 'application:pay'],
          },
        },
        schema: {
          tags,
          summary:
            'The caller’s work queue: per state they act on, how many, how many overdue, and how many past their publicity',
          response: {
            200: Type.Object({
              queue: Type.Array(
                Type.Object({
                  state: Type.String(),
                  count: Type.Integer(),
                  overdue: Type.Integer(),
                  noDeadline: Type.Integer(),
                  /** In publicity (公示) with the period over: may be released for payment. */
                  publicityEnded: Type.Integer(),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => ({ queue: await applications.queue(actorOf(request)) }),
    );

    app.get(
      '/api/v1/applications/:id',
      {
        config: { access: { permission: [...anyReader.access.permission] } },
        schema: {
          tags,
          summary: 'An application with its history and the engine’s decisions',
          params: IdParams,
          response: { 200: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => applications.get(actorOf(request), request.params.id),
    );

    app.get(
      '/api/v1/applications/:id/events/:seq/reproduction',
      {
        config: { access: { permission: 'application:read' } },
        schema: {
          tags,
          summary:
            'Decide again from what an event recorded (sealed facts, date, region, the parameter values read) and say whether it is identical',
          params: Type.Object(
            { id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              identical: Type.Boolean(),
              recordedEngineVersion: Type.String(),
              engineVersion: Type.String(),
              decision: Type.Unknown(),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => applications.reproduce(actorOf(request), request.params.id, request.params.seq),
    );

    app.post(
      '/api/v1/applications/:id/risk-flags/:flagId/clearance',
      {
        config: { access: { permission: 'application:review' } },
        schema: {
          tags,
          summary:
            'Clear a risk warning that needs a manual check, with what was checked (block warnings lift only on a re-check against corrected data)',
          params: Type.Object(
            { id: Type.String({ format: 'uuid' }), flagId: Type.String({ pattern: '^\\d+$' }) },
            { additionalProperties: false },
          ),
          body: Type.Object(
            { reason: Type.String({ minLength: 2, maxLength: 1000 }) },
            { additionalProperties: false },
          ),
          response: { 200: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        applications.clearRiskFlag(actorOf(request), request.params.id, request.params.flagId, request.body.reason),
    );

    app.post(
      '/api/v1/applications/:id/transitions',
      {
        config: {
          access: {
            permission: [
              'application:own',
              'application:create',
              'application:accept',
              'application:review',
              'application:approve',
              'application:pay',
            ],
          },
        },
        schema: {
          tags,
          summary:
            'Act on an application: submit, accept (受理), return for correction (补正), review (审核), approve (复核), publicise (公示), pay (拨付), reject, withdraw, revoke',
          params: IdParams,
          body: TransitionBody,
          response: { 200: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        applications.transition(actorOf(request), request.params.id, request.body, request.headers['accept-language']),
    );

    app.get(
      '/api/v1/applications/:id/submission-check',
      {
        config: { access: { permission: ['application:own', 'application:create'] } },
        schema: {
          tags,
          summary:
            'Before submitting: whether the engine would refuse the claim (counting what was declared) and which materials are missing',
          params: IdParams,
          response: { 200: SubmissionCheckView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => applications.applicant.submissionCheck(actorOf(request), request.params.id),
    );

    app.post(
      '/api/v1/applications/:id/declarations/:declarationId',
      {
        config: { access: { permission: ['application:accept'] } },
        schema: {
          tags,
          summary:
            'At acceptance (受理), confirm, correct or reject one fact the applicant declared; a confirmed fact becomes a registry fact',
          params: DeclarationParams,
          body: DeclarationDecisionBody,
          response: { 200: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        applications.applicant.decideDeclaration(
          actorOf(request),
          request.params.id,
          request.params.declarationId,
          request.body,
        ),
    );

    app.post(
      '/api/v1/applications/:id/deferred-materials/:material/check',
      {
        config: { access: { permission: ['application:accept'] } },
        schema: {
          tags,
          summary:
            'Check a material supplied under a 容缺 promise (核验): accepted, or refused with what is wrong (supplied again by the deadline)',
          params: DeferredMaterialParams,
          body: DeferredCheckBody,
          response: { 200: ApplicationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        applications.deferrals.check(actorOf(request), request.params.id, request.params.material, request.body),
    );
  };
}
