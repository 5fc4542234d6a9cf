import type { IsoDate } from '@huimin/policy';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { cardsIssued } from './registration-repository.js';

/**
 * A new 就业创业证 number: the region, the year and a serial, as 510104-2026-000001 (never 18 digits
 * in a row, so it cannot be read as an ID number). A person keeps the number of their first card.
 */
export async function newCardNumber(trx: Transaction<Database>, region: string, today: IsoDate): Promise<string> {
  const year = today.slice(0, 4);
  return `${region}-${year}-${String((await cardsIssued(trx, region, year)) + 1).padStart(6, '0')}`;
}
