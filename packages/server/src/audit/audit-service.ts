import type { ParameterLabel } from '@huimin/policy';
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { refuseReversedPeriod } from '../http/period.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import type { Language } from '../i18n/messages.js';
import { daysInTrail } from './audit-days.js';
import { auditNames, type NamedEntry } from './audit-names.js';
import { verifyAuditChain } from './audit-trail.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How many different actors' names a search by part of a name may match: each is one read of the
 * actor index, and past a handful the auditor meant someone in particular and should say more.
 */
export const ACTOR_NAMES_MAX = 10;

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

/** The newest `n` of several pages each newest first, by their entries' numbers. */
function newestOf<Entry extends { seq: string }>(pages: readonly Entry[][], n: number): Entry[] {
  return pages
    .flat()
    .sort((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? 1 : BigInt(b.seq) < BigInt(a.seq) ? -1 : 0))
    .slice(0, n);
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
   * and/or id), an action (or an action prefix ending in "."), actors whose name contains the text
   * given, and days [from, to] in Asia/Shanghai.
   */
  async list(actor: Actor, q: AuditQuery): Promise<Selectable<AuditEntryTable>[]> {
    return (await this.search(actor, q)).entries;
  }

  /**
   * The same, and whether only the name equal to the text was searched (`wholeNameOnly`: more names
   * contain it than a search takes), for the page to say so: the others' entries are not in it.
   */
  async search(
    actor: Actor,
    q: AuditQuery,
  ): Promise<{ entries: Selectable<AuditEntryTable>[]; wholeNameOnly: boolean }> {
    refuseReversedPeriod(q);
    // Composed (NFC), as the names are compared: "José" typed with its accent as one character or two.
    const named = q.actor?.trim().normalize('NFC');
    const found = named ? await this.actorNamesContaining(actor, named) : null;
    return { entries: await this.entriesOf(actor, q, found?.names ?? null), wholeNameOnly: found?.wholeOnly ?? false };
  }

  private async entriesOf(
    actor: Actor,
    q: AuditQuery,
    names: readonly string[] | null,
  ): Promise<Selectable<AuditEntryTable>[]> {
    const limit = q.limit ?? 100;
    if (names?.length === 0) return [];
    // Each name is one range of the (actor_name, seq) index, read newest first and merged here: one
    // query for all the names would sort every entry of theirs to find the newest page. The names
    // are read one after another, numbers only, and the page's entries fetched once: a search
    // holds one connection, and reads no entry it will not show.
    const read = async (page: SelectQueryBuilder<Database, 'audit_entry', Selectable<AuditEntryTable>>, n: number) => {
      if (!names) return page.execute();
      const numbers: { seq: string }[][] = [];
      for (const name of names)
        numbers.push(await page.clearSelect().select('seq').where('actor_name', '=', name).execute());
      const newest = newestOf(numbers, n).map((e) => e.seq);
      if (newest.length === 0) return [];
      return this.db.selectFrom('audit_entry').selectAll().where('seq', 'in', newest).orderBy('seq', 'desc').execute();
    };
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
    if (from) query = query.where('at', '>=', from);
    if (toEnd) query = query.where('at', '<', toEnd);
    if (q.before) query = query.where('seq', '<', q.before);
    const newestFirst = query.orderBy('seq', 'desc').limit(limit);
    if (!from && !toEnd) return read(newestFirst, limit);
    // By days: the ordered part's range first (its numbers are all above the older part's), then,
    // if the page is not full, the older part by times alone, unless the days begin after its
    // latest entry (the usual search of recent days: otherwise the older part would be read through
    // to learn it holds none of them).
    const days = await daysInTrail(this.db, from, toEnd);
    if (days.orderedFrom === null) return read(newestFirst, limit);
    const page = days.range
      ? await read(newestFirst.where('seq', '>=', days.range.low).where('seq', '<=', days.range.high), limit)
      : [];
    const olderHoldsNone = days.orderedFrom <= 1n || (from && days.olderMaxAt && from > days.olderMaxAt);
    if (page.length >= limit || olderHoldsNone) return page;
    const rest = limit - page.length;
    const older = await read(
      query.where('seq', '<', String(days.orderedFrom)).orderBy('seq', 'desc').limit(rest),
      rest,
    );
    return [...page, ...older];
  }

  /**
   * The names the trail has recorded actors of the auditor's regions by that contain the text (case
   * aside), from the short list the trail keeps (migration 0060). Past `ACTOR_NAMES_MAX`, the names
   * that are the text whole (`wholeOnly`); failing those, refused naming the field: the auditor is
   * asked for more of the name.
   */
  private async actorNamesContaining(actor: Actor, text: string): Promise<{ names: string[]; wholeOnly: boolean }> {
    const names = this.db
      .selectFrom('audit_actor')
      .select('actor_name')
      .distinct()
      .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
      .orderBy('actor_name');
    const rows = await names
      // The names as written may carry an accent as a separate mark (NFD): compared composed. The
      // table has a row per name and region, so this reads no more than the index range would.
      .where(sql<boolean>`strpos(lower(normalize(actor_name, NFC)), lower(${text})) > 0`)
      .limit(ACTOR_NAMES_MAX + 1)
      .execute();
    if (rows.length <= ACTOR_NAMES_MAX) return { names: rows.map((r) => r.actor_name), wholeOnly: false };
    // Someone's whole name is as much as can be typed ("王芳", though "王芳芳" and a dozen titled
    // names contain it): that name alone, said to be alone, rather than a request for more of it.
    const whole = await names.where(sql<boolean>`lower(normalize(actor_name, NFC)) = lower(${text})`).execute();
    if (whole.length > 0) return { names: whole.map((r) => r.actor_name), wholeOnly: true };
    throw new AppError('ACTOR_TOO_VAGUE', 400, 'actor', { text, max: String(ACTOR_NAMES_MAX) });
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
