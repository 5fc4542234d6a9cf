import { Type, type Static } from 'typebox';

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

/** One item of a draw assigned to the caller to inspect. */
export const AssignedInspection = Type.Object({
  spotCheckId: Type.String(),
  itemId: Type.String(),
  /** The day the draw was made for, and the region it was drawn in. */
  period: Type.String({ format: 'date' }),
  regionCode: Type.String(),
  applicationId: Type.String(),
  applicationNumber: Type.String(),
  subsidy: Type.String(),
  outcome: Type.Optional(Type.Union([Type.Literal('no-problem'), Type.Literal('problem-found')])),
  note: Type.Optional(Type.String()),
  recordedAt: Type.Optional(Type.String()),
});

export const AssignedInspections = Type.Object({
  /** Still to inspect, oldest draw first (at most 500); then the latest recorded, newest first. */
  inspections: Type.Array(AssignedInspection),
  /** Items still to inspect in all, listed or not. */
  open: Type.Integer(),
});

export type AssignedInspectionT = Static<typeof AssignedInspection>;

/** One past draw in the list of a region's draws (历次抽查), without its items. */
export const SpotCheckSummary = Type.Object({
  id: Type.String(),
  period: Type.String({ format: 'date' }),
  regionCode: Type.String(),
  sampleSize: Type.Integer(),
  candidates: Type.Integer(),
  /** Items drawn, those with an outcome recorded, and those that found a problem. */
  items: Type.Integer(),
  recorded: Type.Integer(),
  problems: Type.Integer(),
  createdAt: Type.String(),
  redrawOf: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});

export type SpotCheckSummaryT = Static<typeof SpotCheckSummary>;
