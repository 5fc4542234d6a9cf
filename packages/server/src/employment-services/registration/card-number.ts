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
  await sql`select pg_advisory_xact_lock(hashtextextended(${`card-number:${prefix}`}, 0))`.execute(trx);
  return `${prefix}${String((await lastCardSerial(trx, prefix)) + 1).padStart(6, '0')}`;
}
