import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { verifyAuditChain } from './audit-trail.js';

/** The audit trail read by auditors of a region; nothing here changes it. */
export class AuditService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  /** Entries in the actor's regions, newest first, optionally of one entity or action, before a seq. */
  list(
    actor: Actor,
    q: { entityId?: string; action?: string; before?: string; limit?: number },
  ): Promise<Selectable<AuditEntryTable>[]> {
    let query = this.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.before) query = query.where('seq', '<', q.before);
    return query
      .orderBy('seq', 'desc')
      .limit(q.limit ?? 100)
      .execute();
  }

  /** Walks the whole chain and reports the first broken link. */
  verify(): ReturnType<typeof verifyAuditChain> {
    return verifyAuditChain(this.db, this.vault);
  }
}
