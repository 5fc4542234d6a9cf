import { randomBytes } from 'node:crypto';
import { monthIndex } from '@huimin/policy';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { AppError, inBoth } from '../http/errors.js';
import { explainsItself } from '../http/said.js';
import { regionPrefix } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { draw, uninspectable, weightOf, type Candidate, type Inspector } from './spot-check-draw.js';
import { assignedInspections, drawHistory, type HistoryQuery } from './spot-check-reads.js';
import type { AssignedInspectionT, SpotCheckSummaryT } from './spot-check.schemas.js';

export interface SpotCheckView {
  id: string;
  regionCode: string;
  seed: string;
  /** The bureau's day it was drawn for (one draw per region and day). */
  period: string;
  /** For a redraw: the first draw of that region and day, and why it was drawn again. */
  redrawOf?: string;
  reason?: string;
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
/** The partial unique index of migration 0048: one first draw per region and day. */
const ONE_PER_DAY = 'spot_check_one_per_region_day';

/**
 * The refusal that names the draw already standing for this region and day: by its id for programs
 * (`errors[0].spotCheckId`), by its day and time (Beijing time, UTC+8 all year) in the message.
 */
function alreadyDrawn(first: { id: string; period: string; created_at: Date }): AppError {
  const time = new Date(first.created_at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return new AppError('SPOT_CHECK_ALREADY_DRAWN', 409, 'reason', { period: first.period, time }, [
    { spotCheckId: first.id, period: first.period, drawnAt: first.created_at.toISOString() },
  ]);
}

/** Spot checks (双随机): draw once a day, look at, verify the draw, and record each inspection's outcome. */
export class SpotCheckService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /**
   * Draws the region's sample for today. The seed is never the caller's: it is 128 bits from the
   * operating system's cryptographic source, recorded with the candidates, so an auditor can redo
   * the draw (`reproduce`) but nobody can steer it. One draw stands per region and day; drawing
   * again needs a reason, keeps the first draw and its sample on record and points at it, so a
   * sample cannot quietly be swapped for a more convenient one (双随机: 随机抽取检查对象).
   */
  async draw(actor: Actor, input: { sampleSize: number; reason?: string }): Promise<SpotCheckView> {
    const period = this.clock.today();
    if (input.reason !== undefined && !explainsItself(input.reason))
      throw new AppError('REASON_TOO_BRIEF', 400, 'reason');
    const reason = input.reason?.trim();
    // Answered before the candidates are read; the unique index settles any race below.
    const first = await this.firstOf(actor.regionCode, period);
    if (first && !reason) throw alreadyDrawn(first);
    if (!first && reason) throw new AppError('SPOT_CHECK_NOTHING_TO_REDRAW', 409, 'reason');
    const { candidates, inspectors } = await this.candidatesOf(actor.regionCode);
    const seed = `${period}/${actor.regionCode}/${randomBytes(16).toString('hex')}`;
    const items = draw(seed, candidates, inspectors, input.sampleSize);
    let id: string;
    try {
      id = await this.db.transaction().execute(async (trx) => {
        const check = await trx
          .insertInto('spot_check')
          .values({
            region_code: actor.regionCode,
            period,
            redraw_of: first?.id ?? null,
            reason: first ? (reason ?? null) : null,
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
          action: first ? 'spot-check.redrawn' : 'spot-check.drawn',
          entityType: 'spot_check',
          entityId: check.id,
          regionCode: actor.regionCode,
          after: {
            seed,
            period,
            candidates: candidates.length,
            sample: items.map((i) => i.applicationId),
            ...(first ? { redrawOf: first.id, reason } : {}),
          },
        });
        return check.id;
      });
    } catch (error) {
      // Another first draw for this region and day was written since we looked: that one stands.
      const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
      const ours = constraint === ONE_PER_DAY || String(message ?? '').includes(ONE_PER_DAY);
      if (code !== '23505' || !ours) throw error;
      const winner = await this.firstOf(actor.regionCode, period);
      if (!winner) throw error;
      throw alreadyDrawn(winner);
    }
    return this.get(actor, id);
  }

  /** Today's draws in the caller's region: the first, then any redraws in the order made. */
  async today(actor: Actor): Promise<{ period: string; regionCode: string; draws: SpotCheckView[] }> {
    const period = this.clock.today();
    const rows = await this.db
      .selectFrom('spot_check')
      .select('id')
      .where('region_code', '=', actor.regionCode)
      .where('period', '=', period)
      .orderBy(sql`redraw_of is not null`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const draws: SpotCheckView[] = [];
    for (const row of rows) draws.push(await this.get(actor, row.id));
    return { period, regionCode: actor.regionCode, draws };
  }

  private firstOf(regionCode: string, period: string) {
    return this.db
      .selectFrom('spot_check')
      .select(['id', 'period', 'created_at'])
      .where('region_code', '=', regionCode)
      .where('period', '=', period)
      .where('redraw_of', 'is', null)
      .executeTakeFirst();
  }

  /** Approved-and-later applications in the region and below, and the inspectors who may check them. */
  private async candidatesOf(regionCode: string): Promise<{ candidates: Candidate[]; inspectors: Inspector[] }> {
    const prefix = regionPrefix(regionCode);
    const apps = await this.db
      .selectFrom('application')
      .select(['id', 'number', 'region_code', 'amount_fen', 'claim'])
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
    const accounts = await this.db
      .selectFrom('account')
      .select(['id', 'region_code'])
      .where('region_code', 'like', `${prefix}%`)
      .where('active', '=', true)
      .where((eb) => eb.or([sql<boolean>`'supervisor' = any(roles)`, sql<boolean>`'auditor' = any(roles)`]))
      .orderBy('id')
      .execute();
    // Each inspector with the prefix of the regions they reach, recorded once for the draw.
    const inspectors: Inspector[] = accounts.map((a) => ({ id: a.id, reach: regionPrefix(a.region_code) }));
    const actedOn = new Map<string, string[]>();
    for (const x of actors)
      if (x.actor_id) actedOn.set(x.application_id, [...(actedOn.get(x.application_id) ?? []), x.actor_id]);
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
        excluded: actedOn.get(a.id) ?? [],
        regionCode: a.region_code,
      };
    });
    // Refused before drawing, whichever the seed would pick: a draw that skipped them would never
    // inspect them, and one that sent them to someone outside their region could not be carried out.
    const orphans = new Set(uninspectable(candidates, inspectors).map((c) => c.applicationId));
    const examples = apps
      .filter((a) => orphans.has(a.id))
      .slice(0, 3)
      .map((a) => a.number);
    if (orphans.size)
      throw new AppError('SPOT_CHECK_NO_INSPECTOR', 409, undefined, {
        count: String(orphans.size),
        ...inBoth('value', examples.join('、'), examples.join(', ')),
      });
    return { candidates, inspectors };
  }

  async get(actor: Actor, id: string): Promise<SpotCheckView> {
    // Visible in the drawing region and above, and to every inspector it assigns work to.
    // The candidates are counted where they are kept: a province's list is megabytes of JSON.
    const check = await this.db
      .selectFrom('spot_check')
      .select([
        'id',
        'region_code',
        'seed',
        'period',
        'redraw_of',
        'reason',
        'sample_size',
        'created_at',
        sql<number>`jsonb_array_length(candidates)`.as('candidates'),
      ])
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
      period: check.period,
      ...(check.redraw_of ? { redrawOf: check.redraw_of, reason: check.reason ?? '' } : {}),
      sampleSize: check.sample_size,
      candidates: Number(check.candidates),
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
    const again = draw(check.seed, check.candidates as Candidate[], check.inspectors as Inspector[], check.sample_size);
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

  /** The caller's own inspections (我的抽查任务): see `assignedInspections`. */
  assigned(actor: Actor): Promise<{ inspections: AssignedInspectionT[]; open: number }> {
    return assignedInspections(this.db, actor);
  }

  /** The draws of the caller's regions, newest first (历次抽查): see `drawHistory`. */
  history(actor: Actor, q: HistoryQuery): Promise<{ total: number; draws: SpotCheckSummaryT[] }> {
    return drawHistory(this.db, actor, q);
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
