import { Type } from 'typebox';

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
        Type.Literal('count'),
        Type.Literal('flag'),
      ],
      { description: 'fen (shown in 元), permille (shown as %), months, years, days, count, flag (0/1)' },
    ),
  },
  { additionalProperties: false },
);

export const ParameterSchema = Type.Object({
  parameter: Type.String(),
  label: Type.Optional(ParameterLabelSchema),
  region: Type.String(),
  from: Type.String(),
  to: Type.Optional(Type.String()),
  value: Type.Integer(),
  source: Type.String({ description: 'text (stated in a policy document), local-setting or example' }),
  cites: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});

export const RegionParametersResponse = Type.Object({
  parameters: Type.Array(
    Type.Object({
      parameter: Type.String(),
      label: Type.Optional(ParameterLabelSchema),
      inForce: Type.Optional(ParameterSchema),
      history: Type.Array(ParameterSchema),
    }),
  ),
});
