import { Type } from 'typebox';
import { MAX_FEN } from '../../http/common.schemas.js';
import { CalendarDate } from '../../policies/facts.schema.js';
import { options, Region } from '../training.schemas.js';

export const DemandItem = Type.Object(
  {
    id: Type.String(),
    regionCode: Type.String(),
    occupation: Type.String(),
    level: Type.Optional(Type.Integer()),
    trainingKind: Type.String(),
    standardFen: Type.Integer(),
    hours: Type.Integer(),
    urgent: Type.Boolean({ description: '急需紧缺' }),
    payee: Type.Union([Type.Literal('trainee'), Type.Literal('institution')], {
      description: '补贴发放对象: the trainee (直补个人) or the institution (项目制、先垫后补)',
    }),
    validFrom: Type.String(),
    validTo: Type.Optional(Type.String()),
    inForce: Type.Boolean(),
    removedOn: Type.Optional(Type.String()),
    removedReason: Type.Optional(Type.String()),
  },
  { $id: 'DemandItem' },
);

/** A region's catalogue on a day; `history` adds items moved out or expired. */
export const CatalogueQuery = Type.Object(
  { region: Region, date: Type.Optional(CalendarDate), history: Type.Optional(Type.Boolean()) },
  options,
);

export const DemandItemBody = Type.Object(
  {
    regionCode: Region,
    occupation: Type.String({ minLength: 1, maxLength: 60 }),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    trainingKind: Type.Union([Type.Literal('employment-skills'), Type.Literal('entrepreneurship')]),
    standardFen: Type.Integer({ minimum: 0, maximum: MAX_FEN }),
    hours: Type.Integer({ minimum: 1, maximum: 2000 }),
    urgent: Type.Boolean(),
    payee: Type.Optional(Type.Union([Type.Literal('trainee'), Type.Literal('institution')])),
    validFrom: CalendarDate,
    validTo: Type.Optional(CalendarDate),
  },
  options,
);

export const ImportedItems = Type.Object({ imported: Type.Integer() });
