import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acceptFiles } from '../http/files.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import type { CatalogueService } from './catalogue/catalogue-service.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import type { CertificateService } from './certificates/certificate-service.js';
import type { ClaimService } from './claims/claim-service.js';
import { claimRoutes } from './claims/claims.routes.js';
import type { ClassService } from './classes/class-service.js';
import { classRoutes } from './classes/classes.routes.js';
import type { InstitutionService } from './institutions/institution-service.js';
import { institutionRoutes } from './institutions/institutions.routes.js';
import { publicTrainingRoutes } from './public.routes.js';

/**
 * Vocational training (两目录一系统, 人社部发〔2024〕5号 一、二), one service per use case: the
 * training-demand catalogue and the institution catalogue, public and adjusted over time with their
 * history kept; classes under the real-name system, from the opening with its roster to completion;
 * the certificates they issue, which become registry facts; and the subsidy claims filed from them.
 */
export interface TrainingServices {
  readonly catalogue: CatalogueService;
  readonly institutions: InstitutionService;
  readonly classes: ClassService;
  readonly certificates: CertificateService;
  readonly claims: ClaimService;
}

/** Vocational training: the two catalogues, classes, attendance, completion, certificates (两目录一系统). */
export function trainingRoutes(training: TrainingServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    // The catalogue import and the roster check take a sheet as the raw body.
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    await app.register(publicTrainingRoutes(training));
    await app.register(catalogueRoutes(training.catalogue));
    await app.register(institutionRoutes(training.institutions));
    await app.register(classRoutes(training.classes));
    await app.register(claimRoutes(training.claims));
  };
}
