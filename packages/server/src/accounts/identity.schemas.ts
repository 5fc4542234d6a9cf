import { Type, type Static } from 'typebox';
import { CreditCode, IdNumber, options, RegionCode } from '../policies/facts.schema.js';

const BindingMethods = Type.Object({ sms: Type.Boolean(), counter: Type.Boolean(), oidc: Type.Boolean() });

/** Whether the caller's account is bound to its registry record (实名核验), and how it may be. */
export const IdentityStatusSchema = Type.Object(
  {
    bound: Type.Boolean(),
    kind: Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Null()]),
    name: Type.String(),
    /** The bound record's ID number or credit code, masked. */
    subjectMasked: Type.Union([Type.String(), Type.Null()]),
    via: Type.Union([
      Type.Literal('sms'),
      Type.Literal('counter'),
      Type.Literal('oidc'),
      Type.Literal('legacy'),
      Type.Null(),
    ]),
    boundAt: Type.Union([Type.String(), Type.Null()]),
    methods: BindingMethods,
    /** `outbox`: a demonstration; no text message leaves the machine. */
    smsSender: Type.Literal('outbox'),
  },
  { $id: 'IdentityStatus' },
);
export type IdentityStatus = Static<typeof IdentityStatusSchema>;

export const BindBody = Type.Object(
  {
    verificationCode: Type.String({
      minLength: 6,
      maxLength: 16,
      pattern: '^[0-9A-Za-z -]+$',
      description: '6 digits from the text message, or the counter activation code',
    }),
  },
  options,
);

/** What a counter clerk copies from the ID card or business licence they have seen. */
export const IssueActivationCodeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('person'), Type.Literal('organisation')]),
    idNumber: Type.Optional(IdNumber),
    creditCode: Type.Optional(CreditCode),
    name: Type.String({ minLength: 1, maxLength: 128 }),
    regionCode: RegionCode,
    /** A unit new to the registry: its category. */
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Required when the record is bound to another account: what the clerk verified. */
    // Judged by the service (http/said.ts), so every too-brief reason is refused in the same words.
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  options,
);
export type IssueActivationCode = Static<typeof IssueActivationCodeBody>;

export const ActivationCodeSchema = Type.Object(
  {
    code: Type.String(),
    expiresAt: Type.String(),
    rebind: Type.Boolean(),
  },
  { $id: 'ActivationCode' },
);

/** A text message in the demonstration outbox; it never left the machine. */
const OutboxMessage = Type.Object(
  {
    id: Type.String(),
    phoneMasked: Type.String(),
    body: Type.String(),
    regionCode: Type.String(),
    createdAt: Type.String(),
  },
  { $id: 'OutboxMessage' },
);

export const SmsOutboxSchema = Type.Object(
  {
    demonstration: Type.Literal(true),
    messages: Type.Array(OutboxMessage),
  },
  { $id: 'SmsOutbox' },
);

export const RoleExceptionSchema = Type.Object(
  {
    id: Type.String(),
    regionCode: Type.String(),
    roles: Type.Array(Type.String()),
    reason: Type.String(),
    declaredBy: Type.String(),
    declaredAt: Type.String(),
  },
  { $id: 'RoleException' },
);

export const DeclareRoleExceptionBody = Type.Object(
  {
    regionCode: RegionCode,
    roles: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { minItems: 2, maxItems: 2, uniqueItems: true }),
    reason: Type.String({ maxLength: 500 }),
  },
  options,
);
export type DeclareRoleException = Static<typeof DeclareRoleExceptionBody>;
