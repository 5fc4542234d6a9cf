import { Type } from 'typebox';

export const AuditEntryView = Type.Object(
  {
    seq: Type.String(),
    at: Type.String(),
    actorName: Type.Optional(Type.String()),
    actorRoles: Type.Optional(Type.Array(Type.String())),
    regionCode: Type.Optional(Type.String()),
    ip: Type.Optional(Type.String()),
    action: Type.String(),
    outcome: Type.String(),
    entityType: Type.Optional(Type.String()),
    entityId: Type.Optional(Type.String()),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
    hash: Type.String(),
  },
  { $id: 'AuditEntry' },
);
