import { SubsidyIdSchema } from '../policies/policies.schemas.js';
import { Type, type Static } from 'typebox';

/** One run of the sweep and how far it has come. */
export const SweepSchema = Type.Object(
  {
    id: Type.String(),
    regionCode: Type.String(),
    judgedOn: Type.String(),
    state: Type.String(),
    phase: Type.Union([Type.Literal('people'), Type.Literal('units')]),
    peopleTotal: Type.Integer(),
    peopleDone: Type.Integer(),
    unitsTotal: Type.Integer(),
    unitsDone: Type.Integer(),
    offersCreated: Type.Integer(),
    applicationsFiled: Type.Integer({ description: '免申即享: applications the sweep filed and sent to review' }),
    startedAt: Type.String(),
    finishedAt: Type.Optional(Type.String()),
    error: Type.Optional(Type.String()),
  },
  { $id: 'Sweep' },
);

/** A subsidy offered to someone the sweep found eligible who has not applied (政策找人). */
export const OfferSchema = Type.Object(
  {
    id: Type.String(),
    personId: Type.Optional(Type.String()),
    organisationId: Type.Optional(Type.String()),
    subsidy: SubsidyIdSchema,
    periodKey: Type.String(),
    amountFen: Type.Optional(Type.Integer()),
    noApplication: Type.Boolean({ description: '免申即享: the sweep files the application itself' }),
    state: Type.String(),
    applicationId: Type.Optional(Type.String()),
    createdAt: Type.String(),
  },
  { $id: 'Offer' },
);

export type SweepView = Static<typeof SweepSchema>;
export type OfferView = Static<typeof OfferSchema>;
