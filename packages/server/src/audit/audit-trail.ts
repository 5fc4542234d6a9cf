import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditActor } from '../auth/actor.js';
import type { Vault } from '../security/vault.js';

/**
 * The audit trail (审计日志): append-only, each entry chained to the one before by an HMAC-SM3 over
 * its content and the previous entry's hash. The database refuses UPDATE, DELETE and TRUNCATE on
 * the table (a trigger); the chain catches what the trigger cannot, such as a superuser who
 * disables it. Entries are written in the same transaction as the change they record, so a change
 * without its entry, or an entry without its change, cannot be committed.
 */
export interface AuditRecord {
  readonly actor: AuditActor;
  readonly regionCode?: string | null;
  readonly action: string;
  readonly outcome?: 'success' | 'failure';
  readonly entityType?: string;
  readonly entityId?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export async function appendAudit(trx: Transaction<Database>, vault: Vault, record: AuditRecord): Promise<void> {
  // The chain's lock and its last entry in one round trip (migration 0053): concurrent
  // transactions extend the chain one at a time, each after the one before has committed.
  const { rows } = await sql<{ seq: string; hash: string; at: Date | string }>`
    select seq, hash, at from audit_chain_tail()`.execute(trx);
  const last = rows[0];
  const entry: ChainedFields = {
    seq: String(last ? BigInt(last.seq) + 1n : 1n),
    at: new Date(stampAfter(Date.now(), last ? new Date(last.at).getTime() : null)).toISOString(),
    actorId: record.actor?.accountId ?? null,
    actorName: record.actor?.displayName ?? null,
    actorRoles: record.actor ? [...record.actor.roles] : null,
    regionCode: record.regionCode ?? null,
    ip: record.actor?.ip ?? null,
    action: record.action,
    outcome: record.outcome ?? 'success',
    entityType: record.entityType ?? null,
    entityId: record.entityId ?? null,
    before: normalise(record.before),
    after: normalise(record.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await trx
    .insertInto('audit_entry')
    .values({
      seq: entry.seq,
      at: new Date(entry.at),
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      actor_roles: entry.actorRoles,
      region_code: entry.regionCode,
      ip: entry.ip,
      action: entry.action,
      outcome: entry.outcome as 'success' | 'failure',
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      prev_hash: entry.prevHash,
      hash: vault.auditMac(canonicalJson(entry)),
    })
    .execute();
}

/**
 * How far a clock behind the chain's last entry is trusted to be skew: an entry is stamped with the
 * last one's time if this process's clock is up to this much earlier.
 */
export const SKEW_TOLERATED_MS = 60_000;

/**
 * An entry's time: this process's clock, or the last entry's time where the clock is a little behind
 * it, so the trail stays in time order across servers whose clocks disagree (migration 0059: a
 * search by days is then one range of numbers). A clock further behind than `SKEW_TOLERATED_MS` is
 * believed, so one server's clock far ahead cannot date everyone's entries in its future; the
 * database then starts the ordered part of the trail after that entry.
 */
export function stampAfter(now: number, lastAt: number | null): number {
  return lastAt !== null && lastAt > now && lastAt - now <= SKEW_TOLERATED_MS ? lastAt : now;
}

/**
 * The newest entry's number: a version of everything the platform records. Entries are appended one
 * at a time under the chain's lock, in the transaction of the change they record, so the number
 * grows with each committed change and never skips one committed late (it is gap-free, in commit
 * order). A public list keyed by it is rebuilt after any change, here or in another process.
 */
export async function latestAuditSeq(db: Kysely<Database>): Promise<string> {
  const row = await latestAuditSeqOf(db).executeTakeFirst();
  return String(row?.seq ?? 0);
}

/** `latestAuditSeq` as a query, for a statement that reads it beside other versions (one round trip). */
export function latestAuditSeqOf(db: Kysely<Database>) {
  return db.selectFrom('audit_entry').select((eb) => eb.fn.max('seq').as('seq'));
}

/** Appends in a transaction of its own: for events with no other change, such as a failed login. */
export function recordAudit(db: Kysely<Database>, vault: Vault, record: AuditRecord): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, vault, record));
}

interface ChainedFields {
  seq: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[] | null;
  regionCode: string | null;
  ip: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
}

export type ChainBreak =
  | { readonly seq: string; readonly problem: 'gap'; readonly expectedSeq: string }
  | { readonly seq: string; readonly problem: 'broken-link' | 'content-changed' };

export interface ChainReport {
  readonly entries: number;
  readonly firstBreak: ChainBreak | null;
}

/** Walks the chain from the first entry and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Kysely<Database>, vault: Vault, pageSize = 5000): Promise<ChainReport> {
  let previousHash = GENESIS_HASH;
  let expected = 1n;
  let entries = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_entry')
      .selectAll()
      .where('seq', '>=', String(expected))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      if (BigInt(row.seq) !== expected)
        return { entries, firstBreak: { seq: row.seq, problem: 'gap', expectedSeq: String(expected) } };
      if (row.prev_hash !== previousHash) return { entries, firstBreak: { seq: row.seq, problem: 'broken-link' } };
      const fields: ChainedFields = {
        seq: row.seq,
        at: row.at.toISOString(),
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRoles: row.actor_roles,
        regionCode: row.region_code,
        ip: row.ip,
        action: row.action,
        outcome: row.outcome,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before ?? null,
        after: row.after ?? null,
        prevHash: row.prev_hash,
      };
      if (vault.auditMac(canonicalJson(fields)) !== row.hash)
        return { entries, firstBreak: { seq: row.seq, problem: 'content-changed' } };
      previousHash = row.hash;
      expected++;
      entries++;
    }
    if (page.length < pageSize) return { entries, firstBreak: null };
  }
}

/** What JSON storage gives back: undefined fields dropped, dates as strings. */
function normalise(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** JSON with object keys sorted, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
