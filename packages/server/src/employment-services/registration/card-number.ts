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
 * A person has one card: whoever reads that they hold none and gives them one must not be overtaken
 * by another doing the same. A clerk's registration locks its person (sharing the import's lock),
 * first in its transaction, before the region-year's serial.
 */
export async function lockCardHolder(trx: Transaction<Database>, personId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtextextended('card-holders', 0))`.execute(trx);
  await sql`select pg_advisory_xact_lock(hashtextextended(${`card-holder:${personId}`}, 0))`.execute(trx);
}

/**
 * The import's side of `lockCardHolder`: every person at once (a file may name thousands), taken
 * alone. It waits for the registrations under way and holds back new ones and other imports until
 * it commits, so nothing issues or records a card meanwhile: the numbers it brings and the serials
 * it issues need no lock of their own.
 */
export async function lockAllCardHolders(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('card-holders', 0))`.execute(trx);
}

async function lockPrefix(trx: Transaction<Database>, prefix: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`card-number:${prefix}`}, 0))`.execute(trx);
}
