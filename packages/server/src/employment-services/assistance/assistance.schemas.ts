import { Type } from 'typebox';
import { IsoDateString, options } from '../employment-services.schemas.js';

const Kind = Type.Union([
  Type.Literal('hard-to-employ'),
  Type.Literal('zero-employment-household'),
  Type.Literal('graduate'),
]);
const ContactKind = Type.Union([
  Type.Literal('contact'),
  Type.Literal('guidance'),
  Type.Literal('referral'),
  Type.Literal('training-offer'),
  Type.Literal('internship-offer'),
]);

export const ContactBody = Type.Object(
  {
    kind: ContactKind,
    happenedOn: IsoDateString,
    note: Type.String({ minLength: 1, maxLength: 500 }),
    /** A referral's posting (岗位推荐): the case then counts one referral per posting. */
    postingId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  options,
);

export const CasesQuery = Type.Object(
  {
    kind: Type.Optional(Kind),
    open: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean()),
    mine: Type.Optional(Type.Boolean()),
  },
  options,
);

export const AssistanceCase = Type.Object({
  id: Type.String(),
  kind: Kind,
  personId: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  householdId: Type.Optional(Type.String()),
  regionCode: Type.String(),
  community: Type.Optional(Type.String()),
  caseWorkerName: Type.Optional(Type.String()),
  openedOn: Type.String(),
  dueOn: Type.String(),
  closedOn: Type.Optional(Type.String()),
  closeReason: Type.Optional(Type.String()),
  overdue: Type.Boolean(),
  /** 1+3+1: what was promised and what was done so far. */
  promise: Type.Optional(
    Type.Object({
      guidance: Type.Integer(),
      referrals: Type.Integer(),
      offers: Type.Integer(),
      guidanceDone: Type.Integer(),
      referralsDone: Type.Integer(),
      offersDone: Type.Integer(),
    }),
  ),
  contacts: Type.Array(
    Type.Object({
      kind: ContactKind,
      happenedOn: Type.String(),
      note: Type.String(),
      postingId: Type.Optional(Type.String()),
    }),
  ),
});

export const AssistanceCases = Type.Object({ cases: Type.Array(AssistanceCase) });
export const HouseholdDashboard = Type.Object({
  regions: Type.Array(
    Type.Object({ regionCode: Type.String(), nameZh: Type.String(), nameEn: Type.String(), open: Type.Integer() }),
  ),
});
