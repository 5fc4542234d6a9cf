import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { OWN, READ, REGISTER, TAGS } from '../employment-services.schemas.js';
import type { ContributionReview } from './contribution-review.js';
import type { RegistrationService } from './registration-service.js';
import {
  EndedCount,
  EndRegistrationBody,
  NewRegistration,
  RegisterBody,
  Registration,
  RegistrationList,
  Registrations,
  RegistrationsQuery,
  SelfRegisterBody,
} from './registration.schemas.js';

/** 就业登记 and 失业登记: at the counter, by the person themself, their end, and the open lists. */
export function registrationRoutes(
  registrations: RegistrationService,
  contributions: ContributionReview,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/employment-services/registrations';
    app.post(
      base,
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary: 'Register a person employed or unemployed (就业登记/失业登记)',
          body: RegisterBody,
          response: { 201: NewRegistration, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await registrations.register(actorOf(request), request.body)),
    );
    app.get(
      base,
      {
        config: READ,
        schema: {
          tags: TAGS,
          summary: 'Open registrations in the caller’s regions',
          querystring: RegistrationsQuery,
          response: { 200: RegistrationList, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registrations.openRegistrations(actorOf(request), request.query.kind),
    );
    app.post(
      `${base}/:id/end`,
      {
        config: { ...REGISTER, fieldLabels: { endsOn: ['终止日期', 'last day'] } },
        schema: {
          tags: TAGS,
          summary: 'End an open registration on a day, for a reason',
          params: IdParams,
          body: EndRegistrationBody,
          response: { 200: Registration, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registrations.endRegistration(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/contact`,
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary: 'Record that the registered person was in touch today',
          params: IdParams,
          response: { 200: Registration, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registrations.recordContact(actorOf(request), request.params.id),
    );
    app.post(
      `${base}/no-contact-review`,
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary: 'End unemployment registrations without contact for the region’s months (连续6个月未联系)',
          response: { 200: EndedCount, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registrations.endSilent(actorOf(request)),
    );
    app.post(
      `${base}/contribution-review`,
      {
        config: REGISTER,
        schema: {
          tags: TAGS,
          summary:
            'End unemployment registrations where a unit has since paid contributions: employment registered with it',
          response: { 200: EndedCount, ...PROTECTED_ERRORS },
        },
      },
      async (request) => contributions.run(actorOf(request)),
    );
    app.get(
      '/api/v1/employment-services/people/:id/registrations',
      {
        config: READ,
        schema: {
          tags: TAGS,
          summary: 'A person’s registrations, newest first',
          params: IdParams,
          response: { 200: Registrations, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({
        registrations: await registrations.registrationsOfPerson(actorOf(request), request.params.id),
      }),
    );
    app.get(
      '/api/v1/employment-services/my-registrations',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The caller’s own registrations',
          response: { 200: Registrations, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ registrations: await registrations.myRegistrations(actorOf(request)) }),
    );
    app.post(
      '/api/v1/employment-services/my-registrations',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Register oneself unemployed (失业登记)',
          body: SelfRegisterBody,
          response: { 201: NewRegistration, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registrations.registerSelf(actorOf(request), request.body)),
    );
  };
}
