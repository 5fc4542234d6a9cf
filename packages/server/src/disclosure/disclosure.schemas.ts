import { Type } from 'typebox';
import { RegionCode } from '../policies/facts.schema.js';

export const DisclosureListQuery = Type.Object(
  {
    region: RegionCode,
    subsidy: Type.Optional(Type.String({ maxLength: 80 })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
