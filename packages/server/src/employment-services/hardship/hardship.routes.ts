import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { AppError } from '../../http/errors.js';
import { DECIDE, FILE, OWN, READ, TAGS } from '../employment-services.schemas.js';
import type { HardshipService } from './hardship-service.js';
import {
  Certification,
  Certifications,
  CertificationsQuery,
  DecisionBody,
  ExitBody,
  FileBody,
  ReviewBody,
  SelfFileBody,
} from './hardship.schemas.js';

/** 就业困难人员认定: filed (by staff or by the person), decided by a second person, exited. */
export function hardshipRoutes(hardship: HardshipService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/employment-services/certifications';
    app.post(
      base,
      {
        config: FILE,
        schema: {
          tags: TAGS,
          summary: 'File a hard-to-employ certification for a person, with the evidence',
          body: FileBody,
          response: { 201: Certification, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await hardship.file(actorOf(request), request.body)),
    );
    app.get(
      base,
      {
        config: READ,
        schema: {
          tags: TAGS,
          summary: 'Certifications in the caller’s regions',
          querystring: CertificationsQuery,
          response: { 200: Certifications, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({
        certifications: await hardship.certifications(
          actorOf(request),
          request.query.state,
          request.query.dueForReview,
        ),
      }),
    );
    app.post(
      `${base}/:id/decision`,
      {
        config: DECIDE,
        schema: {
          tags: TAGS,
          summary: 'Certify or refuse (not by the person who filed it)',
          params: IdParams,
          body: DecisionBody,
          response: { 200: Certification, ...PROTECTED_ERRORS },
        },
      },
      async (request) => hardship.decide(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/exit`,
      {
        config: DECIDE,
        schema: {
          tags: TAGS,
          summary: 'End a certification in force (退出)',
          params: IdParams,
          body: ExitBody,
          response: { 200: Certification, ...PROTECTED_ERRORS },
        },
      },
      async (request) => hardship.exit(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/review`,
      {
        config: DECIDE,
        schema: {
          tags: TAGS,
          summary: 'A periodic review that finds the person still hard to employ: in force to the next review',
          params: IdParams,
          body: ReviewBody,
          response: { 200: Certification, ...PROTECTED_ERRORS },
        },
      },
      async (request) => hardship.review(actorOf(request), request.params.id, request.body.note),
    );
    app.get(
      '/api/v1/employment-services/my-certifications',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The caller’s own certifications',
          response: { 200: Certifications, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ certifications: await hardship.mine(actorOf(request)) }),
    );
    app.post(
      '/api/v1/employment-services/my-certifications',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Apply for one’s own hard-to-employ certification',
          body: SelfFileBody,
          response: { 201: Certification, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!actor.personId) throw new AppError('PERSON_NOT_FOUND', 404);
        return reply.status(201).send(await hardship.file(actor, { ...request.body, personId: actor.personId }));
      },
    );
  };
}
