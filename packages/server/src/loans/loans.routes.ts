import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApplicationService } from '../applications/application-service.js';
import { actorOf } from '../auth/access.js';
import { ErrorBodySchema, IdParams, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { acceptFiles, fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../http/files.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import type { PolicyService } from '../policies/policy-service.js';
import { fileLoanAwards } from './file-loan-awards.js';
import { awardReport } from './loan-award-report.js';
import { AwardBody, AwardFiled, AwardQuery, AwardReport } from './loan-awards.schemas.js';
import type { LoanService } from './loan-service.js';
import {
  ANY_PARTY,
  ApplyBody,
  BANK,
  ClaimsResult,
  CompensationBody,
  ContractBody,
  DecisionBody,
  DefaultBody,
  EndBody,
  ExtensionBody,
  GUARANTEE,
  GuaranteeBody,
  Institution,
  InstitutionBody,
  Institutions,
  InstitutionsQuery,
  Loan,
  LoanTermsView,
  Loans,
  LoansQuery,
  MANAGE,
  OWN,
  QUALIFY,
  READ,
  Register,
  StatementResult,
  TAGS,
  TermsQuery,
} from './loans.schemas.js';
import type { StatementImport } from './statement-import.js';
import { statementTemplate } from './statement-sheet.js';
import { fileSubsidyClaims } from './subsidy-claim-service.js';

/** 创业担保贷款: parties, the loan's steps, the banks' statements, the 贴息 claims and the register. */
export function loanRoutes(
  loans: LoanService,
  statements: StatementImport,
  applications: ApplicationService,
  policies: PolicyService,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/loans';
    const one = { tags: TAGS, params: IdParams, response: { 200: Loan, ...PROTECTED_ERRORS } };
    app.get(
      `${base}/institutions`,
      {
        config: { access: { public: true } },
        schema: {
          tags: TAGS,
          summary: 'The lending banks and guarantee institutions serving a region (经办银行、担保机构)',
          querystring: InstitutionsQuery,
          response: { 200: Institutions, 400: ErrorBodySchema },
        },
      },
      async (request) => loans.reads.institutionsFor(request.query.region),
    );
    app.get(
      `${base}/terms`,
      {
        config: { access: { public: true } },
        schema: {
          tags: TAGS,
          summary: 'What the region’s text allows a start-up guaranteed loan contracted today: limit, term, 贴息 share',
          querystring: TermsQuery,
          response: { 200: LoanTermsView, 400: ErrorBodySchema },
        },
      },
      async (request) => loans.termsToday(request.query.region, request.query.borrower),
    );
    app.post(
      `${base}/institutions`,
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Register a unit as a lending bank (with its rate cap) or a guarantee institution (with its fund)',
          body: InstitutionBody,
          response: { 201: Institution, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await loans.registerInstitution(actorOf(request), request.body)),
    );
    app.post(
      base,
      {
        config: OWN,
        schema: {
          tags: TAGS,
          summary: 'Apply for a start-up guaranteed loan (创业担保贷款), within the region’s cited limits',
          body: ApplyBody,
          response: { 201: Loan, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await loans.apply(actorOf(request), request.body)),
    );
    app.get(
      base,
      {
        config: ANY_PARTY,
        schema: {
          tags: TAGS,
          summary: 'Loans the caller may see',
          querystring: LoansQuery,
          response: { 200: Loans, ...PROTECTED_ERRORS },
        },
      },
      async (request) => loans.reads.list(actorOf(request), request.query.state),
    );
    app.get(
      `${base}/register`,
      {
        config: READ,
        schema: {
          tags: TAGS,
          summary: 'The loan register’s totals per region: count, balance, subsidy paid, default rate',
          response: { 200: Register, ...PROTECTED_ERRORS },
        },
      },
      async (request) => loans.reads.register(actorOf(request)),
    );
    app.get(
      `${base}/:id`,
      { config: ANY_PARTY, schema: { ...one, summary: 'One loan with its schedule and quarters' } },
      async (request) => loans.reads.get(actorOf(request), request.params.id),
    );
    app.post(
      `${base}/:id/qualification`,
      { config: QUALIFY, schema: { ...one, summary: '人社 qualification review (资格审核)', body: DecisionBody } },
      async (request) => loans.qualify(actorOf(request), request.params.id, request.body.approve, request.body.reason),
    );
    app.post(
      `${base}/:id/guarantee`,
      {
        config: GUARANTEE,
        schema: { ...one, summary: 'The guarantee institution guarantees or refuses', body: GuaranteeBody },
      },
      async (request) => loans.guarantee(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/contract`,
      {
        config: BANK,
        schema: { ...one, summary: 'The bank records the contract and disbursement', body: ContractBody },
      },
      async (request) => loans.contract(actorOf(request), request.params.id, request.body),
    );
    app.post(
      `${base}/:id/extension`,
      {
        config: BANK,
        schema: { ...one, summary: 'One extension (展期) where the text allows it', body: ExtensionBody },
      },
      async (request) =>
        loans.extend(actorOf(request), request.params.id, request.body.extendedTo, request.body.reason),
    );
    app.post(
      `${base}/:id/repayment`,
      { config: BANK, schema: { ...one, summary: 'Repaid in full (early or at maturity)', body: EndBody } },
      async (request) => loans.repay(actorOf(request), request.params.id, request.body.on),
    );
    app.post(
      `${base}/:id/default`,
      { config: BANK, schema: { ...one, summary: 'The loan is in default', body: DefaultBody } },
      async (request) => loans.default(actorOf(request), request.params.id, request.body.on, request.body.reason),
    );
    app.post(
      `${base}/:id/compensation`,
      {
        config: GUARANTEE,
        schema: { ...one, summary: 'The guarantee fund compensates the bank (代偿)', body: CompensationBody },
      },
      async (request) =>
        loans.compensate(actorOf(request), request.params.id, request.body.amountFen, request.body.compensatedOn),
    );
    app.post(
      `${base}/claims`,
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'File the 贴息 claims of every quarter computed and not yet claimed, paid to the banks',
          response: { 200: ClaimsResult, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        fileSubsidyClaims(loans.database, applications, actorOf(request), request.headers['accept-language']),
    );
    app.get(
      `${base}/awards`,
      {
        config: READ,
        schema: {
          tags: TAGS,
          summary:
            'The year’s award report (奖补) of a region: new loans per bank and guarantor, at the region’s share',
          querystring: AwardQuery,
          response: { 200: AwardReport, ...PROTECTED_ERRORS },
        },
      },
      async (request) => awardReport(loans.database, await policies.engine(), actorOf(request), request.query),
    );
    app.post(
      `${base}/awards`,
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'File the year’s awards of a region, one per institution, paid to each from inclusive finance',
          body: AwardBody,
          response: { 200: AwardFiled, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        fileLoanAwards(
          loans.database,
          await policies.engine(),
          applications,
          actorOf(request),
          request.body,
          request.headers['accept-language'],
        ),
    );
    await app.register(async (files) => {
      acceptFiles(files, SHEET_LIMITS.maxBytes);
      files.get(
        `${base}/statements/template`,
        {
          config: BANK,
          schema: {
            tags: TAGS,
            summary: 'The quarterly statement template (.xlsx)',
            response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
          },
        },
        async (_request, reply) =>
          reply.headers(xlsxDownload('loan-statement-template')).send(await statementTemplate()),
      );
      files.post(
        `${base}/statements`,
        {
          config: BANK,
          schema: {
            tags: TAGS,
            summary: 'Import a quarterly interest statement: all rows or none; every problem by row and column',
            response: { 200: StatementResult, ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400] },
          },
        },
        async (request) => statements.import(actorOf(request), uploadedFile(request.body)),
      );
    });
  };
}
