import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { ErrorBodySchema, IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { LABOUR, LABOUR_READ, PUBLIC, TAGS } from './labour-market.schemas.js';
import type { LabourMarket } from './labour-market-service.js';
import {
  Figures,
  FiguresQuery,
  Gig,
  GigBoardQuery,
  GigBody,
  GigMatch,
  Gigs,
  MatchBody,
  Station,
  StationBody,
  Stations,
  Worker,
  WorkerBody,
  Workers,
} from './gig.schemas.js';

/** The gig market (零工市场): stations, their gigs, workers and matches, a month's figures, the public gig board. */
export function gigRoutes(market: LabourMarket): FastifyPluginAsyncTypebox {
  const { gigs } = market;
  return async (app) => {
    const base = '/api/v1/labour-market';
    app.get(
      `${base}/gigs`,
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary: 'The public gig board: open gigs by region',
          querystring: GigBoardQuery,
          response: { 200: Gigs, 400: ErrorBodySchema },
        },
      },
      async (request) => ({ gigs: await gigs.board(request.query.region) }),
    );
    app.get(
      `${base}/gig-stations`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'Gig stations (零工驿站) in the caller’s regions',
          response: { 200: Stations, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ stations: await gigs.stations(actorOf(request)) }),
    );
    app.post(
      `${base}/gig-stations`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Open a gig station run by an organisation',
          body: StationBody,
          response: { 201: Station, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await gigs.createStation(actorOf(request), request.body)),
    );
    app.get(
      `${base}/gig-stations/:id/gigs`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'A station’s gig postings',
          params: IdParams,
          response: { 200: Gigs, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ gigs: await gigs.gigs(actorOf(request), request.params.id) }),
    );
    app.post(
      `${base}/gig-stations/:id/gigs`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Post a gig for a unit through the station (reviewed before publication)',
          params: IdParams,
          body: GigBody,
          response: { 201: Gig, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await gigs.postGig(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      `${base}/gig-stations/:id/workers`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'A station’s register of gig workers',
          params: IdParams,
          response: { 200: Workers, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ workers: await gigs.workers(actorOf(request), request.params.id) }),
    );
    app.put(
      `${base}/gig-stations/:id/workers`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Register a person as a gig worker at the station',
          params: IdParams,
          body: WorkerBody,
          response: { 200: Worker, ...PROTECTED_ERRORS },
        },
      },
      async (request) => gigs.registerWorker(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/gig-stations/:id/matches`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Record that the station placed one of its workers in one of its gigs',
          params: IdParams,
          body: MatchBody,
          response: { 201: GigMatch, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await gigs.match(actorOf(request), request.params.id, request.body)),
    );
    app.get(
      `${base}/gig-stations/:id/figures`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'A station’s service figures for a month or a year, as its 就业创业服务补助 claim reads them',
          params: IdParams,
          querystring: FiguresQuery,
          response: { 200: Figures, ...PROTECTED_ERRORS },
        },
      },
      async (request) => gigs.figures(actorOf(request), request.params.id, request.query),
    );
  };
}
