import { Type } from 'typebox';

export const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2200 }) },
  { additionalProperties: false },
);
