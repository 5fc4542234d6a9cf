import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { saysSomething } from '../http/said.js';

/**
 * Whether a file was handed in for a returned application since it was last returned (补正): one
 * that came after the return's step. A lapsed 容缺 promise returns it the same way, and supplying the
 * material is the correction. (Facts are declared only with the draft, so none can be new.)
 */
export async function correctedSinceReturn(db: Kysely<Database> | Transaction<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('application_event as r')
    .select(({ exists, selectFrom }) => [
      exists(
        selectFrom('application_evidence as e')
          .select(sql`1`.as('one'))
          .whereRef('e.application_id', '=', 'r.application_id')
          .whereRef('e.after_event', '>=', 'r.seq'),
      ).as('evidence'),
    ])
    .where('r.application_id', '=', id)
    .where('r.to_state', '=', 'returned')
    .orderBy('r.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Never returned (a draft): nothing to correct.
  return !row || Boolean(row.evidence);
}

/**
 * 补正后重新提交: a returned application goes back to the bureau with the correction made — a file
 * handed in since — or with a note saying what was done elsewhere (the original shown at the
 * counter, a record corrected at its source). Sent back as it was returned, the clerk would
 * only return it again.
 */
export async function assertCorrected(trx: Transaction<Database>, id: string, note: string | undefined): Promise<void> {
  if (saysSomething(note)) return;
  if (!(await correctedSinceReturn(trx, id))) throw new AppError('CORRECTION_NOT_MADE', 400, 'reason');
}
