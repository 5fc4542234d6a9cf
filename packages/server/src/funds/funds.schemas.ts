import { Type } from 'typebox';
import type { LedgerTransactionKind } from '../db/tables/funds.js';
import { MAX_FEN } from '../http/common.schemas.js';
import { MOVES } from './ledger.js';

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

/** One entry of an account's statement (明细账): the move, its other side, and what it was for. */
export const StatementEntry = Type.Object(
  {
    id: Type.String(),
    at: Type.String(),
    kind: Type.Unsafe<LedgerTransactionKind>(Type.String({ enum: Object.keys(MOVES) })),
    amountFen: Type.Integer({ description: 'Into this account (positive) or out of it (negative)' }),
    counterpart: Type.Object({ regionCode: Type.String(), account: Type.String() }),
    applicationId: Type.Optional(Type.String()),
    applicationNumber: Type.Optional(Type.String()),
    subsidy: Type.Optional(Type.String()),
    memo: Type.Optional(Type.String()),
  },
  { $id: 'StatementEntry' },
);
