import type { Allocation, AllocationScheme } from '@huimin/policy';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { AllocationPublicationTable, Database } from '../db/schema.js';
import { AppError, inBoth } from '../http/errors.js';
import { assertRegionInScope, isInScope, regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';

/** Published allocations (资金分配结果公开): kept exactly as published, listed by region. */
export class PublicationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  /**
   * Checks the region is the caller's, and that the money goes to it or the regions below it,
   * before anything is calculated: a city's published allocation must not list another city's.
   */
  async assertInScope(actor: Actor, regionCode: string, rows: readonly { region: string }[]): Promise<void> {
    await assertRegionInScope(this.db, actor.regionCode, regionCode, 'regionCode');
    rows.forEach((row, i) => {
      if (!isInScope(regionCode, row.region))
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          `regions[${i}].region`,
          inBoth('detail', `应为 ${regionCode} 或其下辖地区`, `must be ${regionCode} or a region below it`),
        );
    });
  }

  /** Keeps a calculated allocation as published, with its audit entry. */
  async publish(
    actor: Actor,
    input: { title: string; regionCode: string; scheme: AllocationScheme; result: Allocation },
  ): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('allocation_publication')
        .values({
          title: input.title,
          scheme: input.scheme.id,
          region_code: input.regionCode,
          total_fen: String(input.result.totalFen),
          result: JSON.stringify({ ...input.result, schemeName: input.scheme.name }),
          published_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'allocation.published',
        entityType: 'allocation_publication',
        entityId: row.id,
        regionCode: input.regionCode,
        after: { title: input.title, scheme: input.scheme.id, totalFen: input.result.totalFen },
      });
      return row.id;
    });
  }

  /** The latest 100 published in a region and the regions below it. */
  list(region: string): Promise<Selectable<AllocationPublicationTable>[]> {
    return this.db
      .selectFrom('allocation_publication')
      .selectAll()
      .where('region_code', 'like', `${regionPrefix(region)}%`)
      .orderBy('published_at', 'desc')
      .limit(100)
      .execute();
  }

  get(id: string): Promise<Selectable<AllocationPublicationTable> | undefined> {
    return this.db.selectFrom('allocation_publication').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
