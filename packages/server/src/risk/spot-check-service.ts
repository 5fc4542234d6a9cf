import { randomBytes } from 'node:crypto';
import { monthIndex } from '@huimin/policy';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError } from '../http/errors.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { draw, weightOf, type Candidate } from './spot-check-draw.js';

export interface SpotCheckView {
  id: string;
  regionCode: string;
  seed: string;
  sampleSize: number;
  candidates: number;
  createdAt: string;
  items: {
    id: string;
    rank: number;
    applicationId: string;
    applicationNumber: string;
    inspector: string;
    weight: number;
    outcome?: string;
    note?: string;
  }[];
}

const CHECKED_STATES = ['approved', 'publicised', 'payable', 'paid'];

/** Spot checks (双随机): draw, look at, redo the draw, and record each inspection's outcome. */
export class SpotCheckService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async draw(actor: Actor, input: { sampleSize: number; seed?: string }): Promise<SpotCheckView> {
    const prefix = regionPrefix(actor.regionCode);
    const apps = await this.db
      .selectFrom('application')
      .select(['id', 'amount_fen', 'claim'])
      .where('region_code', 'like', `${prefix}%`)
      .where('state', 'in', CHECKED_STATES)
      .orderBy('id')
      .execute();
    const actors = apps.length
      ? await this.db
          .selectFrom('application_event')
          .select(['application_id', 'actor_id'])
          .distinct()
          .where('application_id', 'in', (eb) =>
            eb
              .selectFrom('application')
              .select('id')
              .where('region_code', 'like', `${prefix}%`)
              .where('state', 'in', CHECKED_STATES),
          )
          .execute()
      : [];
    const inspectors = (
      await this.db
        .selectFrom('account')
        .select('id')
        .where('region_code', 'like', `${prefix}%`)
        .where('active', '=', true)
        .where((eb) => eb.or([sql<boolean>`'supervisor' = any(roles)`, sql<boolean>`'auditor' = any(roles)`]))
        .orderBy('id')
        .execute()
    ).map((a) => a.id);
    if (apps.length === 0 || inspectors.length === 0) throw new AppError('NO_CANDIDATES', 409);

    const candidates: Candidate[] = apps.map((a) => {
      const claim = a.claim as {
        hires?: unknown[];
        interns?: unknown[];
        workers?: unknown[];
        fromMonth?: string;
        toMonth?: string;
      };
      const people = (claim.hires?.length ?? 0) + (claim.interns?.length ?? 0) + (claim.workers?.length ?? 0);
      const months = claim.fromMonth
        ? monthIndex(claim.toMonth ?? claim.fromMonth) - monthIndex(claim.fromMonth) + 1
        : 0;
      return {
        applicationId: a.id,
        weight: weightOf(Number(a.amount_fen ?? 0), people, months),
        excluded: actors.flatMap((x) => (x.application_id === a.id && x.actor_id ? [x.actor_id] : [])),
      };
    });
    const seed = input.seed ?? `${this.clock.today()}/${actor.regionCode}/${randomBytes(16).toString('hex')}`;
    const items = draw(seed, candidates, inspectors, input.sampleSize);
    const id = await this.db.transaction().execute(async (trx) => {
      const check = await trx
        .insertInto('spot_check')
        .values({
          region_code: actor.regionCode,
          seed,
          candidates: JSON.stringify(candidates),
          inspectors: JSON.stringify(inspectors),
          sample_size: input.sampleSize,
          created_by: actor.accountId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (items.length)
        await trx
          .insertInto('spot_check_item')
          .values(
            items.map((i) => ({
              spot_check_id: check.id,
              rank: i.rank,
              application_id: i.applicationId,
              inspector_id: i.inspectorId,
              weight: i.weight,
            })),
          )
          .execute();
      await appendAudit(trx, this.vault, {
        actor,
        action: 'spot-check.drawn',
        entityType: 'spot_check',
        entityId: check.id,
        regionCode: actor.regionCode,
        after: { seed, candidates: candidates.length, sample: items.map((i) => i.applicationId) },
      });
      return check.id;
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<SpotCheckView> {
    // Visible in the drawing region and above, and to every inspector it assigns work to.
    const check = await this.db
      .selectFrom('spot_check')
      .selectAll()
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('region_code', 'like', `${regionPrefix(actor.regionCode)}%`),
          eb.exists(
            eb
              .selectFrom('spot_check_item')
              .select('spot_check_item.id')
              .whereRef('spot_check_item.spot_check_id', '=', 'spot_check.id')
              .where('spot_check_item.inspector_id', '=', actor.accountId),
          ),
        ]),
      )
      .executeTakeFirst();
    if (!check) throw new AppError('SPOT_CHECK_NOT_FOUND', 404);
    const items = await this.db
      .selectFrom('spot_check_item')
      .innerJoin('application', 'application.id', 'spot_check_item.application_id')
      .innerJoin('account', 'account.id', 'spot_check_item.inspector_id')
      .select([
        'spot_check_item.id',
        'rank',
        'application_id',
        'application.number',
        'account.display_name',
        'weight',
        'outcome',
        'note',
      ])
      .where('spot_check_id', '=', id)
      .orderBy('rank')
      .execute();
    return {
      id: check.id,
      regionCode: check.region_code,
      seed: check.seed,
      sampleSize: check.sample_size,
      candidates: (check.candidates as unknown[]).length,
      createdAt: check.created_at.toISOString(),
      items: items.map((i) => ({
        id: i.id,
        rank: i.rank,
        applicationId: i.application_id,
        applicationNumber: i.number,
        inspector: i.display_name,
        weight: i.weight,
        ...(i.outcome ? { outcome: i.outcome } : {}),
        ...(i.note ? { note: i.note } : {}),
      })),
    };
  }

  /** Redoes the draw from the recorded seed and candidates; identical means the record is the draw. */
  async reproduce(actor: Actor, id: string): Promise<{ identical: boolean }> {
    await this.get(actor, id);
    const check = await this.db.selectFrom('spot_check').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const again = draw(check.seed, check.candidates as Candidate[], check.inspectors as string[], check.sample_size);
    const recorded = await this.db
      .selectFrom('spot_check_item')
      .select(['rank', 'application_id', 'inspector_id', 'weight'])
      .where('spot_check_id', '=', id)
      .orderBy('rank')
      .execute();
    const same =
      again.length === recorded.length &&
      again.every(
        (a, i) =>
          a.applicationId === recorded[i]?.application_id &&
          a.inspectorId === recorded[i]?.inspector_id &&
          a.rank === recorded[i]?.rank,
      );
    return { identical: same };
  }

  async recordOutcome(
    actor: Actor,
    id: string,
    itemId: string,
    input: { outcome: 'no-problem' | 'problem-found'; note: string },
  ): Promise<SpotCheckView> {
    const check = await this.get(actor, id);
    await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('spot_check_item')
        .set({ outcome: input.outcome, note: input.note, recorded_at: this.clock.now() })
        .where('id', '=', itemId)
        .where('spot_check_id', '=', id)
        .where('inspector_id', '=', actor.accountId)
        .where('outcome', 'is', null)
        .executeTakeFirst();
      if (done.numUpdatedRows === 0n) throw new AppError('NOT_YOUR_INSPECTION', 403);
      await appendAudit(trx, this.vault, {
        actor,
        action: 'spot-check.outcome',
        entityType: 'spot_check',
        entityId: id,
        regionCode: check.regionCode,
        after: { item: itemId, ...input },
      });
    });
    return this.get(actor, id);
  }
}
