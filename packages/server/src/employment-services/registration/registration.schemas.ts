import { Type, type Static } from 'typebox';
import { Community, IsoDateString, options, RegionCode } from '../employment-services.schemas.js';

const Kind = Type.Union([Type.Literal('employment'), Type.Literal('unemployment')]);
const EmploymentKind = Type.Union([
  Type.Literal('labour-contract'),
  Type.Literal('flexible'),
  Type.Literal('public-welfare-post'),
]);
const EndReason = Type.Union([
  Type.Literal('employed'),
  Type.Literal('enrolled'),
  Type.Literal('enlisted'),
  Type.Literal('retired'),
  Type.Literal('moved-away'),
  Type.Literal('no-contact'),
  Type.Literal('left-job'),
  Type.Literal('unemployed'),
  Type.Literal('died'),
]);

export const RegisterBody = Type.Object(
  {
    personId: Type.String({ format: 'uuid' }),
    kind: Kind,
    regionCode: RegionCode,
    /** 常住地 or 户籍地. */
    basis: Type.Union([Type.Literal('residence'), Type.Literal('hukou')]),
    /** 街道/社区 of residence: where the case worker is found. */
    community: Type.Optional(Community),
    startsOn: IsoDateString,
    employmentKind: Type.Optional(EmploymentKind),
    employerCreditCode: Type.Optional(
      Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
    ),
    contractMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
  },
  options,
);

/** An applicant registers their own unemployment (the person is the caller). */
export const SelfRegisterBody = Type.Object(
  {
    regionCode: RegionCode,
    basis: Type.Union([Type.Literal('residence'), Type.Literal('hukou')]),
    community: Type.Optional(Community),
    startsOn: IsoDateString,
  },
  options,
);

export const EndRegistrationBody = Type.Object({ endsOn: IsoDateString, reason: EndReason }, options);

export const Registration = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  kind: Kind,
  regionCode: Type.String(),
  basis: Type.String(),
  community: Type.Optional(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.Optional(Type.String()),
  endReason: Type.Optional(EndReason),
  employmentKind: Type.Optional(EmploymentKind),
  employerCreditCode: Type.Optional(Type.String()),
  cardNumber: Type.String(),
  lastContactOn: Type.String(),
});

/** A registration just made, with the assistance it opened (a graduate's or a 零就业家庭's case). */
export const NewRegistration = Type.Intersect([
  Registration,
  Type.Object({
    casesOpened: Type.Array(Type.Union([Type.Literal('graduate'), Type.Literal('zero-employment-household')]), {
      description: 'The assistance cases this registration opened, each assigned to a case worker',
    }),
  }),
]);
export type NewRegistrationView = Static<typeof NewRegistration>;

export const Registrations = Type.Object({ registrations: Type.Array(Registration) });
export const RegistrationList = Type.Object({
  registrations: Type.Array(
    Type.Intersect([Registration, Type.Object({ name: Type.String(), idNumberMasked: Type.String() })]),
  ),
});
export const RegistrationsQuery = Type.Object({ kind: Type.Optional(Kind) }, options);
export const EndedCount = Type.Object({
  ended: Type.Integer(),
  /** Whose registrations ended, by name and masked ID number, so the clerk sees who, not only how many. */
  people: Type.Array(Type.Object({ name: Type.String(), idNumberMasked: Type.String() })),
});
export type EndedRegistrations = Static<typeof EndedCount>;
