import { regionChain } from '@huimin/policy';
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import { appendAudit } from '../../audit/audit-trail.js';
import { NO_ONE, type Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import { demandItemRegions } from '../catalogue/catalogue-repository.js';
import { requiredReason } from '../required-reason.js';
import type { Institution, InstitutionBody } from './institutions.schemas.js';
import {
  findInstitution,
  findOrganisation,
  insertInstitution,
  insertInstitutionItems,
  institutionItems,
  institutionsInRange,
  institutionsOfOrganisation,
  markInstitutionRemoved,
  type InstitutionRow,
} from './institution-repository.js';

/** The listing form and the catalogue's view: the routes' schemas are their one source. */
export type InstitutionInput = Static<typeof InstitutionBody>;
export type InstitutionView = Static<typeof Institution>;

/**
 * The institution catalogue (培训机构目录, 人社部发〔2024〕5号 (二)): registered units listed with the
 * catalogue items each may run, public, and moved out (移出目录, (十一)) with their history kept.
 */
export class InstitutionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async listInstitution(actor: Actor, input: InstitutionInput): Promise<InstitutionView> {
    const unit = await findOrganisation(this.db, input.organisationId);
    if (!unit || !isInScope(actor.regionCode, unit.region_code))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'organisationId');
    await this.assertItems(input.demandItemIds, unit.region_code);
    const id = await this.db.transaction().execute(async (trx) => {
      const listed = await insertInstitution(trx, {
        region_code: unit.region_code,
        organisation_id: unit.id,
        name: unit.name,
        address: input.address.trim(),
        nature: input.nature,
        capacity: input.capacity,
        created_by: actor.accountId,
      });
      if (!listed) throw new AppError('INSTITUTION_ALREADY_LISTED', 409, 'organisationId');
      await insertInstitutionItems(trx, listed, input.demandItemIds);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.institution.listed',
        entityType: 'training_institution',
        entityId: listed,
        regionCode: unit.region_code,
        after: { ...input },
      });
      return listed;
    });
    return this.institution(id);
  }

  /** Moved out of the catalogue (移出目录, 5号 (十一)): it opens no new class; the row and its history stay. */
  async removeInstitution(actor: Actor, id: string, reason: string): Promise<InstitutionView> {
    const inst = await findInstitution(this.db, id);
    if (!inst || !isInScope(actor.regionCode, inst.region_code)) throw new AppError('INSTITUTION_NOT_FOUND', 404);
    if (inst.status === 'removed') return this.institution(id);
    await this.db.transaction().execute(async (trx) => {
      await markInstitutionRemoved(trx, id, this.clock.today(), requiredReason(reason));
      await appendAudit(trx, this.vault, {
        actor,
        action: 'training.institution.removed',
        entityType: 'training_institution',
        entityId: id,
        regionCode: inst.region_code,
        after: { reason },
      });
    });
    return this.institution(id);
  }

  /** The public institution catalogue of a region and the regions below it; `history` adds those moved out. */
  async institutions(region: string, history = false): Promise<InstitutionView[]> {
    return this.institutionViews(await institutionsInRange(this.db, regionRange(region), !history));
  }

  /** The institutions the caller may open classes for: its own, or (bureau) those listed in its regions. */
  async institutionsFor(actor: Actor): Promise<InstitutionView[]> {
    if (actor.permissions.has('training:manage')) return this.institutions(actor.regionCode);
    return this.institutionViews(await institutionsOfOrganisation(this.db, actor.organisationId ?? NO_ONE));
  }

  private async institution(id: string): Promise<InstitutionView> {
    const row = await findInstitution(this.db, id);
    const [view] = await this.institutionViews(row ? [row] : []);
    if (!view) throw new AppError('INSTITUTION_NOT_FOUND', 404);
    return view;
  }

  /** Institutions with the items each may run, in one query for the items. */
  private async institutionViews(rows: readonly InstitutionRow[]): Promise<InstitutionView[]> {
    if (rows.length === 0) return [];
    const items = await institutionItems(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      organisationId: r.organisation_id,
      name: r.name,
      address: r.address,
      nature: r.nature,
      capacity: r.capacity,
      status: r.status,
      demandItemIds: items.filter((i) => i.institution_id === r.id).map((i) => i.demand_item_id),
      ...(r.removed_on ? { removedOn: r.removed_on, removedReason: r.removed_reason ?? '' } : {}),
    }));
  }

  /** Every item named is in the catalogue of the institution's region or a region above it. */
  private async assertItems(ids: readonly string[], region: string): Promise<void> {
    if (ids.length === 0) throw new AppError('REQUIRED_FIELD', 400, 'demandItemIds');
    const found = await demandItemRegions(this.db, ids);
    ids.forEach((id, i) => {
      const item = found.find((f) => f.id === id);
      if (!item || !regionChain(region).includes(item.region_code))
        throw new AppError('TRAINING_ITEM_NOT_FOUND', 404, `demandItemIds[${i}]`);
    });
  }
}
