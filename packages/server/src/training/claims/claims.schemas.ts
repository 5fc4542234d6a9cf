import { Type } from 'typebox';

/** The applications filed now, and how many certificates already had theirs. */
export const FiledClaims = Type.Object({ filed: Type.Array(Type.String()), alreadyFiled: Type.Integer() });
