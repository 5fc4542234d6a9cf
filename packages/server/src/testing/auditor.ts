import type { AuditQuery, AuditService } from '../audit/audit-service.js';
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

/** Every entry's number a search finds, page after page of `limit` as the audit page pages it. */
export async function pageThrough(
  service: Pick<AuditService, 'list'>,
  auditor: Actor,
  query: Omit<AuditQuery, 'before' | 'limit'>,
  limit: number,
): Promise<string[]> {
  const found: string[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await service.list(auditor, { ...query, ...(before ? { before } : {}), limit });
    found.push(...page.map((e) => e.seq));
    if (page.length < limit) return found;
    before = page.at(-1)?.seq;
  }
}
