import { Type } from 'typebox';

export const SpotCheckView = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  seed: Type.String(),
  period: Type.String({ format: 'date' }),
  redrawOf: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  sampleSize: Type.Integer(),
  candidates: Type.Integer(),
  createdAt: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Integer(),
      applicationId: Type.String(),
      applicationNumber: Type.String(),
      inspector: Type.String(),
      weight: Type.Integer(),
      outcome: Type.Optional(Type.String()),
      note: Type.Optional(Type.String()),
    }),
  ),
});

export const SpotChecksToday = Type.Object({
  period: Type.String({ format: 'date' }),
  regionCode: Type.String(),
  draws: Type.Array(SpotCheckView),
});
