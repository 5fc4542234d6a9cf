import { addDays, monthFromIndex, monthIndex, type IsoDate, type ServiceClaim } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError, notBefore } from '../../http/errors.js';
import { assertRegionInScope, isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import {
  findGigPosting,
  findStation,
  findWorker,
  gigPostingsOf,
  insertGigPosting,
  findWorkerOf,
  gigPlaces,
  insertMatch,
  insertStation,
  monthFigures,
  openGigs,
  stationsInRange,
  upsertWorker,
  workersOf,
  type StationRow,
} from './gig-repository.js';
import type { FiguresView, GigInput, GigView, StationInput, StationView, WorkerView } from './gig.schemas.js';
import { findPosting, findEmployer } from './posting-repository.js';
import type { PostingService } from './posting-service.js';
import { findPersonRecord } from './seeker-repository.js';

/** A gig is short work: its posting is shown at most this many days (it is posted again if still wanted). */
export const LONGEST_GIG_DAYS = 30;

/**
 * The gig market (零工市场; 川办发〔2024〕34号 (六), 贵州 六六 text): 零工驿站 run by an organisation in a
 * region, the gigs they post for units (job postings with the same review and discrimination rules,
 * paid by the day or piece), the gig workers they register, the gigs they broker, and each month's
 * service figures, which are what a region weighs the station's 就业创业服务补助 by (财社〔2023〕181号
 * 第十二条 "根据工作量、专业性和成效").
 */
export class GigService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly postings: PostingService,
    /** Where the public gig board reads: a streaming replica when there is one. */
    private readonly publicDb: Kysely<Database> = db,
  ) {}

  async createStation(actor: Actor, input: StationInput): Promise<StationView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    if (!(await findEmployer(this.db, input.operatorId)))
      throw new AppError('ORGANISATION_NOT_FOUND', 404, 'operatorId');
    if (input.openedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'openedOn');
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await insertStation(trx, {
        name: input.name.trim(),
        region_code: input.regionCode,
        operator_id: input.operatorId,
        address: input.address.trim(),
        opened_on: input.openedOn,
        created_by: actor.accountId,
      });
      if (!id) throw new AppError('GIG_STATION_EXISTS', 409, 'name');
      await this.audit(trx, actor, 'labour-market.gig-station-created', id, input.regionCode, input);
      return id;
    });
    return toStation(await this.station(actor, id));
  }

  async stations(actor: Actor): Promise<StationView[]> {
    return (await stationsInRange(this.db, regionRange(actor.regionCode))).map(toStation);
  }

  /** A gig posted through the station for a unit: reviewed like any posting before it is shown. */
  async postGig(actor: Actor, stationId: string, input: GigInput): Promise<GigView> {
    await this.station(actor, stationId);
    if (input.validTo > addDays(input.validFrom, LONGEST_GIG_DAYS - 1))
      throw new AppError('GIG_TOO_LONG', 400, 'validTo', { days: String(LONGEST_GIG_DAYS) });
    const { payUnit, ...posting } = input;
    const view = await this.postings.postFor(
      actor,
      posting,
      (trx, postingId) => insertGigPosting(trx, { posting_id: postingId, station_id: stationId, pay_unit: payUnit }),
      payUnit,
    );
    return { posting: view, stationId, payUnit };
  }

  async gigs(actor: Actor, stationId: string): Promise<GigView[]> {
    await this.station(actor, stationId);
    const rows = await gigPostingsOf(this.db, stationId);
    return Promise.all(
      rows.map(async (r) => ({ posting: await this.postings.view(r.posting_id), stationId, payUnit: r.pay_unit })),
    );
  }

  /** The public gig board: open gigs in a region and below, newest first. */
  async board(region: string | undefined): Promise<GigView[]> {
    const rows = await openGigs(this.publicDb, regionRange(region ?? '000000'), this.clock.today(), 50);
    return Promise.all(
      rows.map(async (r) => ({
        posting: await this.postings.onBoard(r.posting_id),
        stationId: r.station_id,
        payUnit: r.pay_unit,
      })),
    );
  }

  /** Registers a person as a gig worker at the station (again: their skills are updated). */
  async registerWorker(
    actor: Actor,
    stationId: string,
    input: { personId: string; skills: string; registeredOn: IsoDate },
  ): Promise<WorkerView> {
    const station = await this.station(actor, stationId);
    const person = await findPersonRecord(this.db, input.personId);
    if (!person || !isInScope(actor.regionCode, person.region_code))
      throw new AppError('PERSON_NOT_FOUND', 404, 'personId');
    if (input.registeredOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'registeredOn');
    // The register counts toward the station's yearly figures: nobody registers before it opened,
    // and a registration's day is not moved by registering again.
    if (input.registeredOn < station.opened_on)
      throw new AppError('VALIDATION_FAILED', 400, 'registeredOn', notBefore(station.opened_on));
    const earlier = await findWorkerOf(this.db, stationId, input.personId);
    if (earlier && earlier.registered_on !== input.registeredOn)
      throw new AppError('GIG_WORKER_REGISTERED', 409, 'registeredOn', { value: earlier.registered_on });
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await upsertWorker(trx, {
        station_id: stationId,
        person_id: input.personId,
        skills: input.skills.trim(),
        registered_on: input.registeredOn,
        created_by: actor.accountId,
      });
      await this.audit(trx, actor, 'labour-market.gig-worker-registered', id, station.region_code, input);
      return id;
    });
    const found = (await workersOf(this.db, stationId)).find((w) => w.id === id);
    if (!found) throw new AppError('GIG_WORKER_NOT_FOUND', 404, 'personId');
    return toWorker(found);
  }

  async workers(actor: Actor, stationId: string): Promise<WorkerView[]> {
    await this.station(actor, stationId);
    return (await workersOf(this.db, stationId)).map(toWorker);
  }

  /** The station placed one of its workers in one of its gigs, open on that day; once per pair. */
  async match(
    actor: Actor,
    stationId: string,
    input: { postingId: string; workerId: string; matchedOn: IsoDate },
  ): Promise<{ id: string; postingId: string; workerId: string }> {
    const station = await this.station(actor, stationId);
    if (input.matchedOn > this.clock.today()) throw new AppError('DATE_IN_FUTURE', 400, 'matchedOn');
    const gig = await findGigPosting(this.db, input.postingId);
    const posting = gig?.station_id === stationId ? await findPosting(this.db, input.postingId) : undefined;
    if (
      !posting ||
      posting.reviewed_at === null ||
      posting.state === 'refused' ||
      posting.state === 'submitted' ||
      posting.valid_from > input.matchedOn ||
      posting.valid_to < input.matchedOn
    )
      throw new AppError('GIG_NOT_OPEN', 400, 'postingId', { date: input.matchedOn });
    const worker = await findWorker(this.db, input.workerId);
    if (worker?.station_id !== stationId) throw new AppError('GIG_WORKER_NOT_FOUND', 400, 'workerId');
    if (input.matchedOn < worker.registered_on)
      throw new AppError('VALIDATION_FAILED', 400, 'matchedOn', notBefore(worker.registered_on));
    const id = await this.db.transaction().execute(async (trx) => {
      // Placements are results the station is paid for: no more than the gig takes.
      const places = await gigPlaces(trx, input.postingId);
      if (places.placed >= places.headcount)
        throw new AppError('GIG_FULL', 409, 'postingId', { value: String(places.headcount) });
      const id = await insertMatch(trx, {
        station_id: stationId,
        posting_id: input.postingId,
        worker_id: input.workerId,
        matched_on: input.matchedOn,
        created_by: actor.accountId,
      });
      if (!id) throw new AppError('GIG_ALREADY_MATCHED', 409, 'workerId');
      await this.audit(trx, actor, 'labour-market.gig-matched', id, station.region_code, input);
      return id;
    });
    return { id, postingId: input.postingId, workerId: input.workerId };
  }

  /**
   * A month's or a year's figures: gig postings opened, people served (registered or placed),
   * placements. As a 就业创业服务补助 claim they are the free public service's workload (served) and
   * results (placed) at this station, named as the claim's site, so each station is its own claim
   * (财社〔2023〕181号 第十二条 pays per 零工驿站). The subsidy is claimed per year: a year's figure
   * counts each person once, which twelve months summed would not.
   */
  async figures(actor: Actor, stationId: string, period: { month?: string; year?: number }): Promise<FiguresView> {
    const station = await this.station(actor, stationId);
    const { month, year } = period;
    if ((month === undefined) === (year === undefined))
      throw new AppError('FIGURES_PERIOD', 400, month === undefined ? 'month' : 'year');
    const from = month !== undefined ? `${month}-01` : `${year}-01-01`;
    const to = month !== undefined ? addDays(`${monthFromIndex(monthIndex(month) + 1)}-01`, -1) : `${year}-12-31`;
    const f = await monthFigures(this.db, stationId, from, to);
    return {
      stationId,
      period: month ?? String(year),
      from,
      to,
      ...f,
      service: {
        kind: 'public-service',
        site: station.name,
        served: f.workersServed,
        outcomes: f.workersMatched,
      } satisfies ServiceClaim,
    };
  }

  private async station(actor: Actor, id: string): Promise<StationRow> {
    const row = await findStation(this.db, id);
    if (!row || !isInScope(actor.regionCode, row.region_code)) throw new AppError('GIG_STATION_NOT_FOUND', 404);
    return row;
  }

  private async audit(
    trx: Transaction<Database>,
    actor: Actor,
    action: string,
    id: string,
    regionCode: string,
    after: object,
  ): Promise<void> {
    await appendAudit(trx, this.vault, { actor, action, entityType: 'gig_station', entityId: id, regionCode, after });
  }
}

function toStation(r: StationRow): StationView {
  return {
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    regionName: { zh: r.region_zh, en: r.region_en },
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    address: r.address,
    openedOn: r.opened_on,
  };
}

function toWorker(r: { id: string; person_id: string; name: string; skills: string; registered_on: string }) {
  return { id: r.id, personId: r.person_id, name: r.name, skills: r.skills, registeredOn: r.registered_on };
}
