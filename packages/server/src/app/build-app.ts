import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { componentName, nameWholeAnswers, withComponents } from './openapi-names.js';
import type { JobQueue } from '../jobs/job-queue-service.js';
import { accountCredentials } from '../accounts/account-repository.js';
import { AccountService } from '../accounts/account-service.js';
import type { RegistrationLimits } from '../accounts/registration-limits.js';
import { accountsRoutes } from '../accounts/accounts.routes.js';
import { OidcBinding } from '../accounts/identity-oidc.js';
import { IdentityService } from '../accounts/identity-service.js';
import { identityRoutes } from '../accounts/identity.routes.js';
import { OidcClient, type OidcSettings } from '../accounts/oidc.js';
import { SecurityAdminService } from '../accounts/security-admin-service.js';
import { OutboxSmsSender, type SmsSender } from '../accounts/sms-sender.js';
import { ApplicationService } from '../applications/application-service.js';
import { applicationListRoutes } from '../applications/application-list.routes.js';
import { ApplicationListService } from '../applications/application-list-service.js';
import { applicationsRoutes } from '../applications/applications.routes.js';
import { EvidenceService } from '../applications/evidence-service.js';
import { evidenceRoutes } from '../applications/evidence.routes.js';
import { RegionService } from '../regions/region-service.js';
import { regionsRoutes } from '../regions/regions.routes.js';
import { AuditService } from '../audit/audit-service.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { sessionRoutes } from '../sessions/sessions.routes.js';
import { DEFAULT_SESSION_SETTINGS, SessionService, type SessionSettings } from '../sessions/session-service.js';
import { CalendarService } from '../calendar/calendar-service.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import type { Database } from '../db/schema.js';
import { HealthService } from '../health/health-service.js';
import { healthRoutes } from '../health/health.routes.js';
import { policiesRoutes } from '../policies/policies.routes.js';
import { PolicyService } from '../policies/policy-service.js';
import { publicVersions } from './public-versions.js';
import { SubsidyIdSchema, Text } from '../policies/policies.schemas.js';
import { FundService } from '../funds/fund-service.js';
import { fundsRoutes } from '../funds/funds.routes.js';
import { DisclosureService } from '../disclosure/disclosure-service.js';
import { disclosureRoutes } from '../disclosure/disclosure.routes.js';
import { allocationRoutes } from '../allocation/allocation.routes.js';
import { PublicationService } from '../allocation/publication-service.js';
import { PaymentService } from '../payments/payment-service.js';
import { RiskService } from '../risk/risk-service.js';
import { riskRoutes } from '../risk/risk.routes.js';
import { SpotCheckService } from '../risk/spot-check-service.js';
import { spotCheckRoutes } from '../risk/spot-check.routes.js';
import { HireOfferService } from '../proactive/hire-offer-service.js';
import { SweepService } from '../proactive/sweep-service.js';
import { parameterLabel } from '../parameters/parameter-labels.js';
import { listLocalParameterValues, parameterVersion } from '../parameters/parameter-repository.js';
import { ParameterService } from '../parameters/parameter-service.js';
import { parameterRoutes } from '../parameters/parameters.routes.js';
import { CatalogueService } from '../training/catalogue/catalogue-service.js';
import { CertificateService } from '../training/certificates/certificate-service.js';
import { ClaimService } from '../training/claims/claim-service.js';
import { ClassService } from '../training/classes/class-service.js';
import { InstitutionService } from '../training/institutions/institution-service.js';
import { catalogueStandardOf, trainingRiskFacts } from '../training/training-queries.js';
import { trainingRoutes, type TrainingServices } from '../training/training.routes.js';
import { proactiveRoutes } from '../proactive/proactive.routes.js';
import { NotificationService } from '../notifications/notification-service.js';
import { notificationRoutes } from '../notifications/notifications.routes.js';
import { assistanceRoutes } from '../employment-services/assistance/assistance.routes.js';
import { employmentServices, type EmploymentServices } from '../employment-services/employment-services-service.js';
import { hardshipRoutes } from '../employment-services/hardship/hardship.routes.js';
import { postingRoutes } from '../employment-services/labour-market/posting.routes.js';
import { seekerRoutes } from '../employment-services/labour-market/seeker.routes.js';
import { gigRoutes } from '../employment-services/labour-market/gig.routes.js';
import { eventRoutes } from '../employment-services/labour-market/event.routes.js';
import { registrationImportRoutes } from '../employment-services/registration/registration-import.routes.js';
import { registrationRoutes } from '../employment-services/registration/registration.routes.js';
import { LoanService } from '../loans/loan-service.js';
import { loanRoutes } from '../loans/loans.routes.js';
import { StatementImport } from '../loans/statement-import.js';
import { paymentsRoutes } from '../payments/payments.routes.js';
import { ImportService } from '../registry/import/import-service.js';
import { importRoutes } from '../registry/import/import.routes.js';
import { RegistryService } from '../registry/registry-service.js';
import { registryRoutes } from '../registry/registry.routes.js';
import type { Vault } from '../security/vault.js';
import { SERVER_VERSION } from '../version.js';
import { accessControl } from '../auth/access.js';
import { startJobs, type JobOptions } from './background-jobs.js';
import { systemClock, type Clock } from '../http/clock.js';
import { AppError, sendError } from '../http/errors.js';
import { loggerOptions, type LogSettings } from '../http/logging.js';
import { registerSecurityHeaders } from '../http/security-headers.js';
import { refuseNulCharacters, validatorCompiler } from '../http/validation.js';

export interface AppOptions {
  readonly db: Kysely<Database>;
  /** Where the public lists read (a streaming replica, `DATABASE_REPLICA_URL`); `db` when absent. */
  readonly readDb?: Kysely<Database>;
  readonly databaseKind: string;
  readonly vault: Vault;
  readonly clock?: Clock;
  readonly sessions?: SessionSettings;
  /** How often applicants may register, per address and per claimed identity (registration-limits.ts). */
  readonly registrationLimits?: RegistrationLimits;
  /** Mark the session cookie Secure (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Payment items settled per transaction during reconciliation. */
  readonly settleChunk?: number;
  /** People or units decided per batch of the proactive sweep. */
  readonly sweepBatch?: number;
  readonly logger?: false | LogSettings;
  /**
   * Which proxies' X-Forwarded-For to believe (a hop count, or their addresses and CIDR ranges).
   * Off by default: otherwise any caller could write any address into the audit trail.
   */
  readonly trustProxy?: false | number | readonly string[];
  /** The built web UI (packages/web/dist); served at / when present. */
  readonly webRoot?: string;
  /** The province's unified identity service; without it applicants bind by text message or counter code. */
  readonly oidc?: OidcSettings;
  /** Where one-time codes and notifications go; by default the demonstration outbox. */
  readonly sms?: SmsSender;
  /**
   * Seconds browsers and proxies may reuse a public list (the policy list, 公示名单) without asking
   * again; 0, the default, has them ask each time (a 304 when unchanged). The server keeps each list
   * per version of its data whatever this says (decision 025).
   */
  readonly publicCacheSeconds?: number;
  /** Background work: this process's role on the job queue (decision 024); by default it does all. */
  readonly jobs?: JobOptions;
  /**
   * How long the settings' version and the calendar kept in memory are trusted before they are read
   * again (5 s by default: a change made through another server process is seen within it).
   */
  readonly recheckEveryMs?: number;
}

/** The services behind the routes, for tests and jobs that drive them directly. */
export interface Services {
  readonly policies: PolicyService;
  readonly sessions: SessionService;
  readonly accounts: AccountService;
  readonly identity: IdentityService;
  readonly securityAdmin: SecurityAdminService;
  readonly oidcBinding: OidcBinding | undefined;
  readonly registry: RegistryService;
  readonly applications: ApplicationService;
  readonly applicationLists: ApplicationListService;
  readonly evidence: EvidenceService;
  readonly calendar: CalendarService;
  readonly imports: ImportService;
  readonly funds: FundService;
  readonly payments: PaymentService;
  readonly disclosures: DisclosureService;
  readonly risk: RiskService;
  readonly spotChecks: SpotCheckService;
  readonly sweeps: SweepService;
  readonly parameters: ParameterService;
  readonly training: TrainingServices;
  readonly regions: RegionService;
  readonly allocations: PublicationService;
  readonly audit: AuditService;
  readonly notifications: NotificationService;
  readonly employment: EmploymentServices;
  readonly loans: { readonly loans: LoanService; readonly statements: StatementImport };
}

export interface App extends Services {
  readonly http: FastifyInstance;
  /** The job queue, stopped when `http` closes. */
  readonly jobs: JobQueue;
}

export function buildServices(
  options: Pick<
    AppOptions,
    | 'db'
    | 'readDb'
    | 'vault'
    | 'clock'
    | 'sessions'
    | 'registrationLimits'
    | 'settleChunk'
    | 'sweepBatch'
    | 'oidc'
    | 'sms'
    | 'publicCacheSeconds'
    | 'recheckEveryMs'
  >,
): Services {
  const { db, vault } = options;
  const clock = options.clock ?? systemClock;
  // Settings made by another server process on the same database are seen within five seconds.
  const recheckEveryMs = options.recheckEveryMs ?? 5_000;
  // The public lists' versions in one statement, unless the disclosure list reads from a replica.
  const versionsNow = options.readDb && options.readDb !== db ? undefined : publicVersions(db);
  const policies = new PolicyService(db, listLocalParameterValues, {
    version: parameterVersion,
    checkEveryMs: recheckEveryMs,
    ...(versionsNow ? { versionNow: async () => (await versionsNow()).settings } : {}),
  });
  const sessions = new SessionService(
    db,
    vault,
    clock,
    accountCredentials,
    options.sessions ?? DEFAULT_SESSION_SETTINGS,
  );
  const registry = new RegistryService(db, vault);
  // A year loaded through another server process is seen within five seconds.
  const calendar = new CalendarService(db, vault, recheckEveryMs);
  const funds = new FundService(db, vault, clock);
  const risk = new RiskService(db, vault, clock, trainingRiskFacts);
  const applications = new ApplicationService(db, vault, clock, policies, calendar, funds, risk, catalogueStandardOf);
  const sms = options.sms ?? new OutboxSmsSender(db, () => clock.now());
  const identity = new IdentityService(db, vault, clock, sms, options.oidc !== undefined);
  return {
    identity,
    securityAdmin: new SecurityAdminService(db, vault, clock),
    oidcBinding:
      options.oidc &&
      new OidcBinding(db, vault, clock, new OidcClient(options.oidc), identity, (id, ip) => sessions.actorOf(id, ip)),
    policies,
    sessions,
    registry,
    calendar,
    accounts: new AccountService(db, vault, sessions, registry, options.registrationLimits),
    funds,
    applications,
    applicationLists: new ApplicationListService(db, vault, clock, policies, calendar),
    evidence: new EvidenceService(db, vault, applications, policies),
    payments: new PaymentService(db, vault, clock, applications, options.settleChunk),
    // Public reads only, so a replica may answer them: a list published a moment late is no harm.
    disclosures: new DisclosureService(
      options.readDb ?? db,
      vault,
      clock,
      policies,
      options.publicCacheSeconds ?? 0,
      versionsNow,
    ),
    risk,
    spotChecks: new SpotCheckService(db, vault, clock),
    sweeps: new SweepService(db, vault, clock, policies, applications, options.sweepBatch),
    imports: new ImportService(db, vault, registry),
    parameters: new ParameterService(db, vault, policies),
    regions: new RegionService(db),
    allocations: new PublicationService(db, vault),
    audit: new AuditService(db, vault, parameterLabel),
    notifications: new NotificationService(db, vault, clock, policies, sms),
    // A hire recorded in the labour market starts the unit's hiring-subsidy offer (proactive).
    employment: employmentServices(db, vault, clock, {
      // A posting's pay is held to the workplace's minimum wage in force, as the subsidies read it.
      standard: async (parameter, region, on) => (await policies.engine()).parameters.resolve(parameter, region, on),
      hireStarted: (actor, hire) => new HireOfferService(db, vault, clock, policies).offerForHire(actor, hire),
      hiredByUnit: (actor, employment) =>
        new HireOfferService(db, vault, clock, policies).offerForRegisteredEmployment(actor, employment),
      // The public job and gig boards: a replica may answer them, like the disclosure list.
      ...(options.readDb ? { publicDb: options.readDb } : {}),
    }),
    loans: { loans: new LoanService(db, vault, clock), statements: new StatementImport(db, vault, clock) },
    training: {
      catalogue: new CatalogueService(db, vault, clock),
      institutions: new InstitutionService(db, vault, clock),
      classes: new ClassService(db, vault, clock),
      certificates: new CertificateService(options.readDb ?? db),
      claims: new ClaimService(db, applications),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<App> {
  const hops = options.trustProxy;
  const trustProxy =
    typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops ? [...hops] : false;
  const http = Fastify({
    logger: options.logger ? loggerOptions(options.logger) : false,
    bodyLimit: 10 * 1024 * 1024,
    trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  http.setValidatorCompiler(validatorCompiler);
  http.addHook('preValidation', refuseNulCharacters);
  const services = buildServices(options);

  http.decorateRequest('session', null);
  // The access check is each route's own first request hook, run after the app's: a refused
  // request (401, 403) carries the security headers too. Added before any route is.
  await registerSecurityHeaders(http, { https: options.secureCookies ?? false });
  http.addHook('onRoute', accessControl(services.sessions));
  http.setErrorHandler((error, request, reply) => sendError(reply, request, error as never));
  http.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !options.webRoot)
      return sendError(reply, request, new AppError('NOT_FOUND', 404));
    // The web UI routes on the client: unknown paths get its index page.
    return reply.sendFile('index.html');
  });

  await http.register(fastifySwagger, {
    refResolver: { buildLocalReference: componentName },
    transform: nameWholeAnswers,
    transformObject: withComponents({ Text, SubsidyId: SubsidyIdSchema }),
    openapi: {
      // 3.1: Schema Objects are JSON Schema 2020-12, what TypeBox writes (`examples`, `type: 'null'`),
      // so the route schemas go out as they are; 3.0 would need them rewritten and still be lossy.
      openapi: '3.1.0',
      info: {
        title: '惠民 Huimin API',
        version: SERVER_VERSION,
        description:
          'Employment and entrepreneurship subsidies, end to end. Log in with POST /api/v1/session; send the returned csrfToken as X-CSRF-Token on every change.',
      },
      tags: [
        { name: 'policies', description: 'The policy list and the policy engine' },
        { name: 'session', description: 'Login, logout, password' },
        { name: 'accounts', description: 'Staff accounts and applicant registration' },
        { name: 'registry', description: 'People, units and their dated facts' },
        { name: 'imports', description: 'Bulk import from Excel and CSV templates' },
        { name: 'applications', description: 'Applications from draft to payment' },
        { name: 'funds', description: 'Funds, budgets and the ledger' },
        { name: 'payments', description: 'Payment batches, bank files and reconciliation' },
        { name: 'disclosure', description: 'The public lists of recipients (公示)' },
        { name: 'risk', description: 'Reference data from other departments and risk checks' },
        { name: 'proactive', description: 'The proactive sweep and its offers' },
        { name: 'parameters', description: 'A region’s own settings: local standards, thresholds, 免申即享' },
        {
          name: 'training',
          description: 'Vocational training: the two catalogues and the real-name system (两目录一系统)',
        },
        {
          name: 'employment-services',
          description:
            'Employment and unemployment registration, hardship certification, assistance (就业失业登记、困难认定、就业援助)',
        },
        {
          name: 'labour-market',
          description: 'The public labour market: job postings, seekers, matching, referrals (岗位、求职、岗位推荐)',
        },
        { name: 'loans', description: 'Start-up guaranteed loans and their interest subsidy (创业担保贷款及贴息)' },
        { name: 'audit', description: 'The hash-chained audit trail' },
        { name: 'calendar', description: 'The official working-day calendar' },
        { name: 'system', description: 'Health' },
      ],
    },
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await http.register(healthRoutes(new HealthService(options.db), options.databaseKind, SERVER_VERSION));
  await http.register(policiesRoutes(services.policies, { maxAgeSeconds: options.publicCacheSeconds ?? 0 }));
  await http.register(regionsRoutes(services.regions));
  await http.register(sessionRoutes(services.sessions, { secure: options.secureCookies ?? false }));
  await http.register(accountsRoutes(services.accounts));
  await http.register(
    identityRoutes(services.identity, services.securityAdmin, services.oidcBinding, {
      secure: options.secureCookies ?? false,
    }),
  );
  await http.register(registryRoutes(services.registry));
  await http.register(importRoutes(services.imports));
  await http.register(applicationListRoutes(services.applicationLists));
  await http.register(applicationsRoutes(services.applications));
  await http.register(evidenceRoutes(services.evidence));
  await http.register(fundsRoutes(services.funds));
  await http.register(paymentsRoutes(services.payments));
  await http.register(allocationRoutes(services.allocations));
  await http.register(riskRoutes(services.risk));
  await http.register(spotCheckRoutes(services.spotChecks));
  await http.register(proactiveRoutes(services.sweeps));
  await http.register(notificationRoutes(services.notifications));
  await http.register(parameterRoutes(services.parameters));
  await http.register(trainingRoutes(services.training));
  await http.register(disclosureRoutes(services.disclosures));
  await http.register(registrationRoutes(services.employment.registrations, services.employment.contributions));
  await http.register(registrationImportRoutes(services.employment.imports));
  await http.register(hardshipRoutes(services.employment.hardship));
  await http.register(assistanceRoutes(services.employment.assistance));
  await http.register(postingRoutes(services.employment.labourMarket));
  await http.register(seekerRoutes(services.employment.labourMarket));
  await http.register(gigRoutes(services.employment.labourMarket));
  await http.register(eventRoutes(services.employment.labourMarket));
  await http.register(
    loanRoutes(services.loans.loans, services.loans.statements, services.applications, services.policies),
  );
  await http.register(auditRoutes(services.audit));
  await http.register(calendarRoutes(services.calendar));

  if (options.webRoot && existsSync(options.webRoot)) {
    await http.register(fastifyStatic, { root: options.webRoot, wildcard: false });
  }
  const jobs = await startJobs(options.db, services, options.jobs ?? {}, http.log);
  // Running jobs finish (or are failed, to be retried elsewhere) before the database closes after it.
  http.addHook('onClose', () => jobs.stop());
  await http.ready();
  return { http, jobs, ...services };
}
