import { Type, type Static } from 'typebox';

export const NotificationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: Type.Union([
      Type.Literal('filed-for-you'),
      Type.Literal('accepted'),
      Type.Literal('returned'),
      Type.Literal('not-accepted'),
      Type.Literal('rejected'),
      Type.Literal('approved'),
      Type.Literal('publicised'),
      Type.Literal('paid'),
      Type.Literal('payment-failed'),
      Type.Literal('revoked'),
      Type.Literal('offered'),
      Type.Literal('referred'),
      Type.Literal('loan'),
    ]),
    /** The application it is about; an `offered` message is about an offer, and names the application it became. */
    applicationId: Type.Optional(Type.String({ format: 'uuid' })),
    applicationNumber: Type.Optional(Type.String()),
    offerId: Type.Optional(Type.String({ format: 'uuid' })),
    /** A `referred` message is about a job referral, answered under the person's job search. */
    referralId: Type.Optional(Type.String({ format: 'uuid' })),
    /** A `loan` message is about a decision on the person's 创业担保贷款, seen under their loans. */
    loanId: Type.Optional(Type.String({ format: 'uuid' })),
    /** The whole message in the caller's language. */
    message: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    readAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { $id: 'Notification', additionalProperties: false },
);

export const NotificationListSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    unread: Type.Integer({ minimum: 0 }),
    notifications: Type.Array(NotificationSchema),
  },
  { $id: 'NotificationList', additionalProperties: false },
);
export type NotificationListT = Static<typeof NotificationListSchema>;

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
