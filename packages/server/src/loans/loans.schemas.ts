import { Type, type Static } from 'typebox';
import { CalendarDate, Fen } from '../policies/facts.schema.js';

/** What the loan routes share: the tag, who may call them, and the request and response shapes. */
export const TAGS = ['loans'];
export const READ = { access: { permission: 'loan:read' as const } };
export const MANAGE = { access: { permission: 'loan:manage' as const } };
export const QUALIFY = { access: { permission: 'loan:qualify' as const } };
export const BANK = { access: { permission: 'loan:bank' as const } };
export const GUARANTEE = { access: { permission: 'loan:guarantee' as const } };
export const OWN = { access: { permission: 'application:own' as const } };
/** Lists and one loan: the borrower, the bureau, and the staff of the loan's bank or guarantor. */
export const ANY_PARTY = {
  access: {
    permission: ['application:own' as const, 'loan:read' as const, 'loan:bank' as const, 'loan:guarantee' as const],
  },
};

const options = { additionalProperties: false } as const;
const Reason = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const Uuid = Type.String({ format: 'uuid' });
const RateBp = Type.Integer({ minimum: 1, maximum: 5000, description: 'Annual rate in basis points (1% = 100)' });

export const Borrower = Type.Union([
  Type.Literal('individual'),
  Type.Literal('partnership'),
  Type.Literal('small-micro-enterprise'),
]);
export const LoanStateSchema = Type.Union([
  Type.Literal('applied'),
  Type.Literal('qualified'),
  Type.Literal('not-qualified'),
  Type.Literal('guaranteed'),
  Type.Literal('guarantee-refused'),
  Type.Literal('active'),
  Type.Literal('repaid'),
  Type.Literal('defaulted'),
  Type.Literal('compensated'),
  Type.Literal('withdrawn'),
]);

export const InstitutionBody = Type.Object(
  {
    organisationId: Uuid,
    kind: Type.Union([Type.Literal('bank'), Type.Literal('guarantor')]),
    /** A bank's agreed rate cap (贴息利率上限); required for a bank. */
    rateCapBp: Type.Optional(RateBp),
    /** A guarantee institution's guarantee fund (担保基金); required for one. */
    guaranteeFundFen: Type.Optional(Fen),
  },
  options,
);
export const Institution = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('bank'), Type.Literal('guarantor')]),
  regionCode: Type.String(),
  rateCapBp: Type.Union([Type.Integer(), Type.Null()]),
  guaranteeFundFen: Type.Union([Type.Integer(), Type.Null()]),
  /** What the guarantee fund has paid out in compensations (代偿). */
  compensatedFen: Type.Integer(),
});
export const Institutions = Type.Array(Institution);

export const TermsQuery = Type.Object({ region: Type.String({ pattern: '^[0-9]{6}$' }), borrower: Borrower }, options);

/** One cited figure of the region's text in force. */
const LoanTermSchema = Type.Object({
  value: Type.Integer(),
  parameter: Type.String(),
  cites: Type.Optional(Type.String()),
});

/** What the region's text allows a loan contracted today; no `limit`: no start-up loan is offered there today. */
export const LoanTermsView = Type.Object({
  region: Type.String(),
  on: Type.String(),
  borrower: Borrower,
  limit: Type.Optional(LoanTermSchema),
  maxTermMonths: Type.Optional(LoanTermSchema),
  counterGuaranteeWaiver: Type.Optional(LoanTermSchema),
  maxExtensionMonths: Type.Optional(LoanTermSchema),
  interestSharePermille: Type.Optional(LoanTermSchema),
});
export const InstitutionsQuery = Type.Object({ region: Type.String({ pattern: '^[0-9]{6}$' }) }, options);

export const ApplyBody = Type.Object(
  {
    borrower: Borrower,
    requestedFen: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    termMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    purpose: Reason,
    bankId: Uuid,
    guarantorId: Uuid,
  },
  options,
);
export const DecisionBody = Type.Object({ approve: Type.Boolean(), reason: Type.Optional(Reason) }, options);
const CounterGuaranteeKind = Type.Union([Type.Literal('guarantor'), Type.Literal('mortgage'), Type.Literal('pledge')], {
  description: '反担保方式: guarantor (保证), mortgage (抵押), pledge (质押)',
});
export const GuaranteeBody = Type.Object(
  {
    approve: Type.Boolean(),
    /**
     * Whether the institution asks for a counter-guarantee (反担保); refused where the text waives
     * it. Absent: asked, unless the text waives it.
     */
    counterGuarantee: Type.Optional(Type.Boolean()),
    /** What the counter-guarantee is, required when one is asked. */
    counterGuaranteeKind: Type.Optional(CounterGuaranteeKind),
    /** Who vouches or what is mortgaged or pledged, in words; required with the kind. */
    counterGuaranteeNote: Type.Optional(Type.String({ minLength: 2, maxLength: 200, pattern: '\\S' })),
    reason: Type.Optional(Reason),
  },
  options,
);
export const ContractBody = Type.Object(
  {
    principalFen: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    annualRateBp: RateBp,
    termMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    disbursedOn: CalendarDate,
  },
  options,
);
export const ExtensionBody = Type.Object({ extendedTo: CalendarDate, reason: Reason }, options);
export const EndBody = Type.Object({ on: CalendarDate }, options);
export const DefaultBody = Type.Object({ on: CalendarDate, reason: Reason }, options);
export const CompensationBody = Type.Object(
  { amountFen: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), compensatedOn: CalendarDate },
  options,
);
export const LoansQuery = Type.Object({ state: Type.Optional(LoanStateSchema) }, options);

const Period = Type.Object({
  period: Type.String(),
  interestFen: Type.Integer(),
  repaidOnTime: Type.Boolean(),
  outcome: Type.String(),
  subsidyFen: Type.Integer(),
  explanation: Type.Object({ zh: Type.String(), en: Type.String() }),
  /** The claim's state in the workflow (paid when the bank has it), or null before it is filed. */
  claimState: Type.Union([Type.String(), Type.Null()]),
  claimNumber: Type.Union([Type.String(), Type.Null()]),
});
export const Loan = Type.Object({
  id: Type.String(),
  number: Type.String(),
  regionCode: Type.String(),
  borrowerName: Type.String(),
  borrower: Borrower,
  state: LoanStateSchema,
  requestedFen: Type.Integer(),
  termMonths: Type.Integer(),
  purpose: Type.String(),
  bank: Type.Object({ id: Type.String(), name: Type.String() }),
  guarantor: Type.Object({ id: Type.String(), name: Type.String() }),
  appliedOn: Type.String(),
  counterGuaranteeWaived: Type.Union([Type.Boolean(), Type.Null()]),
  /** The counter-guarantee given, where one was asked and recorded (null before migration 0052). */
  counterGuarantee: Type.Union([Type.Object({ kind: CounterGuaranteeKind, note: Type.String() }), Type.Null()]),
  principalFen: Type.Union([Type.Integer(), Type.Null()]),
  annualRateBp: Type.Union([Type.Integer(), Type.Null()]),
  disbursedOn: Type.Union([Type.String(), Type.Null()]),
  maturesOn: Type.Union([Type.String(), Type.Null()]),
  extendedTo: Type.Union([Type.String(), Type.Null()]),
  endedOn: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** The cited terms the loan was held to: limit and term (and their articles). */
  limits: Type.Array(Type.Object({ parameter: Type.String(), value: Type.Integer(), cites: Type.String() })),
  schedule: Type.Array(Type.Object({ seq: Type.Integer(), dueOn: Type.String(), principalFen: Type.Integer() })),
  periods: Type.Array(Period),
  subsidyPaidFen: Type.Integer(),
  compensationFen: Type.Union([Type.Integer(), Type.Null()]),
});
export const Loans = Type.Array(Type.Omit(Loan, ['schedule', 'periods', 'limits']));

export const StatementResult = Type.Object({
  statementId: Type.String(),
  period: Type.String(),
  rows: Type.Integer(),
  subsidyFen: Type.Integer(),
});
export const ClaimsResult = Type.Object({ filed: Type.Integer(), subsidyFen: Type.Integer() });
export const RegisterRow = Type.Object({
  regionCode: Type.String(),
  count: Type.Integer(),
  active: Type.Integer(),
  balanceFen: Type.Integer(),
  subsidyPaidFen: Type.Integer(),
  defaulted: Type.Integer(),
  /** Loans ever disbursed: the default rate's denominator, so regions can be added up. */
  disbursed: Type.Integer(),
  /** Loans in default or compensated, per mille of the loans ever disbursed. */
  defaultRatePermille: Type.Integer(),
});
export const Register = Type.Array(RegisterRow);

export type InstitutionInput = Static<typeof InstitutionBody>;
export type InstitutionView = Static<typeof Institution>;
export type ApplyInput = Static<typeof ApplyBody>;
export type ContractInput = Static<typeof ContractBody>;
export type GuaranteeInput = Static<typeof GuaranteeBody>;
export type LoanView = Static<typeof Loan>;
export type LoanSummary = Static<typeof Loans>[number];
export type RegisterRowView = Static<typeof RegisterRow>;
