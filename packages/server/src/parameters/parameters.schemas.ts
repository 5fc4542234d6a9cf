import { Type } from 'typebox';
import { ParameterLabelSchema } from '../policies/policies.schemas.js';

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
