import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../../audit/audit-trail.js';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../http/clock.js';
import { AppError } from '../../http/errors.js';
import { shanghaiDateOf } from '../../http/today.js';
import {
  cvsOf,
  eventPostingIds,
  eventsInRange,
  findEvent,
  insertCv,
  insertEvent,
  liveEvents,
  lockEvent,
  setResults,
  type EventRow,
} from './event-repository.js';
import type { EventInput, EventView, LiveEventView, ResultsInput } from './event.schemas.js';
import { assertRegionInScope, isInScope, regionRange } from '../../regions/region-scope.js';
import type { Vault } from '../../security/vault.js';
import { findPosting } from './posting-repository.js';
import { seekerOfPerson } from './seeker-repository.js';

/** The longest event the platform takes, in days (a bound of ours, not of a text). */
export const MAX_EVENT_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * Recruitment events and live streams (招聘活动、直播带岗; 人社部办公厅 2023-12-28 notice; 川办发〔2024〕34号
 * (八) "月月有专场、周周有招聘"): a clerk sets up the event with its base, brand, anchor and time and
 * the reviewed postings it presents (岗位推介 — only published ones, the notice's "严格审查…招聘岗位信息");
 * seekers send CVs to those postings while it runs (简历投递); the results are entered after it.
 */
export class EventService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: EventInput): Promise<EventView> {
    await assertRegionInScope(this.db, actor.regionCode, input.regionCode, 'regionCode');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw new AppError('EVENT_ENDS_BEFORE_START', 400, 'endsAt');
    // No text bounds an event; a 专场 runs a day or a few and a stream some hours, so a month is
    // the platform's sanity bound: a typo in the year must not publish an event for a decade.
    if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * DAY_MS)
      throw new AppError('EVENT_TOO_LONG', 400, 'endsAt', { days: String(MAX_EVENT_DAYS) });
    if (input.kind === 'live-stream' && !input.anchor.trim()) throw new AppError('REQUIRED_FIELD', 400, 'anchor');
    const day = shanghaiDateOf(startsAt);
    for (const [i, postingId] of input.postingIds.entries()) {
      const p = await findPosting(this.db, postingId);
      if (!p || !isInScope(actor.regionCode, p.region_code) || p.state !== 'published' || p.valid_to < day)
        throw new AppError('EVENT_POSTING_NOT_OPEN', 400, `postingIds[${i}]`, { date: day });
    }
    const id = await this.db.transaction().execute(async (trx) => {
      const id = await insertEvent(
        trx,
        {
          kind: input.kind,
          title: input.title.trim(),
          region_code: input.regionCode,
          base: input.base.trim(),
          brand: input.brand.trim(),
          anchor: input.anchor.trim(),
          starts_at: startsAt,
          ends_at: endsAt,
          created_by: actor.accountId,
        },
        input.postingIds,
      );
      await this.audit(trx, actor, 'labour-market.event-created', id, input.regionCode, input);
      return id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor): Promise<EventView[]> {
    const rows = await eventsInRange(this.db, regionRange(actor.regionCode));
    return Promise.all(rows.map(async (r) => this.toView(r)));
  }

  async get(actor: Actor, id: string): Promise<EventView> {
    return this.toView(await this.inScope(actor, id));
  }

  /** Events running now, for a seeker to send CVs to: the postings each presents, and those already sent to. */
  async live(actor: Actor): Promise<LiveEventView[]> {
    const seeker = actor.personId ? await seekerOfPerson(this.db, actor.personId) : undefined;
    return Promise.all(
      (await liveEvents(this.db, this.clock.now())).map(async (e) => {
        const postings = await Promise.all(
          (await eventPostingIds(this.db, e.id)).map((id) => findPosting(this.db, id)),
        );
        const sent = seeker ? (await cvsOf(this.db, e.id)).filter((c) => c.seeker_id === seeker.id) : [];
        return {
          id: e.id,
          kind: e.kind,
          title: e.title,
          base: e.base,
          brand: e.brand,
          anchor: e.anchor,
          startsAt: e.starts_at.toISOString(),
          endsAt: e.ends_at.toISOString(),
          postings: postings.flatMap((p) =>
            p ? [{ id: p.id, title: p.title, organisationName: p.organisation_name }] : [],
          ),
          sent: sent.map((c) => c.posting_id),
        };
      }),
    );
  }

  /** A seeker sends their profile (the CV) to one of the postings while the event runs; once per posting. */
  async submitCv(actor: Actor, eventId: string, postingId: string): Promise<{ id: string }> {
    const event = await findEvent(this.db, eventId);
    if (!event) throw new AppError('EVENT_NOT_FOUND', 404);
    const seeker = actor.personId ? await seekerOfPerson(this.db, actor.personId) : undefined;
    if (!seeker) throw new AppError('EVENT_NEEDS_PROFILE', 409);
    const now = this.clock.now();
    if (now < event.starts_at || now > event.ends_at) throw new AppError('EVENT_NOT_LIVE', 409);
    if (!(await eventPostingIds(this.db, eventId)).includes(postingId))
      throw new AppError('EVENT_POSTING_NOT_PRESENTED', 400, 'postingId');
    return this.db.transaction().execute(async (trx) => {
      const id = await insertCv(trx, {
        event_id: eventId,
        posting_id: postingId,
        seeker_id: seeker.id,
        submitted_at: now,
      });
      if (!id) throw new AppError('ALREADY_APPLIED_AT_EVENT', 409, 'postingId');
      await this.audit(trx, actor, 'labour-market.event-cv', eventId, event.region_code, { postingId });
      return { id };
    });
  }

  async cvs(actor: Actor, eventId: string) {
    await this.inScope(actor, eventId);
    return (await cvsOf(this.db, eventId)).map((c) => ({
      id: c.id,
      postingId: c.posting_id,
      postingTitle: c.title,
      seekerId: c.seeker_id,
      name: c.name,
      submittedAt: c.submitted_at.toISOString(),
    }));
  }

  /** The results, once it is over: hires ≤ interviews ≤ CVs, and no fewer CVs than came through the platform. */
  async enterResults(actor: Actor, eventId: string, input: ResultsInput): Promise<EventView> {
    const event = await this.inScope(actor, eventId);
    if (this.clock.now() < event.ends_at) throw new AppError('EVENT_NOT_OVER', 409);
    if (input.cvs < event.cvs_received)
      throw new AppError('EVENT_RESULTS_INCONSISTENT', 400, 'cvs', { value: String(event.cvs_received) });
    if (input.interviews > input.cvs)
      throw new AppError('EVENT_RESULTS_INCONSISTENT', 400, 'interviews', { value: String(input.cvs) });
    if (input.hires > input.interviews)
      throw new AppError('EVENT_RESULTS_INCONSISTENT', 400, 'hires', { value: String(input.interviews) });
    await this.db.transaction().execute(async (trx) => {
      await lockEvent(trx, eventId);
      await setResults(trx, eventId, { ...input, results_by: actor.accountId, results_at: this.clock.now() });
      await this.audit(trx, actor, 'labour-market.event-results', eventId, event.region_code, input);
    });
    return this.get(actor, eventId);
  }

  private async toView(r: EventRow): Promise<EventView> {
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      regionCode: r.region_code,
      base: r.base,
      brand: r.brand,
      anchor: r.anchor,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      postingIds: await eventPostingIds(this.db, r.id),
      cvsReceived: Number(r.cvs_received),
      ...(r.views !== null && r.cvs !== null && r.interviews !== null && r.hires !== null
        ? { results: { views: r.views, cvs: r.cvs, interviews: r.interviews, hires: r.hires } }
        : {}),
    };
  }

  private async inScope(actor: Actor, id: string): Promise<EventRow> {
    const row = await findEvent(this.db, id);
    if (!row || !isInScope(actor.regionCode, row.region_code)) throw new AppError('EVENT_NOT_FOUND', 404);
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
    await appendAudit(trx, this.vault, {
      actor,
      action,
      entityType: 'recruitment_event',
      entityId: id,
      regionCode,
      after,
    });
  }
}
