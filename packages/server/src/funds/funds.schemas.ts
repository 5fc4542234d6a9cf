import { Type } from 'typebox';
import { MAX_FEN } from '../http/common.schemas.js';

export const FundView = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    source: Type.String(),
    year: Type.Integer(),
    regionCode: Type.String(),
    balances: Type.Array(Type.Object({ regionCode: Type.String(), kind: Type.String(), balanceFen: Type.Integer() })),
  },
  { $id: 'Fund' },
);
export const AmountFen = Type.Integer({ minimum: 1, maximum: MAX_FEN, description: '分 (fen)' });
export const IdempotencyKey = Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' }));
