import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { OWN } from '../employment-services.schemas.js';
import { CvBody, CvReceipt, Cvs, Event, EventBody, Events, LiveEvents, Results } from './event.schemas.js';
import { LABOUR, LABOUR_READ, TAGS } from './labour-market.schemas.js';
import type { LabourMarket } from './labour-market-service.js';

/** Recruitment events and live streams (招聘活动、直播带岗): set up, CVs while live, results afterwards. */
export function eventRoutes(market: LabourMarket): FastifyPluginAsyncTypebox {
  const { events } = market;
  return async (app) => {
    const base = '/api/v1/labour-market/events';
    app.get(
      base,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'Recruitment events and live streams in the caller’s regions',
          response: { 200: Events, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ events: await events.list(actorOf(request)) }),
    );
    app.get(
      '/api/v1/labour-market/live-events',
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Events running now, for a seeker to send a CV to a posting presented',
          response: { 200: LiveEvents, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ events: await events.live(actorOf(request)) }),
    );
    app.post(
      base,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Set up a recruitment event or live stream presenting published postings',
          body: EventBody,
          response: { 201: Event, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await events.create(actorOf(request), request.body)),
    );
    app.get(
      `${base}/:id`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'One event',
          params: IdParams,
          response: { 200: Event, ...PROTECTED_ERRORS },
        },
      },
      async (request) => events.get(actorOf(request), request.params.id),
    );
    app.get(
      `${base}/:id/cvs`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'The CVs sent during the event',
          params: IdParams,
          response: { 200: Cvs, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ cvs: await events.cvs(actorOf(request), request.params.id) }),
    );
    app.post(
      `${base}/:id/cvs`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Send one’s job-seeking profile to a posting the live event presents',
          params: IdParams,
          body: CvBody,
          response: { 201: CvReceipt, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await events.submitCv(actorOf(request), request.params.id, request.body.postingId)),
    );
    app.put(
      `${base}/:id/results`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Enter the event’s results once it is over (views, CVs, interviews, hires)',
          params: IdParams,
          body: Results,
          response: { 200: Event, ...PROTECTED_ERRORS },
        },
      },
      async (request) => events.enterResults(actorOf(request), request.params.id, request.body),
    );
  };
}
