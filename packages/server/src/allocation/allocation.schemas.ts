import { DOCUMENTS, type DocumentId } from '@huimin/policy';
import { Type } from 'typebox';
import { MAX_FEN } from '../http/common.schemas.js';

/** A text in both languages. */
const Text = Type.Object({ zh: Type.String(), en: Type.String() });
export const SchemeSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    name: Text,
    citation: Type.Object({
      document: Type.Unsafe<DocumentId>(Type.String({ enum: Object.keys(DOCUMENTS) })),
      article: Type.String(),
    }),
    factors: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Text,
        indicators: Type.Array(
          Type.Object({
            id: Type.String({ pattern: '^[A-Za-z0-9-]+$' }),
            name: Text,
            weightBp: Type.Integer({ minimum: 0, maximum: 10_000 }),
          }),
        ),
      }),
      { minItems: 1 },
    ),
    coefficients: Type.Array(Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]+$' }), name: Text })),
    note: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export const RegionFigures = Type.Object(
  {
    region: Type.String({ pattern: '^\\d{6}$' }),
    values: Type.Record(
      Type.String(),
      Type.Integer({ minimum: 0, maximum: MAX_FEN, description: 'People, units or 分' }),
    ),
    coefficients: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0 }))),
  },
  { additionalProperties: false },
);
export const AllocationResult = Type.Object({
  scheme: Type.String(),
  totalFen: Type.Integer(),
  cites: Type.String(),
  rows: Type.Array(
    Type.Object({
      region: Type.String(),
      amountFen: Type.Integer(),
      sharesPpm: Type.Record(Type.String(), Type.Integer()),
      scorePpm: Type.Integer(),
      adjustedScorePpm: Type.Integer(),
      remainderFen: Type.Integer(),
      explanation: Text,
    }),
  ),
});
