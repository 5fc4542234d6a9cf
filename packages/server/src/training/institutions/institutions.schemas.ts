import { Type } from 'typebox';
import { options, Region } from '../training.schemas.js';

export const Institution = Type.Object(
  {
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
  },
  { $id: 'TrainingInstitution' },
);

export const Institutions = Type.Object({ institutions: Type.Array(Institution) });

/** A region's institutions; `history` adds those moved out. */
export const InstitutionsQuery = Type.Object({ region: Region, history: Type.Optional(Type.Boolean()) }, options);

export const InstitutionBody = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    address: Type.String({ minLength: 2, maxLength: 200 }),
    nature: Type.Union([
      Type.Literal('public'),
      Type.Literal('private'),
      Type.Literal('enterprise'),
      Type.Literal('school'),
    ]),
    capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    demandItemIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }),
  },
  options,
);
