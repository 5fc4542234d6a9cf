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
  /** Who first downloaded the bank file: the person to ask whether it went to the bank. */
  exportedBy?: string;
  counts: { pending: number; paid: number; failed: number };
}

/** The batches in the caller's regions, newest first. */
export async function listBatches(db: Kysely<Database>, actor: Actor): Promise<BatchView[]> {
  const rows = await batchRows(db, actor).orderBy('b.created_at', 'desc').limit(200).execute();
  return rows.map(toView);
}

/** One batch in the caller's regions, with its items counted by state. */
export async function getBatch(db: Kysely<Database>, actor: Actor, id: string): Promise<BatchView> {
  const row = await batchRows(db, actor).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('BATCH_NOT_FOUND', 404);
  return toView(row);
}

/** Batches with their downloader's name and items counted by state, in one statement. */
function batchRows(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('payment_batch as b')
    .leftJoin('account as downloader', 'downloader.id', 'b.exported_by')
    .selectAll('b')
    .select('downloader.display_name as exported_by_name')
    .select((eb) =>
      (['pending', 'paid', 'failed'] as const).map((state) =>
        eb
          .selectFrom('payment_item as i')
          .select((c) => c.fn.countAll<string>().as('n'))
          .whereRef('i.batch_id', '=', 'b.id')
          .where('i.state', '=', state)
          .as(state),
      ),
    )
    .where('b.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof batchRows>['executeTakeFirstOrThrow']>>;

function toView(b: BatchRow): BatchView {
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
    ...(b.exported_by_name ? { exportedBy: b.exported_by_name } : {}),
    counts: { pending: Number(b.pending ?? 0), paid: Number(b.paid ?? 0), failed: Number(b.failed ?? 0) },
  };
}
