import { Type } from 'typebox';
import { CalendarDate, IdNumber } from '../../policies/facts.schema.js';
import { options } from '../training.schemas.js';

/** One trainee of a class (实名制): attendance, assessment, certificate. */
const Trainee = Type.Object(
  {
    personId: Type.String(),
    name: Type.String(),
    idNumberMasked: Type.String(),
    attended: Type.Integer(),
    passed: Type.Optional(Type.Boolean()),
    score: Type.Optional(Type.Integer()),
    certificate: Type.Optional(Type.String()),
  },
  { $id: 'Trainee' },
);

export const ClassViewSchema = Type.Object(
  {
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
    sessionsRecorded: Type.Array(Type.Integer(), { description: 'The sessions with check-ins recorded, in order' }),
    sessionsDue: Type.Integer({
      description: 'The last session whose check-ins may be taken today (0 before the class starts)',
    }),
    state: Type.String(),
    notStarted: Type.Boolean({ description: 'Approved, and today is before its first day' }),
    decisionReason: Type.Optional(Type.String()),
    trainees: Type.Array(Trainee),
    inspections: Type.Array(
      Type.Object({ inspectedOn: Type.String(), satisfactory: Type.Boolean(), finding: Type.String() }),
    ),
    steps: Type.Array(
      Type.Union([
        Type.Literal('decide'),
        Type.Literal('attend'),
        Type.Literal('inspect'),
        Type.Literal('assess'),
        Type.Literal('complete'),
        Type.Literal('claim'),
      ]),
      { description: 'What the caller may do next' },
    ),
  },
  { $id: 'TrainingClass' },
);

export const ClassSummarySchema = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    state: Type.String(),
    notStarted: Type.Boolean({ description: 'Approved, and today is before its first day' }),
    startsOn: Type.String(),
    endsOn: Type.String(),
    regionCode: Type.String(),
    institutionId: Type.String(),
    institutionName: Type.String(),
    occupation: Type.String(),
    level: Type.Optional(Type.Integer()),
    trainees: Type.Integer(),
    certificates: Type.Integer(),
  },
  { $id: 'TrainingClassSummary' },
);

export const ClassStateSchema = Type.Union([
  Type.Literal('applied'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('completed'),
]);

export const CheckedRoster = Type.Object({
  trainees: Type.Array(
    Type.Object({ row: Type.Integer(), idNumber: Type.String(), name: Type.String(), idNumberMasked: Type.String() }),
  ),
});

/** The opening application (开班申请). */
export const OpenClassBody = Type.Object(
  {
    institutionId: Type.String({ format: 'uuid' }),
    demandItemId: Type.String({ format: 'uuid' }),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    sessions: Type.Integer({ minimum: 1, maximum: 1000 }),
    teachingPlan: Type.String({ minLength: 1, maxLength: 5000 }),
    teachers: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 60 }),
          qualification: Type.String({ minLength: 1, maxLength: 200 }),
        },
        options,
      ),
      { minItems: 1, maxItems: 50 },
    ),
    resources: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 100 }),
    assessmentPlan: Type.String({ minLength: 1, maxLength: 5000 }),
    /** Each trainee by ID number and the name registered under it (实名制): a number alone would tell its name. */
    roster: Type.Array(
      Type.Object({ idNumber: IdNumber, name: Type.String({ minLength: 1, maxLength: 60 }) }, options),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  options,
);

export const DecisionBody = Type.Object(
  { approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 500 })) },
  options,
);

export const AttendanceBody = Type.Object(
  {
    sessionNo: Type.Integer({ minimum: 1 }),
    personIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 5000 }),
  },
  options,
);

export const InspectionBody = Type.Object(
  { inspectedOn: CalendarDate, satisfactory: Type.Boolean(), finding: Type.String({ minLength: 1, maxLength: 2000 }) },
  options,
);

export const AssessmentBody = Type.Object(
  {
    results: Type.Array(
      Type.Object(
        {
          personId: Type.String({ format: 'uuid' }),
          passed: Type.Boolean(),
          score: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
        },
        options,
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  options,
);
