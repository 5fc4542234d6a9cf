import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { FILE_ERRORS, MANAGE, Reason, TAGS } from '../training.schemas.js';
import type { CatalogueService } from './catalogue-service.js';
import { catalogueTemplate } from './catalogue-sheets.js';
import { DemandItem, DemandItemBody, ImportedItems } from './catalogue.schemas.js';

/** The training-demand catalogue as the bureau keeps it: items added one by one or imported from a sheet, and moved out. */
export function catalogueRoutes(catalogue: CatalogueService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/training/demand-catalogue/template',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'The catalogue import template (.xlsx)',
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (_request, reply) =>
        reply.headers(xlsxDownload('training-demand-catalogue-template')).send(await catalogueTemplate()),
    );
    app.post(
      '/api/v1/training/demand-catalogue/import',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary:
            'Import catalogue items from a filled-in template: all rows or none; a bad file returns every problem by row and column',
          response: { 200: ImportedItems, ...FILE_ERRORS },
        },
      },
      async (request) => catalogue.importCatalogue(actorOf(request), uploadedFile(request.body)),
    );
    app.post(
      '/api/v1/training/demand-catalogue',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Add an item to the training-demand catalogue',
          body: DemandItemBody,
          response: { 201: DemandItem, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await catalogue.addDemandItem(actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/training/demand-catalogue/:id/removal',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Move an item out of the catalogue (it stays in the history)',
          params: IdParams,
          body: Reason,
          response: { 200: DemandItem, ...PROTECTED_ERRORS },
        },
      },
      async (request) => catalogue.removeDemandItem(actorOf(request), request.params.id, request.body.reason),
    );
  };
}
