import { FUND_SOURCE_NAMES } from '@huimin/policy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { CalendarDate, RegionCode } from '../policies/facts.schema.js';
import { STATEMENT_ACCOUNTS, STATEMENT_COUNT_CAP, type StatementAccount } from './account-entries.js';
import type { FundService } from './fund-service.js';
import { AmountFen, FundView, IdempotencyKey, StatementEntry } from './funds.schemas.js';

/** Funds and budgets: create, issue, allocate down the region tree, and the balances. */
export function fundsRoutes(funds: FundService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['funds'];
    const manage = { access: { permission: 'funds:manage' as const } };
    app.get(
      '/api/v1/funds',
      {
        config: { access: { permission: 'funds:read' } },
        schema: {
          tags,
          summary: 'Funds in the caller’s regions, with their balances',
          response: { 200: Type.Object({ funds: Type.Array(FundView) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ funds: await funds.list(actorOf(request)) }),
    );
    app.get(
      '/api/v1/funds/execution',
      {
        config: { access: { permission: 'funds:read' } },
        schema: {
          tags,
          summary:
            'Budget execution: received and paid per region and fund (rate in ‰), and payments by subsidy and month',
          querystring: Type.Object(
            {
              year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
              from: Type.Optional(CalendarDate),
              to: Type.Optional(CalendarDate),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              byRegionFund: Type.Array(
                Type.Object({
                  regionCode: Type.String(),
                  fundId: Type.String(),
                  fundCode: Type.String(),
                  fundName: Type.String(),
                  receivedFen: Type.Integer(),
                  executedFen: Type.Integer(),
                  ratePermille: Type.Integer(),
                }),
              ),
              bySubsidyMonth: Type.Array(
                Type.Object({
                  subsidy: Type.String(),
                  month: Type.String(),
                  paidFen: Type.Integer(),
                  payments: Type.Integer(),
                }),
              ),
              /** The caller's regions as a whole: received from outside them, paid in them (each once). */
              total: Type.Object({
                receivedFen: Type.Integer(),
                executedFen: Type.Integer(),
                ratePermille: Type.Integer(),
              }),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => funds.execution(actorOf(request), request.query),
    );
    app.get(
      '/api/v1/funds/execution/items',
      {
        config: { access: { permission: 'funds:read' } },
        schema: {
          tags,
          summary: 'The payments and returns behind one region and fund’s executed figure (下钻), newest first',
          querystring: Type.Object(
            {
              regionCode: Type.String({ pattern: '^[0-9]{6}$' }),
              fundId: Type.String({ format: 'uuid' }),
              year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
              from: Type.Optional(CalendarDate),
              to: Type.Optional(CalendarDate),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              total: Type.Integer(),
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  applicationId: Type.Optional(Type.String()),
                  applicationNumber: Type.Optional(Type.String()),
                  subsidy: Type.Optional(Type.String()),
                  kind: Type.Union([Type.Literal('pay'), Type.Literal('payment-returned'), Type.Literal('recover')]),
                  amountFen: Type.Integer(),
                  at: Type.String(),
                }),
              ),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => {
        const { regionCode, fundId, year, from, to, limit, offset } = request.query;
        return funds.executionItems(actorOf(request), {
          regionCode,
          fundId,
          window: { ...(year ? { year } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
          limit: limit ?? 50,
          offset: offset ?? 0,
        });
      },
    );
    app.get(
      '/api/v1/funds/:id/entries',
      {
        config: { access: { permission: 'funds:read' } },
        schema: {
          tags,
          summary: 'The entries behind one balance of a fund in a region (明细账), newest first, with their other side',
          params: IdParams,
          querystring: Type.Object(
            {
              regionCode: RegionCode,
              account: Type.Unsafe<StatementAccount>(Type.String({ enum: [...STATEMENT_ACCOUNTS] })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              balanceFen: Type.Integer(),
              total: Type.Integer({ description: `Entries counted, up to ${STATEMENT_COUNT_CAP}` }),
              totalIsLowerBound: Type.Boolean({ description: 'There are more entries than total' }),
              entries: Type.Array(StatementEntry),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => {
        const { regionCode, account, limit, offset } = request.query;
        return funds.statement(actorOf(request), request.params.id, {
          regionCode,
          account,
          limit: limit ?? 50,
          offset: offset ?? 0,
        });
      },
    );
    app.post(
      '/api/v1/funds',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a fund where it is received',
          body: Type.Object(
            {
              code: Type.String({ pattern: '^[A-Za-z0-9-]{2,40}$' }),
              name: Type.String({ minLength: 1, maxLength: 100 }),
              source: Type.Unsafe<keyof typeof FUND_SOURCE_NAMES>(
                Type.String({ enum: Object.keys(FUND_SOURCE_NAMES) }),
              ),
              year: Type.Integer({ minimum: 2000, maximum: 2200 }),
              regionCode: RegionCode,
            },
            { additionalProperties: false },
          ),
          response: { 201: FundView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await funds.create(actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/funds/:id/issuance',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Budget received into the fund’s region (预算下达到本级)',
          params: IdParams,
          body: Type.Object(
            {
              amountFen: AmountFen,
              memo: Type.Optional(Type.String({ maxLength: 200 })),
              idempotencyKey: IdempotencyKey,
            },
            { additionalProperties: false },
          ),
          response: { 200: FundView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => funds.issue(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/funds/:id/allocations',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Allocate down the region tree (下达)',
          params: IdParams,
          body: Type.Object(
            {
              fromRegion: RegionCode,
              toRegion: RegionCode,
              amountFen: AmountFen,
              memo: Type.Optional(Type.String({ maxLength: 200 })),
              idempotencyKey: IdempotencyKey,
            },
            { additionalProperties: false },
          ),
          response: { 200: FundView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => funds.allocate(actorOf(request), request.params.id, request.body),
    );
  };
}
