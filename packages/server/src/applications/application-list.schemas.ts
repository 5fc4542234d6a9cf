import { Type, type Static } from 'typebox';
import { CalendarDate, options, RegionCode } from '../policies/facts.schema.js';
import { ApplicationView } from './applications.schemas.js';
import { STATES, type ApplicationState } from './workflow.js';

export const WorklistQuery = Type.Object(
  {
    /** `queue`: the states the caller has a step in; `processed`: those the caller took a step on (我经办的). */
    view: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('queue'), Type.Literal('processed')])),
    /** A name (or its start), an ID number, a unit's credit code, or an application number. */
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    subsidy: Type.Optional(Type.String({ maxLength: 64 })),
    state: Type.Optional(Type.Unsafe<ApplicationState>(Type.String({ enum: [...STATES] }))),
    /** Narrows to a region inside the caller's own. */
    region: Type.Optional(RegionCode),
    /** Submitted on or after / on or before. */
    submittedFrom: Type.Optional(CalendarDate),
    submittedTo: Type.Optional(CalendarDate),
    overdue: Type.Optional(Type.Boolean()),
    /** In publicity (公示) with the period over, no objection raised: ready to release for payment. */
    publicityEnded: Type.Optional(Type.Boolean()),
    sort: Type.Optional(
      Type.Union([
        Type.Literal('dueOn'),
        Type.Literal('submittedOn'),
        Type.Literal('number'),
        Type.Literal('updatedAt'),
      ]),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  options,
);
export type Worklist = Static<typeof WorklistQuery>;

export const WorklistResponse = Type.Object({
  /** At most 10,000: beyond, `totalIsLowerBound` says there are more. */
  total: Type.Integer(),
  totalIsLowerBound: Type.Boolean(),
  applications: Type.Array(ApplicationView),
});
