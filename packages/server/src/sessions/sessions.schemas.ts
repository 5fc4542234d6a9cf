import { Type } from 'typebox';
import { PERMISSION_NAMES, type Permission } from '../auth/roles.js';

/** What an account may do, as the server names it: a union in the web's types too. */
export const PermissionName = Type.Unsafe<Permission>(Type.String({ enum: [...PERMISSION_NAMES], $id: 'Permission' }));

/** The logged-in account, as the web reads it. */
export const AccountView = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    regionCode: Type.String(),
    personId: Type.Optional(Type.String()),
    organisationId: Type.Optional(Type.String()),
    permissions: Type.Array(PermissionName),
  },
  { $id: 'Account' },
);

export const SessionView = Type.Object({
  account: AccountView,
  csrfToken: Type.String(),
  mustChangePassword: Type.Boolean(),
});
