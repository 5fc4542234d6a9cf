import type { ParameterLabel } from '@huimin/policy';
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { refuseReversedPeriod } from '../http/period.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import type { Language } from '../i18n/messages.js';
import { daysInTrail } from './audit-days.js';
import { auditNames, type NamedEntry } from './audit-names.js';
import { verifyAuditChain } from './audit-trail.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface AuditQuery {
  entityId?: string;
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: number;
}

/** The audit trail read by auditors of a region; nothing here changes it. */
export class AuditService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    /** Every parameter's label, the server's own included (given by the app: audit depends on no module). */
    private readonly parameterLabel?: (parameter: string) => ParameterLabel | undefined,
  ) {}

  /**
   * Entries in the actor's regions, newest first, before a seq; narrowed to one subject (entity type
   * and/or id), an action (or an action prefix ending in "."), an actor's name, and days [from, to]
   * in Asia/Shanghai.
   */
  async list(actor: Actor, q: AuditQuery): Promise<Selectable<AuditEntryTable>[]> {
    refuseReversedPeriod(q);
    const limit = q.limit ?? 100;
    const from = q.from ? new Date(`${q.from}T00:00:00+08:00`) : null;
    const toEnd = q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS) : null;
    let query = this.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
    if (q.entityId) query = query.where('entity_id', '=', q.entityId);
    if (q.entityType) query = query.where('entity_type', '=', q.entityType);
    if (q.action?.endsWith('.')) query = query.where('action', 'like', `${escapeLike(q.action)}%`);
    else if (q.action) query = query.where('action', '=', q.action);
    if (q.actor) query = query.where('actor_name', '=', q.actor);
    if (from) query = query.where('at', '>=', from);
    if (toEnd) query = query.where('at', '<', toEnd);
    if (q.before) query = query.where('seq', '<', q.before);
    const newestFirst = query.orderBy('seq', 'desc').limit(limit);
    if (!from && !toEnd) return newestFirst.execute();
    // By days: the ordered part's range first (its numbers are all above the older part's), then,
    // if the page is not full, the older part by times alone, unless the days begin after its
    // latest entry (the usual search of recent days: otherwise the older part would be read through
    // to learn it holds none of them).
    const days = await daysInTrail(this.db, from, toEnd);
    if (days.orderedFrom === null) return newestFirst.execute();
    const page = days.range
      ? await newestFirst.where('seq', '>=', days.range.low).where('seq', '<=', days.range.high).execute()
      : [];
    const olderHoldsNone = days.orderedFrom <= 1n || (from && days.olderMaxAt && from > days.olderMaxAt);
    if (page.length >= limit || olderHoldsNone) return page;
    const older = await query
      .where('seq', '<', String(days.orderedFrom))
      .orderBy('seq', 'desc')
      .limit(limit - page.length)
      .execute();
    return [...page, ...older];
  }

  /** The names of the records a page of entries speaks of, by id (audit-names.ts). */
  names(entries: readonly NamedEntry[], language: Language): ReturnType<typeof auditNames> {
    return auditNames(this.db, entries, language, this.parameterLabel);
  }

  /** Walks the whole chain and reports the first broken link. */
  verify(): ReturnType<typeof verifyAuditChain> {
    return verifyAuditChain(this.db, this.vault);
  }
}
