import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { healthRoutes } from '../health/health.routes.js';
import { policiesRoutes } from '../policies/policies.routes.js';
import { PolicyService } from '../policies/policy-service.js';
import { SERVER_VERSION } from '../version.js';
import { assertAccessDeclared } from './access.js';
import { AppError, sendError } from './errors.js';

export interface AppOptions {
  readonly db: Kysely<Database>;
  readonly databaseKind: string;
  readonly logger?: boolean | FastifyBaseLogger | { level: string };
  /** The built web UI (packages/web/dist); served at / when present. */
  readonly webRoot?: string;
}

export interface App {
  readonly http: FastifyInstance;
  readonly policies: PolicyService;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const http = Fastify({
    logger: options.logger ?? false,
    // Unknown fields are errors, not silently dropped: a typo must not change a decision.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  http.addHook('onRoute', assertAccessDeclared);
  http.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
  http.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !options.webRoot) return sendError(reply, request, new AppError('NOT_FOUND', 404));
    // The web UI routes on the client: unknown paths get its index page.
    return reply.sendFile('index.html');
  });

  await http.register(fastifySwagger, {
    openapi: {
      info: { title: '惠民 Huimin API', version: SERVER_VERSION, description: 'Employment and entrepreneurship subsidies, end to end.' },
      tags: [
        { name: 'policies', description: 'The policy list and the policy engine' },
        { name: 'system', description: 'Health' },
      ],
    },
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const policies = new PolicyService(options.db);
  await http.register(healthRoutes(options.db, options.databaseKind, SERVER_VERSION));
  await http.register(policiesRoutes(policies));

  if (options.webRoot && existsSync(options.webRoot)) {
    await http.register(fastifyStatic, { root: options.webRoot, wildcard: false });
  }
  await http.ready();
  return { http, policies };
}
