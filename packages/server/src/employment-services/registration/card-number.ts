import type { IsoDate } from '@huimin/policy';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lastCardSerial } from './registration-repository.js';

/**
 * A new 就业创业证 number: the region, the year and a serial, as 510104-2026-000001 (never 18 digits
 * in a row, so it cannot be read as an ID number). A person keeps the number of their first card.
 *
 * One at a time per region and year, until the transaction ends: two clerks registering two people
 * at once would otherwise both read the same last serial and hand out one number twice. The serial
 * follows the highest of the form on record, not a count, so a number imported from the old system
 * in this form is never issued again.
 */
export async function newCardNumber(trx: Transaction<Database>, region: string, today: IsoDate): Promise<string> {
  const prefix = `${region}-${today.slice(0, 4)}-`;
  await lockPrefix(trx, prefix);
  return `${prefix}${String((await lastCardSerial(trx, prefix)) + 1).padStart(6, '0')}`;
}

/**
 * The region-year locks an import needs, taken at once in one order (two imports taking them in
 * opposite orders would each wait for the other): those of the numbers it brings in this
 * platform's form (510104-2026-000123), so no new card is issued with one while the import checks
 * and records it, and those of the regions whose rows get a new card today.
 */
export async function lockCardSerials(
  trx: Transaction<Database>,
  imported: readonly string[],
  newIn: readonly string[],
  today: IsoDate,
): Promise<void> {
  const prefixes = new Set(newIn.map((region) => `${region}-${today.slice(0, 4)}-`));
  for (const card of imported) {
    // A number in another form (the old system's) is locked by itself.
    const form = /^(\d{6}-\d{4}-)\d{6,}$/.exec(card);
    prefixes.add(form?.[1] ?? card);
  }
  for (const prefix of [...prefixes].sort()) await lockPrefix(trx, prefix);
}

/**
 * A person has one card: whoever reads that they hold none and gives them one must not be overtaken
 * by another doing the same. A clerk's registration locks its person (sharing the import's lock);
 * an import, whose file may name thousands of people, takes the import's lock alone, waiting for
 * the registrations under way and holding back new ones until it commits. Taken first in the
 * transaction, before the region-year's, in that order everywhere.
 */
export async function lockCardHolder(trx: Transaction<Database>, personId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtextextended('card-holders', 0))`.execute(trx);
  await sql`select pg_advisory_xact_lock(hashtextextended(${`card-holder:${personId}`}, 0))`.execute(trx);
}

/** The import's side of `lockCardHolder`: every person at once. */
export async function lockAllCardHolders(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('card-holders', 0))`.execute(trx);
}

async function lockPrefix(trx: Transaction<Database>, prefix: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`card-number:${prefix}`}, 0))`.execute(trx);
}
