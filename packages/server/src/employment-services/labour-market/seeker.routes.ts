import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { OWN } from '../employment-services.schemas.js';
import {
  AnswerBody,
  DeclineBody,
  LABOUR,
  MONTHLY_PAY,
  LABOUR_READ,
  Matches,
  MaybeSeeker,
  OwnReferral,
  OwnReferrals,
  ProfileBody,
  REFER,
  Referral,
  ReferralBody,
  Referrals,
  Seeker,
  SeekerBody,
  Seekers,
  TAGS,
} from './labour-market.schemas.js';
import type { LabourMarket } from './labour-market-service.js';

/** Job seekers, matches for them, and referrals (岗位推荐) with the unit's answers. */
export function seekerRoutes(market: LabourMarket): FastifyPluginAsyncTypebox {
  const { seekers, matching, referrals } = market;
  return async (app) => {
    const base = '/api/v1/labour-market';
    app.get(
      `${base}/my-profile`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The caller’s job-seeking profile',
          response: { 200: MaybeSeeker, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const seeker = await seekers.mine(actorOf(request));
        return seeker ? { seeker } : {};
      },
    );
    app.put(
      `${base}/my-profile`,
      {
        config: { ...OWN, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Make or change one’s job-seeking profile',
          body: ProfileBody,
          response: { 200: Seeker, ...PROTECTED_ERRORS },
        },
      },
      async (request) => seekers.saveOwn(actorOf(request), request.body),
    );
    app.get(
      `${base}/my-matches`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Open postings that fit the caller’s profile',
          response: { 200: Matches, ...PROTECTED_ERRORS },
        },
      },
      async (request) => {
        const seeker = await seekers.mine(actorOf(request));
        return { matches: seeker ? await matching.forSeeker(seeker.id) : [] };
      },
    );
    app.get(
      `${base}/my-profile/referrals`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Jobs the caller was referred to (岗位推荐), newest first, with each job as it is now',
          response: { 200: OwnReferrals, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ referrals: await referrals.ofMine(actorOf(request)) }),
    );
    app.post(
      `${base}/my-profile/referrals/:id/decline`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The person declines a job they were referred to, with the reason, until the unit hires or refuses',
          params: IdParams,
          body: DeclineBody,
          response: { 200: OwnReferral, ...PROTECTED_ERRORS },
        },
      },
      async (request) => referrals.decline(actorOf(request), request.params.id, request.body),
    );
    app.get(
      `${base}/seekers`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'Job seekers in the caller’s regions',
          response: { 200: Seekers, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ seekers: await seekers.list(actorOf(request)) }),
    );
    app.put(
      `${base}/seekers`,
      {
        config: { ...LABOUR, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Make or change a person’s job-seeking profile at the counter',
          body: SeekerBody,
          response: { 200: Seeker, ...PROTECTED_ERRORS },
        },
      },
      async (request) => seekers.saveFor(actorOf(request), request.body),
    );
    app.get(
      `${base}/seekers/:id`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'A seeker with their certificates, registration and assistance case',
          params: IdParams,
          response: { 200: Seeker, ...PROTECTED_ERRORS },
        },
      },
      async (request) => seekers.get(actorOf(request), request.params.id),
    );
    app.get(
      `${base}/seekers/:id/matches`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'The best open postings for a seeker, with the reasons',
          params: IdParams,
          response: { 200: Matches, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ matches: await matching.forSeekerOf(actorOf(request), request.params.id) }),
    );
    app.get(
      `${base}/referrals`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'Referrals to postings in the caller’s regions',
          response: { 200: Referrals, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ referrals: await referrals.list(actorOf(request)) }),
    );
    app.post(
      `${base}/referrals`,
      {
        config: REFER,
        schema: {
          tags: TAGS,
          summary: 'Refer a seeker to an open posting (岗位推荐), once per seeker and posting',
          body: ReferralBody,
          response: { 201: Referral, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await referrals.refer(actorOf(request), request.body)),
    );
    app.get(
      `${base}/my-referrals`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Referrals to the caller’s unit’s postings',
          response: { 200: Referrals, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ referrals: await referrals.ofMyUnit(actorOf(request)) }),
    );
    app.post(
      `${base}/my-referrals/:id/answer`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The unit answers a referral: interview, hired (registers the employment), or refused with a reason',
          params: IdParams,
          body: AnswerBody,
          response: { 200: Referral, ...PROTECTED_ERRORS },
        },
      },
      async (request) => referrals.answer(actorOf(request), request.params.id, request.body),
    );
  };
}
