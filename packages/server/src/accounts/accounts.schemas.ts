import { Type, type Static } from 'typebox';
import { CreditCode, IdNumber, options, RegionCode } from '../policies/facts.schema.js';

const Username = Type.String({ pattern: '^[A-Za-z0-9_.@-]{3,64}$', description: '3–64 letters, digits, _ . @ -' });
const Password = Type.String({ minLength: 1, maxLength: 128 });

export const CreateStaffAccountBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    roles: Type.Array(Type.String(), { minItems: 1, maxItems: 7, uniqueItems: true }),
    regionCode: RegionCode,
    /** The first password; the holder must change it at first login. */
    password: Password,
    /** The staff member's own 身份证号: keeps them off their own and their household's claims. */
    idNumber: IdNumber,
    /** For a bank's or guarantee institution's officer: the registered institution they act for. */
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  options,
);
export type CreateStaffAccount = Static<typeof CreateStaffAccountBody>;

/** An existing staff account's roles and region, under the rules its creation obeys. */
export const ChangeStaffRolesBody = Type.Object(
  {
    roles: Type.Array(Type.String(), { minItems: 1, maxItems: 7, uniqueItems: true }),
    regionCode: RegionCode,
    /** For a bank's or guarantee institution's officer: the registered institution they act for. */
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  options,
);
export type ChangeStaffRoles = Static<typeof ChangeStaffRolesBody>;

export const RegistrationBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('person'),
      idNumber: IdNumber,
      name: Type.String({ minLength: 1, maxLength: 64 }),
      regionCode: RegionCode,
      username: Username,
      password: Password,
    },
    options,
  ),
  Type.Object(
    {
      kind: Type.Literal('organisation'),
      creditCode: CreditCode,
      name: Type.String({ minLength: 1, maxLength: 128 }),
      regionCode: RegionCode,
      username: Username,
      password: Password,
    },
    options,
  ),
]);
export type Registration = Static<typeof RegistrationBody>;

export const AccountViewSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  regionCode: Type.String(),
  active: Type.Boolean(),
  locked: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  /** The bank or guarantee institution an officer's account acts for. */
  institution: Type.Optional(Type.String()),
  institutionId: Type.Optional(Type.String()),
});
