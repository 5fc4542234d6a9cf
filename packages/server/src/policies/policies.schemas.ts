import { CATALOGUE } from '@huimin/policy';
import { Type, type Static } from 'typebox';
import { CalendarDate, RegionCode } from './facts.schema.js';

/**
 * A subsidy's id in an answer: one of the catalogue's, listed in the OpenAPI document, so the web's
 * generated types know every id and a misspelt one does not compile. (Requests keep a plain string:
 * an unknown id there is answered as UNKNOWN_SUBSIDY, naming it.)
 */
export const SubsidyIdSchema = Type.Unsafe<string>(
  Type.String({ enum: CATALOGUE.map((s) => s.id), description: 'A subsidy in the catalogue' }),
);

/** A text in both languages. */
export const Text = Type.Object({ zh: Type.String(), en: Type.String() });
const Reason = Type.Object(
  { code: Type.String(), met: Type.Boolean(), message: Text, cites: Type.String(), detail: Type.Optional(Text) },
  { additionalProperties: true },
);
/** A parameter's name in both languages and the unit its value counts, as the policy package declares it. */
export const ParameterLabelSchema = Type.Object(
  {
    zh: Type.String(),
    en: Type.String(),
    unit: Type.Union(
      [
        Type.Literal('fen'),
        Type.Literal('permille'),
        Type.Literal('months'),
        Type.Literal('years'),
        Type.Literal('days'),
        Type.Literal('working-days'),
        Type.Literal('count'),
        Type.Literal('flag'),
      ],
      {
        description:
          'fen (shown in 元), permille (shown as %), months, years, days, working-days (on the official calendar), count, flag (0/1)',
      },
    ),
  },
  { additionalProperties: false },
);

const Parameter = Type.Object(
  {
    parameter: Type.String(),
    value: Type.Number(),
    region: Type.String(),
    from: Type.String(),
    to: Type.Optional(Type.String()),
    source: Type.String(),
    cites: Type.Optional(Type.String()),
    label: Type.Optional(ParameterLabelSchema),
  },
  { additionalProperties: true },
);

export const ListPoliciesQuery = Type.Object(
  {
    region: RegionCode,
    // The day must exist: 2026-02-30 is refused naming the field, not answered as if it did.
    date: Type.Optional(Type.String({ ...CalendarDate, description: 'Defaults to today in Asia/Shanghai' })),
  },
  { additionalProperties: false },
);

export const PolicyListingSchema = Type.Object(
  {
    id: SubsidyIdSchema,
    name: Text,
    applicant: Type.String(),
    fund: Type.String(),
    inForce: Type.Boolean(),
    status: Type.String(),
    statusReason: Type.Optional(Reason),
    scheme: Type.Optional(
      Type.Object({
        id: Type.String(),
        region: Type.String(),
        from: Type.String(),
        to: Type.Optional(Type.String()),
        basis: Type.String(),
        who: Text,
        standard: Text,
        materials: Type.Array(Text),
        parameters: Type.Array(Parameter),
      }),
    ),
    process: Text,
    timeLimitWorkingDays: Type.Optional(Type.Integer()),
    disclosure: Type.String(),
  },
  { $id: 'PolicyListing', additionalProperties: false },
);

export const ListPoliciesResponse = Type.Object({
  region: Type.String(),
  date: Type.String(),
  policies: Type.Array(PolicyListingSchema),
});

export const DecisionSchema = Type.Object(
  {
    subsidy: SubsidyIdSchema,
    name: Text,
    status: Type.String(),
    eligible: Type.Boolean(),
    amountFen: Type.Union([Type.Integer(), Type.Null()]),
    perMonthFen: Type.Optional(Type.Integer()),
    months: Type.Optional(Type.Integer()),
    scheme: Type.Optional(Type.String()),
    region: Type.String(),
    date: Type.String(),
    reasons: Type.Array(Reason),
    parameters: Type.Array(Parameter),
    engineVersion: Type.String(),
  },
  { $id: 'Decision', additionalProperties: false },
);

export type DecisionViewT = Static<typeof DecisionSchema>;

export const EvaluateResponse = Type.Object({ decisions: Type.Array(DecisionSchema) });

export const ErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
});
