import type { Actor } from '../auth/actor.js';

/** An auditor of a region as the audit service sees one, for tests and benches that call it directly. */
export const auditorOf = (regionCode: string, username = 'auditor'): Actor => ({
  accountId: '00000000-0000-4000-8000-000000000001',
  username,
  displayName: '审计',
  roles: ['auditor'],
  permissions: new Set(),
  regionCode,
  personId: null,
  householdId: null,
  organisationId: null,
  ip: null,
});
