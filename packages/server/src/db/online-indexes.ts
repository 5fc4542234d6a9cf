import { sql, type Kysely } from 'kysely';

/**
 * An index built `concurrently` (在线建索引), after the migrations: a plain `create index` in a
 * migration blocks every write to its table until it is built, which on a province's tables is
 * minutes of refused filings (migration 0044 took 28 s at 10 million people on the 2-core
 * machine). PostgreSQL builds an index without that lock only outside a transaction, and the
 * migrator runs the migrations in one, so such an index is declared here instead, in
 * `ONLINE_INDEXES`, and built by `buildOnlineIndexes` once the migrations have committed.
 *
 * Only an index that makes reads faster belongs here: the code must be right while it is missing
 * (being built, or a build interrupted), so a unique index that a rule or an `on conflict` relies
 * on goes in a migration. Removing one later is a migration that drops it and its entry removed
 * here, in the same change.
 */
export interface OnlineIndex {
  /** The index's name in the schema. */
  readonly name: string;
  /** What follows the name in `create index … <name>`: `on table (columns)`, and a `where` if partial. */
  readonly on: string;
  /**
   * A plain index a migration made whose columns lead this one's: once this one is valid it answers
   * every read the older one did, and the older one would only cost each write, so it is dropped
   * (concurrently). Until then it stays, so the reads it serves are never left without an index.
   */
  readonly replaces?: string;
}

/** The indexes built after the migrations, in order. */
export const ONLINE_INDEXES: readonly OnlineIndex[] = [
  // 就业创业证 numbers: who holds one (an import's), and a region's last serial of the year (a new
  // card, `like '510104-2026-%'`), which read the whole table of registrations without it.
  { name: 'employment_registration_card', on: 'on employment_registration (card_number text_pattern_ops)' },
  // An inspector's own spot-check items (我的抽查任务), read by inspector across every draw.
  { name: 'spot_check_item_inspector', on: 'on spot_check_item (inspector_id)' },
  // An account's statement (明细账), newest first: a page walks the account's entries in the order
  // the ledger recorded them and stops, where by the account alone it sorted all of them.
  {
    name: 'ledger_entry_account_newest',
    on: 'on ledger_entry (account_id, transaction_id)',
    replaces: 'ledger_entry_account',
  },
  // The audit trail searched by who acted or by what was done, newest first (安全审计): a page walks
  // that person's or that action's entries and stops, where it walked the whole trail back to find
  // a rare one (350 ms at 2 million entries on PostgreSQL; `bench:audit`).
  { name: 'audit_entry_actor', on: 'on audit_entry (actor_name, seq)' },
  // Compared by bytes, so an action family (`payment.`, a `like` prefix) finds its entries here too
  // whatever the database's collation.
  { name: 'audit_entry_action', on: 'on audit_entry (action text_pattern_ops, seq)' },
  // The audit trail searched by days (decision 004): from migration 0059 on the trail is in time
  // order, so the days' first and last entries are two probes here and a page walks the numbers
  // between, where it walked back from the newest entry to the days asked for.
  { name: 'audit_entry_at', on: 'on audit_entry (at, seq)' },
  // A region's newest open 就业失业登记 and newest job seekers' profiles (500 of each on the staff
  // pages): a page walks these and stops, where it sorted every one of the region's (a province's
  // open registrations: 741 ms at a million people on PostgreSQL; `bench:registers`).
  {
    name: 'employment_registration_open_newest',
    on: 'on employment_registration (starts_on desc, id) where ends_on is null',
  },
  { name: 'job_seeker_newest', on: 'on job_seeker (updated_at desc, id)' },
];

/**
 * Any number of processes may start at once against one database: one builds, the others go on
 * without waiting. They must not wait on the builder: a build waits for every transaction holding
 * an older snapshot to end, and a process waiting for a lock in a statement holds one, so each
 * would wait for the other.
 */
export const BUILDER_LOCK = 7_242_618_205_301_114_401n;

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** What `buildOnlineIndexes` did with each index. */
export type IndexBuildStep =
  | 'building'
  | 'built'
  | 'rebuilding-invalid'
  | 'skipped-other-builder'
  | 'failed'
  /** The older index a built one `replaces`, dropped. */
  | 'dropped-replaced';

/**
 * Builds every declared index that is missing, on one connection outside any transaction. The
 * catalog is the record of what is done: a valid index of that name is left as it is; an invalid
 * one (its build died with its process or connection) is dropped and built again. Writes to the
 * table go on throughout. A build that fails is told (`failed`, with the error) and the next
 * index is built: the code is right without any of them, so a failure stops nothing; the next
 * start tries again. An index that `replaces` an older one drops it once valid, never before.
 * `huimin` runs this once it is serving, not before.
 */
export async function buildOnlineIndexes<DB>(
  db: Kysely<DB>,
  indexes: readonly OnlineIndex[],
  onStep: (name: string, step: IndexBuildStep, error?: unknown) => void = () => {},
): Promise<void> {
  if (indexes.length === 0) return;
  for (const name of indexes.flatMap((i) => [i.name, ...(i.replaces ? [i.replaces] : [])]))
    if (!NAME.test(name)) throw new Error(`not an index name: ${name}`);
  const declared = new Set(indexes.map((i) => i.name));
  for (const index of indexes)
    if (index.replaces && declared.has(index.replaces))
      throw new Error(`${index.name} replaces ${index.replaces}, which is declared here too`);
  await db.connection().execute(async (connection) => {
    const { rows } = await sql<{ mine: boolean }>`select pg_try_advisory_lock(${BUILDER_LOCK}) as mine`.execute(
      connection,
    );
    if (!rows[0]?.mine) {
      for (const index of indexes) onStep(index.name, 'skipped-other-builder');
      return;
    }
    try {
      for (const index of indexes) {
        const found = await validityOf(connection, index.name);
        if (!found) {
          try {
            if (found === false) {
              onStep(index.name, 'rebuilding-invalid');
              await sql`drop index concurrently if exists ${sql.id(index.name)}`.execute(connection);
            } else onStep(index.name, 'building');
            await sql`create index concurrently if not exists ${sql.id(index.name)} ${sql.raw(index.on)}`.execute(
              connection,
            );
            onStep(index.name, 'built');
          } catch (error) {
            onStep(index.name, 'failed', error);
            continue;
          }
        }
        // Also when the index was built by an earlier start that ended before dropping the old one.
        if (index.replaces && (await validityOf(connection, index.replaces)) !== undefined) {
          try {
            if (!(await replaceable(connection, index.replaces, index.name)))
              throw new Error(`${index.replaces} is not a plain index whose columns lead ${index.name}`);
            await sql`drop index concurrently if exists ${sql.id(index.replaces)}`.execute(connection);
            onStep(index.replaces, 'dropped-replaced');
          } catch (error) {
            onStep(index.replaces, 'failed', error);
          }
        }
      }
    } finally {
      await sql`select pg_advisory_unlock(${BUILDER_LOCK})`.execute(connection);
    }
  });
}

/** Whether the named index is valid, or undefined when there is none. */
async function validityOf<DB>(connection: Kysely<DB>, name: string): Promise<boolean | undefined> {
  const { rows } = await sql<{ valid: boolean }>`
    select x.indisvalid as valid
      from pg_class c join pg_index x on x.indexrelid = c.oid
     where c.relname = ${name} and c.relnamespace = current_schema()::regnamespace`.execute(connection);
  return rows[0]?.valid;
}

/**
 * Whether `older` may go now that `newer` is valid: a plain index (not unique, not a primary key or
 * a constraint's, which rules rely on) of the same table whose key columns lead `newer`'s.
 */
async function replaceable<DB>(connection: Kysely<DB>, older: string, newer: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select o.indrelid = n.indrelid
           and not o.indisunique and not o.indisprimary and not o.indisexclusion
           and not exists (select 1 from pg_constraint c where c.conindid = o.indexrelid)
           and o.indexprs is null and n.indexprs is null
           and o.indnkeyatts <= n.indnkeyatts
           and (o.indkey::int2[])[0:o.indnkeyatts - 1] = (n.indkey::int2[])[0:o.indnkeyatts - 1] as ok
      from pg_index o, pg_index n
     where o.indexrelid = (select c.oid from pg_class c
                            where c.relname = ${older} and c.relnamespace = current_schema()::regnamespace)
       and n.indexrelid = (select c.oid from pg_class c
                            where c.relname = ${newer} and c.relnamespace = current_schema()::regnamespace)`.execute(
    connection,
  );
  return rows[0]?.ok === true;
}
