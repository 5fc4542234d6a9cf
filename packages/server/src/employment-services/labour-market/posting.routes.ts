import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { ErrorBodySchema, IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { languageOf } from '../../i18n/messages.js';
import { OWN } from '../employment-services.schemas.js';
import {
  Board,
  BoardQuery,
  LABOUR,
  MONTHLY_PAY,
  LABOUR_READ,
  Matches,
  Occupations,
  Posting,
  PostingBody,
  Postings,
  PostingsQuery,
  PUBLIC,
  ReviewBody,
  StaffPostingBody,
  TAGS,
} from './labour-market.schemas.js';
import type { LabourMarket } from './labour-market-service.js';
import { CLASSIFICATION, MAJOR_GROUPS, OCCUPATIONS } from './occupations.js';
import { postingImportRoutes } from './postings-import.routes.js';
import { postingsWorkbook } from './postings-workbook.js';

const PUBLIC_ERRORS = { 400: ErrorBodySchema, 404: ErrorBodySchema } as const;

/** Job postings: the public board, a unit's own postings, and the clerks' posting and review. */
export function postingRoutes(market: LabourMarket): FastifyPluginAsyncTypebox {
  const { postings, matching } = market;
  return async (app) => {
    // In a plugin of its own: the sheet's body parsers stay with the import.
    await app.register(postingImportRoutes(market.imports));
    const base = '/api/v1/labour-market';
    app.get(
      `${base}/occupations`,
      {
        config: PUBLIC,
        schema: { tags: TAGS, summary: 'Occupation codes (职业分类大典)', response: { 200: Occupations } },
      },
      async () => ({ classification: CLASSIFICATION, majorGroups: [...MAJOR_GROUPS], occupations: [...OCCUPATIONS] }),
    );
    app.get(
      `${base}/jobs`,
      {
        config: { ...PUBLIC, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'The public job board: open postings by region, occupation, pay and keywords',
          querystring: BoardQuery,
          response: { 200: Board, ...PUBLIC_ERRORS },
        },
      },
      async (request) => postings.search(request.query),
    );
    app.get(
      `${base}/jobs/:id`,
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary: 'One open posting',
          params: IdParams,
          response: { 200: Posting, ...PUBLIC_ERRORS },
        },
      },
      async (request) => postings.published(request.params.id),
    );
    app.get(
      `${base}/my-postings`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'The caller’s unit’s postings',
          response: { 200: Postings, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ postings: await postings.myPostings(actorOf(request)) }),
    );
    app.post(
      `${base}/my-postings`,
      {
        config: { ...OWN, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Post a job for the caller’s unit (reviewed before publication)',
          body: PostingBody,
          response: { 201: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await postings.postOwn(actorOf(request), request.body)),
    );
    app.put(
      `${base}/my-postings/:id`,
      {
        config: { ...OWN, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Correct one of the unit’s postings: it is reviewed again',
          params: IdParams,
          body: PostingBody,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.correct(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/my-postings/:id/withdrawal`,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Withdraw one of the unit’s postings',
          params: IdParams,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.withdraw(actorOf(request), request.params.id),
    );
    app.get(
      `${base}/postings`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'Postings in the caller’s regions, by state',
          querystring: PostingsQuery,
          response: { 200: Postings, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ postings: await postings.list(actorOf(request), request.query.state) }),
    );
    app.get(
      `${base}/postings.xlsx`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'The same list as an Excel workbook, in the caller’s language',
          querystring: PostingsQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const list = await postings.list(actorOf(request), request.query.state);
        return reply
          .headers(xlsxDownload('job-postings'))
          .send(await postingsWorkbook(list, languageOf(request.headers['accept-language'])));
      },
    );
    app.post(
      `${base}/postings`,
      {
        config: { ...LABOUR, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Post a job on a unit’s behalf',
          body: StaffPostingBody,
          response: { 201: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await postings.postFor(actorOf(request), request.body)),
    );
    app.get(
      `${base}/postings/:id`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'One posting',
          params: IdParams,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.get(actorOf(request), request.params.id),
    );
    app.put(
      `${base}/postings/:id`,
      {
        config: { ...LABOUR, fieldLabels: MONTHLY_PAY },
        schema: {
          tags: TAGS,
          summary: 'Correct a posting on the unit’s behalf: it is reviewed again',
          params: IdParams,
          body: PostingBody,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.correct(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/postings/:id/review`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Publish a submitted posting, or refuse it with a reason (never one’s own)',
          params: IdParams,
          body: ReviewBody,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.review(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/postings/:id/withdrawal`,
      {
        config: LABOUR,
        schema: {
          tags: TAGS,
          summary: 'Withdraw a posting',
          params: IdParams,
          response: { 200: Posting, ...PROTECTED_ERRORS },
        },
      },
      async (request) => postings.withdraw(actorOf(request), request.params.id),
    );
    app.get(
      `${base}/postings/:id/matches`,
      {
        config: LABOUR_READ,
        schema: {
          tags: TAGS,
          summary: 'The best seekers for a posting, with the reasons',
          params: IdParams,
          response: { 200: Matches, ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ matches: await matching.forPosting(actorOf(request), request.params.id) }),
    );
  };
}
