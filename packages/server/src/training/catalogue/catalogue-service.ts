import { regionChain, type IsoDate } from '@huimin/policy';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { assertRegionInScope, isInScope, regionChecker } from '../../regions/region-scope.js';
import { fromError, fromErrors, readRows, rejectIfAny, type ImportProblem } from '../../registry/import/sheet.js';
import { RowError } from '../../registry/import/templates.js';
import { readTable } from '../../registry/import/tabular.js';
import type { Vault } from '../../security/vault.js';
import { requiredReason } from '../required-reason.js';
import {
  demandItemsOfRegions,
  findDemandItem,
  getDemandItem,
  insertDemandItems,
  markDemandItemRemoved,
  overlappingDemandItem,
} from './catalogue-repository.js';
import { CATALOGUE_COLUMNS, readCatalogueRow, sameItem } from './catalogue-sheets.js';
import { checkItemDates, itemView, type DemandItemInput, type DemandItemView } from './demand-item.js';

/**
 * The training-demand catalogue (职业技能培训需求指导目录, 人社部发〔2024〕5号 (一)): published by the
 * bureau for its region, public, and adjusted over time with its history kept — an item moved out
 * stays, with the day and the reason.
 */
export class CatalogueService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async addDemandItem(actor: Actor, input: DemandItemInput): Promise<DemandItemView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    checkItemDates(input);
    const id = await this.db.transaction().execute(async (trx) => {
      const existing = await overlappingDemandItem(trx, input);
      if (existing) throw new AppError('TRAINING_ITEM_EXISTS', 409, 'occupation', { value: existing });
      const [added] = await insertDemandItems(trx, actor.accountId, [input]);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.catalogue-item.added',
        entityType: 'training_demand_item',
        entityId: added ?? '',
        regionCode: input.regionCode,
        after: { ...input },
      });
      return added ?? '';
    });
    return this.demandItem(id);
  }

  /**
   * Catalogue items from a filled-in sheet (the bureau publishes its 目录 as a table). All or
   * nothing: any bad row refuses the file and lists every problem by row and column.
   */
  async importCatalogue(actor: Actor, file: Buffer): Promise<{ imported: number }> {
    const problems: ImportProblem[] = [];
    const rows = readRows(await readTable(file), CATALOGUE_COLUMNS, ['regionCode'], problems);
    const checkRegion = await regionChecker(this.db, actor.regionCode);
    const column = (field: string) => CATALOGUE_COLUMNS.find((c) => c.key === field);
    const inputs: { number: number; input: DemandItemInput }[] = [];
    let unchanged = 0;
    for (const { number, row } of rows) {
      let read: ReturnType<typeof readCatalogueRow>;
      try {
        read = readCatalogueRow(row);
      } catch (error) {
        problems.push(...fromErrors(error, number, column));
        try {
          checkRegion(row.regionCode ?? '', 'regionCode');
        } catch (regionError) {
          problems.push(fromError(regionError, number, column));
        }
        continue;
      }
      try {
        const { id, ...input } = read;
        // An exported item comes back as it was: left alone. Changing one is moving it out and adding anew.
        // The export holds the items of the regions above too (they apply here), so an exported
        // city item in a county's sheet is left alone as well, though the county may not add one there.
        if (id !== undefined) {
          const existing = await findDemandItem(this.db, id);
          const applies =
            existing &&
            (isInScope(actor.regionCode, existing.region_code) || isInScope(existing.region_code, actor.regionCode));
          if (!existing || !applies) throw new RowError('id', '没有这个目录编号', 'no such item number');
          if (!sameItem(itemView(existing, this.clock.today()), input))
            throw new RowError(
              'id',
              '已有项目不能在导入中修改：请先移出该项目，再不带编号新增一行',
              'an existing item cannot be changed by import: move it out, then add a row without a number',
            );
          unchanged++;
          continue;
        }
        checkRegion(input.regionCode, 'regionCode');
        checkItemDates(input);
        inputs.push({ number, input });
      } catch (error) {
        problems.push(...fromErrors(error, number, column));
      }
    }
    rejectIfAny(problems, CATALOGUE_COLUMNS, inputs.length + unchanged);
    await this.db.transaction().execute(async (trx) => {
      // Row by row, so a row is checked against the rows above it in the file as well; a row that
      // repeats an item in force refuses the whole file, and what was written is rolled back.
      const ids: string[] = [];
      for (const { number, input } of inputs) {
        const existing = await overlappingDemandItem(trx, input);
        if (existing)
          problems.push(
            fromError(new AppError('TRAINING_ITEM_EXISTS', 409, 'occupation', { value: existing }), number, column),
          );
        else ids.push(...(await insertDemandItems(trx, actor.accountId, [input])));
      }
      rejectIfAny(problems, CATALOGUE_COLUMNS, inputs.length + unchanged);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.catalogue.imported',
        entityType: 'training_demand_item',
        entityId: ids[0] ?? '',
        regionCode: actor.regionCode,
        after: { items: ids.length },
      });
    });
    return { imported: inputs.length };
  }

  /** Moved out of the catalogue: no new class may use it; classes already running finish; the row stays. */
  async removeDemandItem(actor: Actor, id: string, reason: string): Promise<DemandItemView> {
    const item = await findDemandItem(this.db, id);
    if (!item || !isInScope(actor.regionCode, item.region_code)) throw new AppError('TRAINING_ITEM_NOT_FOUND', 404);
    if (item.removed_on) return this.demandItem(id);
    await this.db.transaction().execute(async (trx) => {
      await markDemandItemRemoved(trx, id, this.clock.today(), requiredReason(reason));
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.catalogue-item.removed',
        entityType: 'training_demand_item',
        entityId: id,
        regionCode: item.region_code,
        after: { reason },
      });
    });
    return this.demandItem(id);
  }

  /** The public catalogue of a region (and the regions above it) on a day; `history` adds items moved out or expired. */
  async catalogue(region: string, on: IsoDate = this.clock.today(), history = false): Promise<DemandItemView[]> {
    const rows = await demandItemsOfRegions(this.db, regionChain(region));
    return rows.map((r) => itemView(r, on)).filter((v) => history || v.inForce);
  }

  private async demandItem(id: string): Promise<DemandItemView> {
    return itemView(await getDemandItem(this.db, id), this.clock.today());
  }
}
