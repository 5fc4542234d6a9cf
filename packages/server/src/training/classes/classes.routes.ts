import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../auth/access.js';
import { IdParams, PROTECTED_ERRORS } from '../../http/common.schemas.js';
import { fileResponse, uploadedFile, XLSX_TYPE, xlsxDownload } from '../../http/files.js';
import { FILE_ERRORS, INSTITUTION_OR_STAFF, MANAGE, options, TAGS } from '../training.schemas.js';
import type { ClassService } from './class-service.js';
import {
  AssessmentBody,
  AttendanceBody,
  CheckedRoster,
  ClassStateSchema,
  ClassSummarySchema,
  ClassViewSchema,
  DecisionBody,
  InspectionBody,
  OpenClassBody,
} from './classes.schemas.js';
import { rosterTemplate, rosterWorkbook } from './roster-sheets.js';

/** Classes from the roster check and the opening application to completion; the institution and the bureau each take their steps. */
export function classRoutes(classes: ClassService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/training/roster-template',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'The roster template (培训学员名册, .xlsx)',
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (_request, reply) => reply.headers(xlsxDownload('training-roster-template')).send(await rosterTemplate()),
    );
    app.post(
      '/api/v1/training/roster-check',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary:
            'Check a roster sheet before opening a class: valid ID numbers, in the registry under the names given, none twice; all or none',
          response: { 200: CheckedRoster, ...FILE_ERRORS },
        },
      },
      async (request) => classes.checkRoster(actorOf(request), uploadedFile(request.body)),
    );
    app.get(
      '/api/v1/training/classes',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'Classes: the bureau’s in its regions, an institution’s own; newest first',
          querystring: Type.Object({ state: Type.Optional(ClassStateSchema) }, options),
          response: { 200: Type.Object({ classes: Type.Array(ClassSummarySchema) }), ...PROTECTED_ERRORS },
        },
      },
      async (request) => ({ classes: await classes.listClasses(actorOf(request), request.query.state) }),
    );
    app.get(
      '/api/v1/training/classes/:id/roster.xlsx',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'The class roster with attendance, results and certificates (ID numbers masked)',
          params: IdParams,
          response: { 200: fileResponse('The workbook', XLSX_TYPE), ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => {
        const cls = await classes.getClass(actorOf(request), request.params.id);
        return reply.headers(xlsxDownload(`roster-${cls.number}`)).send(await rosterWorkbook(cls));
      },
    );
    app.post(
      '/api/v1/training/classes',
      {
        // Named as the opening form names them.
        config: {
          ...INSTITUTION_OR_STAFF,
          fieldLabels: { startsOn: ['开班日期', 'starts on'], endsOn: ['结业日期', 'ends on'] },
        },
        schema: {
          tags: TAGS,
          summary:
            'Apply to open a class (开班申请): roster by real name, teaching plan, teachers, resources, assessment plan',
          body: OpenClassBody,
          response: { 201: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await classes.openClass(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/training/classes/:id',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'A class with its roster, attendance, results, certificates and inspections',
          params: IdParams,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => classes.getClass(actorOf(request), request.params.id),
    );
    app.post(
      '/api/v1/training/classes/:id/decision',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Approve or refuse the opening (refusal needs a reason)',
          params: IdParams,
          body: DecisionBody,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        classes.decideClass(actorOf(request), request.params.id, request.body.approve, request.body.reason),
    );
    app.post(
      '/api/v1/training/classes/:id/attendance',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'Check-ins for one session (考勤)',
          params: IdParams,
          body: AttendanceBody,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) =>
        classes.recordAttendance(actorOf(request), request.params.id, request.body.sessionNo, request.body.personIds),
    );
    app.post(
      '/api/v1/training/classes/:id/inspections',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Record a process inspection (过程检查)',
          params: IdParams,
          body: InspectionBody,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => classes.inspect(actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/training/classes/:id/assessment',
      {
        config: INSTITUTION_OR_STAFF,
        schema: {
          tags: TAGS,
          summary: 'Completion assessment results (结业考核), once the class has ended',
          params: IdParams,
          body: AssessmentBody,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => classes.recordAssessment(actorOf(request), request.params.id, request.body.results),
    );
    app.post(
      '/api/v1/training/classes/:id/completion',
      {
        config: MANAGE,
        schema: {
          tags: TAGS,
          summary: 'Completion review (结业审核): certificates for those who passed',
          params: IdParams,
          response: { 200: ClassViewSchema, ...PROTECTED_ERRORS },
        },
      },
      async (request) => classes.complete(actorOf(request), request.params.id),
    );
  };
}
