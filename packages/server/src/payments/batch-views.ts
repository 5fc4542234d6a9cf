import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database, PaymentChannel } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';

export interface BatchView {
  id: string;
  number: string;
  fundId: string;
  channel: PaymentChannel;
  regionCode: string;
  layout: string;
  state: string;
  itemCount: number;
  totalFen: number;
  createdAt: string;
  exportedAt?: string;
  counts: { pending: number; paid: number; failed: number };
}

/** The batches in the caller's regions, newest first. */
export async function listBatches(db: Kysely<Database>, actor: Actor): Promise<BatchView[]> {
  const rows = await db
    .selectFrom('payment_batch')
    .select('id')
    .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return Promise.all(rows.map((r) => getBatch(db, actor, r.id)));
}

/** One batch in the caller's regions, with its items counted by state. */
export async function getBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  const b = await db
    .selectFrom('payment_batch')
    .selectAll()
    .where('id', '=', id)
    .where('region_code', 'like', `${regionPrefix(actor.regionCode)}%`)
    .executeTakeFirst();
  if (!b) throw new AppError('BATCH_NOT_FOUND', 404);
  const counts = await db
    .selectFrom('payment_item')
    .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('batch_id', '=', id)
    .groupBy('state')
    .execute();
  const count = (s: string) => Number(counts.find((c) => c.state === s)?.n ?? 0);
  return {
    id: b.id,
    number: b.number,
    fundId: b.fund_id,
    channel: b.channel,
    regionCode: b.region_code,
    layout: b.layout,
    state: b.state,
    itemCount: b.item_count,
    totalFen: Number(b.total_fen),
    createdAt: b.created_at.toISOString(),
    ...(b.exported_at ? { exportedAt: b.exported_at.toISOString() } : {}),
    counts: { pending: count('pending'), paid: count('paid'), failed: count('failed') },
  };
}
