import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../http/access.js';
import { IdParams, MAX_FEN, PROTECTED_ERRORS } from '../http/common.schemas.js';
import { acceptFiles, uploadedFile, xlsxDownload } from '../http/files.js';
import { IdNumber, IsoDate } from '../policies/facts.schema.js';
import { SHEET_LIMITS } from '../registry/import/tabular.js';
import type { TrainingService } from './training-service.js';
import { catalogueTemplate, catalogueWorkbook, institutionsWorkbook, rosterTemplate, rosterWorkbook } from './training-sheets.js';

const options = { additionalProperties: false } as const;
const Region = Type.String({ pattern: '^[0-9]{6}$' });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, options);

const DemandItem = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  occupation: Type.String(),
  level: Type.Optional(Type.Integer()),
  trainingKind: Type.String(),
  standardFen: Type.Integer(),
  hours: Type.Integer(),
  urgent: Type.Boolean({ description: '急需紧缺' }),
  payee: Type.Union([Type.Literal('trainee'), Type.Literal('institution')], { description: '补贴发放对象: the trainee (直补个人) or the institution (项目制、先垫后补)' }),
  validFrom: Type.String(),
  validTo: Type.Optional(Type.String()),
  inForce: Type.Boolean(),
  removedOn: Type.Optional(Type.String()),
  removedReason: Type.Optional(Type.String()),
});
const Institution = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  organisationId: Type.String(),
  name: Type.String(),
  address: Type.String(),
  nature: Type.String(),
  capacity: Type.Integer(),
  status: Type.String(),
  demandItemIds: Type.Array(Type.String()),
  removedOn: Type.Optional(Type.String()),
  removedReason: Type.Optional(Type.String()),
});
const ClassView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  institutionId: Type.String(),
  institutionName: Type.String(),
  demandItemId: Type.String(),
  occupation: Type.String(),
  level: Type.Optional(Type.Integer()),
  regionCode: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  sessions: Type.Integer(),
  state: Type.String(),
  decisionReason: Type.Optional(Type.String()),
  trainees: Type.Array(
    Type.Object({ personId: Type.String(), name: Type.String(), idNumberMasked: Type.String(), attended: Type.Integer(), passed: Type.Optional(Type.Boolean()), score: Type.Optional(Type.Integer()), certificate: Type.Optional(Type.String()) }),
  ),
  inspections: Type.Array(Type.Object({ inspectedOn: Type.String(), satisfactory: Type.Boolean(), finding: Type.String() })),
  steps: Type.Array(Type.Union([Type.Literal('decide'), Type.Literal('attend'), Type.Literal('inspect'), Type.Literal('assess'), Type.Literal('complete'), Type.Literal('claim')]), { description: 'What the caller may do next' }),
});
const Certificate = Type.Object({
  serial: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  occupation: Type.String(),
  level: Type.Optional(Type.Integer()),
  institution: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  issuedOn: Type.String(),
});
const ClassSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  state: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  regionCode: Type.String(),
  institutionId: Type.String(),
  institutionName: Type.String(),
  occupation: Type.String(),
  level: Type.Optional(Type.Integer()),
  trainees: Type.Integer(),
  certificates: Type.Integer(),
});
const ClassState = Type.Union([Type.Literal('applied'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('completed')]);
const PUBLIC_ERRORS = { 400: PROTECTED_ERRORS[400], 404: PROTECTED_ERRORS[404] };
const FILE_ERRORS = { ...PROTECTED_ERRORS, 415: PROTECTED_ERRORS[400], 422: PROTECTED_ERRORS[400] };


/** Vocational training: the two catalogues, classes, attendance, completion, certificates (两目录一系统). */
export function trainingRoutes(training: TrainingService): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptFiles(app, SHEET_LIMITS.maxBytes);
    const tags = ['training'];
    const manage = { access: { permission: 'training:manage' as const } };
    const institutionOrStaff = { access: { permission: ['training:manage' as const, 'application:own' as const] } };

    // ── public ──
    app.get(
      '/api/v1/training/demand-catalogue',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: 'The training-demand guidance catalogue of a region on a day (public, 5号 (一)(十六)); history=true adds items moved out',
          querystring: Type.Object({ region: Region, date: Type.Optional(IsoDate), history: Type.Optional(Type.Boolean()) }, options),
          response: { 200: Type.Object({ items: Type.Array(DemandItem) }), ...PUBLIC_ERRORS },
        },
      },
      async (request) => ({ items: await training.catalogue(request.query.region, request.query.date, request.query.history ?? false) }),
    );
    app.get(
      '/api/v1/training/institutions',
      {
        config: { access: { public: true } },
        schema: { tags, summary: 'The institution catalogue of a region (public, 5号 (二))', querystring: Type.Object({ region: Region, history: Type.Optional(Type.Boolean()) }, options), response: { 200: Type.Object({ institutions: Type.Array(Institution) }), ...PUBLIC_ERRORS } },
      },
      async (request) => ({ institutions: await training.institutions(request.query.region, request.query.history ?? false) }),
    );
    app.get(
      '/api/v1/training/certificates/:serial',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: 'Verify a training certificate by its serial number and the holder’s name (public; the ID number is masked)',
          params: Type.Object({ serial: Type.String({ minLength: 4, maxLength: 60 }) }, options),
          querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) }, options),
          response: { 200: Certificate, ...PUBLIC_ERRORS },
        },
      },
      async (request) => training.verifyCertificate(request.params.serial, request.query.name),
    );

    app.get(
      '/api/v1/training/demand-catalogue.xlsx',
      {
        config: { access: { public: true } },
        schema: { tags, summary: 'The training-demand catalogue as a spreadsheet (public)', querystring: Type.Object({ region: Region, date: Type.Optional(IsoDate), history: Type.Optional(Type.Boolean()) }, options) },
      },
      async (request, reply) => reply.headers(xlsxDownload(`training-demand-catalogue-${request.query.region}`)).send(await catalogueWorkbook(await training.catalogue(request.query.region, request.query.date, request.query.history ?? false))),
    );
    app.get(
      '/api/v1/training/institutions.xlsx',
      { config: { access: { public: true } }, schema: { tags, summary: 'The institution catalogue as a spreadsheet (public)', querystring: Type.Object({ region: Region, history: Type.Optional(Type.Boolean()) }, options) } },
      async (request, reply) => {
        const [institutions, items] = await Promise.all([training.institutions(request.query.region, request.query.history ?? false), training.catalogue(request.query.region, undefined, true)]);
        return reply.headers(xlsxDownload(`training-institutions-${request.query.region}`)).send(await institutionsWorkbook(institutions, items));
      },
    );

    // ── the catalogues (bureau) ──
    app.get(
      '/api/v1/training/demand-catalogue/template',
      { config: manage, schema: { tags, summary: 'The catalogue import template (.xlsx)' } },
      async (_request, reply) => reply.headers(xlsxDownload('training-demand-catalogue-template')).send(await catalogueTemplate()),
    );
    app.post(
      '/api/v1/training/demand-catalogue/import',
      {
        config: manage,
        schema: { tags, summary: 'Import catalogue items from a filled-in template: all rows or none; a bad file returns every problem by row and column', response: { 200: Type.Object({ imported: Type.Integer() }), ...FILE_ERRORS } },
      },
      async (request) => training.importCatalogue(actorOf(request), uploadedFile(request.body)),
    );
    app.post(
      '/api/v1/training/demand-catalogue',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add an item to the training-demand catalogue',
          body: Type.Object(
            {
              regionCode: Region,
              occupation: Type.String({ minLength: 1, maxLength: 60 }),
              level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
              trainingKind: Type.Union([Type.Literal('employment-skills'), Type.Literal('entrepreneurship')]),
              standardFen: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
              hours: Type.Integer({ minimum: 1, maximum: 2000 }),
              urgent: Type.Boolean(),
              payee: Type.Optional(Type.Union([Type.Literal('trainee'), Type.Literal('institution')])),
              validFrom: IsoDate,
              validTo: Type.Optional(IsoDate),
            },
            options,
          ),
          response: { 201: DemandItem, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await training.addDemandItem(actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/training/demand-catalogue/:id/removal',
      { config: manage, schema: { tags, summary: 'Move an item out of the catalogue (it stays in the history)', params: IdParams, body: Reason, response: { 200: DemandItem, ...PROTECTED_ERRORS } } },
      async (request) => training.removeDemandItem(actorOf(request), request.params.id, request.body.reason),
    );
    app.post(
      '/api/v1/training/institutions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'List a registered unit in the institution catalogue, with the items it may run',
          body: Type.Object(
            {
              organisationId: Type.String({ format: 'uuid' }),
              address: Type.String({ minLength: 2, maxLength: 200 }),
              nature: Type.Union([Type.Literal('public'), Type.Literal('private'), Type.Literal('enterprise'), Type.Literal('school')]),
              capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
              demandItemIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }),
            },
            options,
          ),
          response: { 201: Institution, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await training.listInstitution(actorOf(request), request.body)),
    );
    app.post(
      '/api/v1/training/institutions/:id/removal',
      { config: manage, schema: { tags, summary: 'Move an institution out of the catalogue (移出目录): it opens no new class', params: IdParams, body: Reason, response: { 200: Institution, ...PROTECTED_ERRORS } } },
      async (request) => training.removeInstitution(actorOf(request), request.params.id, request.body.reason),
    );

    // ── classes ──
    app.get(
      '/api/v1/training/my-institutions',
      { config: institutionOrStaff, schema: { tags, summary: 'The institutions the caller may open classes for: its own, or those listed in the bureau’s regions', response: { 200: Type.Object({ institutions: Type.Array(Institution) }), ...PROTECTED_ERRORS } } },
      async (request) => ({ institutions: await training.institutionsFor(actorOf(request)) }),
    );
    app.get(
      '/api/v1/training/roster-template',
      { config: institutionOrStaff, schema: { tags, summary: 'The roster template (培训学员名册, .xlsx)' } },
      async (_request, reply) => reply.headers(xlsxDownload('training-roster-template')).send(await rosterTemplate()),
    );
    app.post(
      '/api/v1/training/roster-check',
      {
        config: institutionOrStaff,
        schema: {
          tags,
          summary: 'Check a roster sheet before opening a class: valid ID numbers, in the registry under the names given, none twice; all or none',
          response: { 200: Type.Object({ trainees: Type.Array(Type.Object({ row: Type.Integer(), idNumber: Type.String(), name: Type.String(), idNumberMasked: Type.String() })) }), ...FILE_ERRORS },
        },
      },
      async (request) => training.checkRoster(actorOf(request), uploadedFile(request.body)),
    );
    app.get(
      '/api/v1/training/classes',
      {
        config: institutionOrStaff,
        schema: {
          tags,
          summary: 'Classes: the bureau’s in its regions, an institution’s own; newest first',
          querystring: Type.Object({ state: Type.Optional(ClassState) }, options),
          response: { 200: Type.Object({ classes: Type.Array(ClassSummary) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ classes: await training.listClasses(actorOf(request), request.query.state) }),
    );
    app.get(
      '/api/v1/training/classes/:id/roster.xlsx',
      { config: institutionOrStaff, schema: { tags, summary: 'The class roster with attendance, results and certificates (ID numbers masked)', params: IdParams } },
      async (request, reply) => {
        const cls = await training.getClass(actorOf(request), request.params.id);
        return reply.headers(xlsxDownload(`roster-${cls.number}`)).send(await rosterWorkbook(cls));
      },
    );
    app.post(
      '/api/v1/training/classes',
      {
        config: institutionOrStaff,
        schema: {
          tags,
          summary: 'Apply to open a class (开班申请): roster by real name, teaching plan, teachers, resources, assessment plan',
          body: Type.Object(
            {
              institutionId: Type.String({ format: 'uuid' }),
              demandItemId: Type.String({ format: 'uuid' }),
              startsOn: IsoDate,
              endsOn: IsoDate,
              sessions: Type.Integer({ minimum: 1, maximum: 1000 }),
              teachingPlan: Type.String({ minLength: 1, maxLength: 5000 }),
              teachers: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }), qualification: Type.String({ minLength: 1, maxLength: 200 }) }, options), { minItems: 1, maxItems: 50 }),
              resources: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 }),
              assessmentPlan: Type.String({ minLength: 1, maxLength: 5000 }),
              roster: Type.Array(IdNumber, { minItems: 1, maxItems: 5000 }),
            },
            options,
          ),
          response: { 201: ClassView, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await training.openClass(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/training/classes/:id',
      { config: institutionOrStaff, schema: { tags, summary: 'A class with its roster, attendance, results, certificates and inspections', params: IdParams, response: { 200: ClassView, ...PROTECTED_ERRORS } } },
      async (request) => training.getClass(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/training/classes/:id/decision',
      {
        config: manage,
        schema: { tags, summary: 'Approve or refuse the opening (refusal needs a reason)', params: IdParams, body: Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 500 })) }, options), response: { 200: ClassView, ...PROTECTED_ERRORS } },
      },
      async (request) => training.decideClass(actorOf(request), request.params.id, request.body.approve, request.body.reason),
    );
    app.post(
      '/api/v1/training/classes/:id/attendance',
      {
        config: institutionOrStaff,
        schema: { tags, summary: 'Check-ins for one session (考勤)', params: IdParams, body: Type.Object({ sessionNo: Type.Integer({ minimum: 1 }), personIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 5000 }) }, options), response: { 200: ClassView, ...PROTECTED_ERRORS } },
      },
      async (request) => training.recordAttendance(actorOf(request), request.params.id, request.body.sessionNo, request.body.personIds),
    );
    app.post(
      '/api/v1/training/classes/:id/inspections',
      {
        config: manage,
        schema: { tags, summary: 'Record a process inspection (过程检查)', params: IdParams, body: Type.Object({ inspectedOn: IsoDate, satisfactory: Type.Boolean(), finding: Type.String({ minLength: 1, maxLength: 2000 }) }, options), response: { 200: ClassView, ...PROTECTED_ERRORS } },
      },
      async (request) => training.inspect(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/training/classes/:id/assessment',
      {
        config: institutionOrStaff,
        schema: {
          tags,
          summary: 'Completion assessment results (结业考核), once the class has ended',
          params: IdParams,
          body: Type.Object({ results: Type.Array(Type.Object({ personId: Type.String({ format: 'uuid' }), passed: Type.Boolean(), score: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }, options), { minItems: 1, maxItems: 5000 }) }, options),
          response: { 200: ClassView, ...PROTECTED_ERRORS },
        },
      },
      async (request) => training.recordAssessment(actorOf(request), request.params.id, request.body.results),
    );
    app.post(
      '/api/v1/training/classes/:id/completion',
      { config: manage, schema: { tags, summary: 'Completion review (结业审核): certificates for those who passed', params: IdParams, response: { 200: ClassView, ...PROTECTED_ERRORS } } },
      async (request) => training.complete(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/training/classes/:id/claims',
      {
        config: { access: { permission: 'application:create' } },
        schema: { tags, summary: 'File each certified trainee’s training-subsidy claim (职业培训补贴)', params: IdParams, response: { 201: Type.Object({ filed: Type.Array(Type.String()), alreadyFiled: Type.Integer() }), ...PROTECTED_ERRORS } },
      },
      async (request, reply) => reply.status(201).send(await training.fileClaims(actorOf(request), request.params.id)),
    );
  };
}
