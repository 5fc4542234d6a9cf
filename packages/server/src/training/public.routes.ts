import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { fileResponse, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import type { CatalogueService } from './catalogue/catalogue-service.js';
import { catalogueWorkbook } from './catalogue/catalogue-sheets.js';
import { CatalogueQuery, DemandItem } from './catalogue/catalogue.schemas.js';
import type { CertificateService } from './certificates/certificate-service.js';
import { Certificate, CertificateParams, HolderQuery } from './certificates/certificates.schemas.js';
import type { InstitutionService } from './institutions/institution-service.js';
import { institutionsWorkbook } from './institutions/institution-sheets.js';
import { Institutions, InstitutionsQuery } from './institutions/institutions.schemas.js';
import { PUBLIC_ERRORS, TAGS } from './training.schemas.js';

const PUBLIC = { access: { public: true as const } };

/**
 * What anyone may read without logging in: the two catalogues (公开, 人社部发〔2024〕5号 (一)(二)(十六)),
 * as JSON and as spreadsheets, and certificate verification (证书查验). They are registered
 * together, before the bureau's routes, so the API document lists them first.
 */
export function publicTrainingRoutes(services: {
  catalogue: CatalogueService;
  institutions: InstitutionService;
  certificates: CertificateService;
}): FastifyPluginAsyncTypebox {
  const { catalogue, institutions, certificates } = services;
  return async (app) => {
    app.get(
      '/api/v1/training/demand-catalogue',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary:
            'The training-demand guidance catalogue of a region on a day (public, 5号 (一)(十六)); history=true adds items moved out',
          querystring: CatalogueQuery,
          response: { 200: Type.Object({ items: Type.Array(DemandItem) }), ...PUBLIC_ERRORS },
        },
      },
      async (request) => ({
        items: await catalogue.catalogue(request.query.region, request.query.date, request.query.history ?? false),
      }),
    );
    app.get(
      '/api/v1/training/institutions',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary: 'The institution catalogue of a region (public, 5号 (二))',
          querystring: InstitutionsQuery,
          response: { 200: Institutions, ...PUBLIC_ERRORS },
        },
      },
      async (request) => ({
        institutions: await institutions.institutions(request.query.region, request.query.history ?? false),
      }),
    );
    app.get(
      '/api/v1/training/certificates/:serial',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary:
            'Verify a training certificate by its serial number and the holder’s name (public; the ID number is masked)',
          params: CertificateParams,
          querystring: HolderQuery,
          response: { 200: Certificate, ...PUBLIC_ERRORS },
        },
      },
      async (request) => certificates.verifyCertificate(request.params.serial, request.query.name),
    );

    app.get(
      '/api/v1/training/demand-catalogue.xlsx',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary: 'The training-demand catalogue as a spreadsheet (public)',
          querystring: CatalogueQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PUBLIC_ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .headers(xlsxDownload(`training-demand-catalogue-${request.query.region}`))
          .send(
            await catalogueWorkbook(
              await catalogue.catalogue(request.query.region, request.query.date, request.query.history ?? false),
            ),
          ),
    );
    app.get(
      '/api/v1/training/institutions.xlsx',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          summary: 'The institution catalogue as a spreadsheet (public)',
          querystring: InstitutionsQuery,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PUBLIC_ERRORS },
        },
      },
      async (request, reply) => {
        const [listed, items] = await Promise.all([
          institutions.institutions(request.query.region, request.query.history ?? false),
          catalogue.catalogue(request.query.region, undefined, true),
        ]);
        return reply
          .headers(xlsxDownload(`training-institutions-${request.query.region}`))
          .send(await institutionsWorkbook(listed, items));
      },
    );
  };
}
