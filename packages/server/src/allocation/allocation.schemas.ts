import { DOCUMENTS, type DocumentId } from '@huimin/policy';
import { Type } from 'typebox';
import { MAX_FEN } from '../http/common.schemas.js';

/**
 * A text in both languages. Bounded, like every part of an edited scheme: a published allocation
 * is served to everyone as it was kept, so a scheme of megabytes would be sent with every list.
 */
const Text = (maxLength = 200) =>
  Type.Object({ zh: Type.String({ maxLength }), en: Type.String({ maxLength }) }, { additionalProperties: false });
const Id = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9-]+$' });
export const SchemeSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 60 }),
    name: Text(),
    citation: Type.Object(
      {
        document: Type.Unsafe<DocumentId>(Type.String({ enum: Object.keys(DOCUMENTS) })),
        article: Type.String({ maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    factors: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 60 }),
          name: Text(),
          indicators: Type.Array(
            Type.Object(
              { id: Id, name: Text(), weightBp: Type.Integer({ minimum: 0, maximum: 10_000 }) },
              { additionalProperties: false },
            ),
            { maxItems: 50 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    coefficients: Type.Array(Type.Object({ id: Id, name: Text() }, { additionalProperties: false }), {
      maxItems: 20,
    }),
    note: Type.Optional(Text(2000)),
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
      explanation: Type.Object({ zh: Type.String(), en: Type.String() }),
    }),
  ),
});
