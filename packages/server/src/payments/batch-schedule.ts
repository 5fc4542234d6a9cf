import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { getBatch, type BatchView } from './batch-views.js';

/** One line of a payment schedule: who is paid how much, into which (masked) account, for what. */
export interface ScheduleLine {
  seq: number;
  payeeName: string;
  accountMasked: string;
  amountFen: number;
  state: 'pending' | 'paid' | 'failed';
  applicationNumber: string;
  subsidy: string;
}

/**
 * 拨付明细表: a batch's items in order, for finance to print, sign and file with the bank file — the
 * batch, the fund's name, every line and the total, in the caller's regions only.
 */
export async function batchSchedule(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ batch: BatchView; fundName: string; lines: ScheduleLine[] }> {
  const batch = await getBatch(db, actor, id);
  const [fund, lines] = await Promise.all([
    db.selectFrom('fund').select('name').where('id', '=', batch.fundId).executeTakeFirst(),
    db
      .selectFrom('payment_item as i')
      .innerJoin('application as a', 'a.id', 'i.application_id')
      .select(['i.seq', 'i.payee_name', 'i.account_masked', 'i.amount_fen', 'i.state', 'a.number', 'a.subsidy_id'])
      .where('i.batch_id', '=', id)
      .orderBy('i.seq')
      .execute(),
  ]);
  return {
    batch,
    fundName: fund?.name ?? '',
    lines: lines.map((l) => ({
      seq: l.seq,
      payeeName: l.payee_name,
      accountMasked: l.account_masked,
      amountFen: Number(l.amount_fen),
      state: l.state,
      applicationNumber: l.number,
      subsidy: l.subsidy_id,
    })),
  };
}
