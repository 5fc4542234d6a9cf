import type { Actor } from '../auth/actor.js';
import type { PaymentChannel } from '../db/schema.js';
import type { PaymentDeps } from './payment-deps.js';
import { payableGroups } from './payable-applications.js';

export interface BatchPreview {
  groups: {
    fundId: string;
    fundCode: string;
    fundName: string;
    channel: PaymentChannel;
    count: number;
    totalFen: number;
  }[];
  count: number;
  totalFen: number;
  missingAccount: string[];
  awaitingCorrection: string[];
}

/**
 * 拨付预览: what 生成拨付批次 would put in batches now — per fund and channel how many and how much —
 * and what it would leave out and why; it creates nothing. The same selection as creating, so the
 * preview and the batches agree unless something changes in between.
 */
export async function previewBatches(deps: PaymentDeps, actor: Actor): Promise<BatchPreview> {
  const { groups, missingAccount, awaitingCorrection } = await payableGroups(deps, actor);
  const fundIds = [...new Set([...groups.values()].flat().map((i) => i.fundId))];
  const funds = fundIds.length
    ? await deps.db.selectFrom('fund').select(['id', 'code', 'name']).where('id', 'in', fundIds).execute()
    : [];
  const fundById = new Map(funds.map((f) => [f.id, f]));
  const out = [...groups.entries()].map(([key, items]) => {
    const [fundId, channel] = key.split('|') as [string, PaymentChannel];
    const fund = fundById.get(fundId);
    return {
      fundId,
      fundCode: fund?.code ?? '',
      fundName: fund?.name ?? '',
      channel,
      count: items.length,
      totalFen: items.reduce((n, i) => n + i.amountFen, 0),
    };
  });
  return {
    groups: out,
    count: out.reduce((n, g) => n + g.count, 0),
    totalFen: out.reduce((n, g) => n + g.totalFen, 0),
    missingAccount,
    awaitingCorrection,
  };
}
