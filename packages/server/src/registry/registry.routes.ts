import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, type Access } from '../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import { languageOf } from '../i18n/messages.js';
import type { RegistryService } from './registry-service.js';
import {
  CreateOrganisationBody,
  CreatePersonBody,
  OrganisationFactInput,
  OrganisationSearchQuery,
  OrganisationView,
  PersonFactInput,
  PeopleExportQuery,
  PersonView,
  RegistrySearchQuery,
  RetractBody,
} from './registry.schemas.js';

/** People, units and their facts. Staff see their regions; an applicant sees their own record. */
export function registryRoutes(registry: RegistryService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Staff read their regions; an applicant reads their own record.
    const readOne = { access: { permission: ['registry:read', 'registry:self'] } } satisfies { access: Access };
    const write = { access: { permission: 'registry:write' as const } };
    const tags = ['registry'];

    app.get(
      '/api/v1/people',
      {
        config: { access: { permission: 'registry:read' } },
        schema: {
          tags,
          summary: 'Search people (by ID number, name prefix, region)',
          querystring: RegistrySearchQuery,
          response: {
            200: Type.Object({
              total: Type.Integer(),
              /** The total was counted only up to 10,000: there are at least this many. */
              totalIsLowerBound: Type.Boolean(),
              people: Type.Array(PersonView),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => registry.findPeople(actorOf(request), request.query),
    );
    app.get(
      '/api/v1/people.xlsx',
      {
        config: { access: { permission: 'registry:read' } },
        schema: {
          tags,
          summary: 'The people found, as a spreadsheet (at most 10,000, masked), in the caller’s language',
          querystring: PeopleExportQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const language = languageOf(request.headers['accept-language']) === 'en-US' ? 'en' : 'zh';
        const sheet = await registry.exportPeople(actorOf(request), request.query, language);
        return reply.headers(xlsxDownload('people')).send(sheet);
      },
    );
    app.post(
      '/api/v1/people',
      {
        config: write,
        schema: {
          tags,
          summary: 'Register a person with their facts',
          body: CreatePersonBody,
          response: { 201: PersonView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await registry.createPerson(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/people/:id',
      {
        config: readOne,
        schema: {
          tags,
          summary: 'A person, masked, with their facts',
          params: IdParams,
          response: { 200: PersonView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registry.getPerson(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/people/:id/identity',
      {
        config: { access: { permission: 'identity:unmask' } },
        schema: {
          tags,
          summary: 'The full ID number, phone and address, for a role that needs them; every view is audited',
          params: IdParams,
          body: Type.Object(
            { purpose: Type.String({ minLength: 2, maxLength: 200 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              idNumber: Type.String(),
              phone: Type.Optional(Type.String()),
              address: Type.Optional(Type.String()),
            }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => registry.revealIdentity(actorOf(request), request.params.id, request.body.purpose),
    );
    app.post(
      '/api/v1/people/:id/facts',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a dated fact about a person',
          params: IdParams,
          body: PersonFactInput,
          response: { 201: Type.Object({ id: Type.String() }), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ id: await registry.addFact(actorOf(request), { personId: request.params.id }, request.body) }),
    );

    app.get(
      '/api/v1/organisations',
      {
        config: { access: { permission: 'registry:read' } },
        schema: {
          tags,
          summary: 'Search units (by credit code, name, region)',
          querystring: OrganisationSearchQuery,
          response: {
            200: Type.Object({ total: Type.Integer(), organisations: Type.Array(OrganisationView) }),
            ...PROTECTED_ERRORS,
          },
        },
      },
      async (request) => registry.findOrganisations(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/organisations',
      {
        config: write,
        schema: {
          tags,
          summary: 'Register a unit or training institution',
          body: CreateOrganisationBody,
          response: { 201: OrganisationView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registry.createOrganisation(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/organisations/:id',
      {
        config: readOne,
        schema: {
          tags,
          summary: 'A unit with its facts',
          params: IdParams,
          response: { 200: OrganisationView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => registry.getOrganisation(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/organisations/:id/facts',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record a dated fact about a unit',
          params: IdParams,
          body: OrganisationFactInput,
          response: { 201: Type.Object({ id: Type.String() }), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ id: await registry.addFact(actorOf(request), { organisationId: request.params.id }, request.body) }),
    );

    for (const [path, key] of [
      ['people', 'personId'],
      ['organisations', 'organisationId'],
    ] as const) {
      app.put(
        `/api/v1/${path}/:id/bank-account`,
        {
          // Not finance's: who pays a failed item again does not also choose where it goes
          // (财社〔2023〕181号 第二十二条, 权限不相容). The registry's clerk corrects it.
          config: { access: { permission: 'registry:write' } },
          schema: {
            tags,
            summary:
              'Set where the subsidy is paid (社保卡金融账户 / 单位账户); a failed payment is corrected here and paid again',
            params: IdParams,
            body: Type.Object(
              {
                accountNumber: Type.String({ minLength: 12, maxLength: 40 }),
                bankName: Type.String({ minLength: 2, maxLength: 60 }),
              },
              { additionalProperties: false },
            ),
            response: { 200: Type.Object({ accountMasked: Type.String() }), ...PROTECTED_ERRORS },
          },
        },
        async (request) =>
          registry.setBankAccount(
            actorOf(request),
            key === 'personId' ? { personId: request.params.id } : { organisationId: request.params.id },
            request.body,
          ),
      );
    }

    app.post(
      '/api/v1/facts/:id/retraction',
      {
        config: write,
        schema: {
          tags,
          summary: 'Retract a fact recorded in error, with the reason; it stays in the history',
          params: IdParams,
          body: RetractBody,
          response: { 204: Type.Null(), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        await registry.retractFact(actorOf(request), request.params.id, request.body.reason);
        return reply.status(204).send(null);
      },
    );
  };
}
