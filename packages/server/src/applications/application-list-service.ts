import type { CalendarService } from '../calendar/calendar-service.js';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { countUpTo } from '../db/capped-count.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import type { PolicyService } from '../policies/policy-service.js';
import { regionNamer, regionRange } from '../regions/region-scope.js';
import { toXlsx } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';
import { ApplicationReads } from './application-reads.js';
import type { Worklist } from './application-list.schemas.js';
import type { ApplicationViewT } from './applications.schemas.js';
import { actionsAvailable, STATE_NAMES, transitionFor, type ApplicationState } from './workflow.js';

type ApplicationQuery = SelectQueryBuilder<Database, 'application', object>;

const ID_NUMBER = /^(\d{17}[\dX]|\d{15})$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const APPLICATION_NUMBER = /^\d{6}-\d{4}-\d+$/;
/** Rows an export may hold: a sheet for a desk, not a dump of the database. */
export const EXPORT_LIMIT = 10_000;
/** Rows a list counts exactly; beyond, it says "at least". */
export const COUNT_CAP = 10_000;

const SORT_COLUMNS = {
  dueOn: 'due_on',
  submittedOn: 'submitted_on',
  number: 'number',
  updatedAt: 'updated_at',
} as const;

/**
 * 工作台列表: the staff worklist over every application of the caller's regions — paged, filtered,
 * sorted and searched on the server, so a clerk finds one application among a hundred thousand by
 * a name, an ID number (by its keyed hash: the number itself is never stored or compared in the
 * clear), a unit's credit code or the application number; "what I processed" (我经办的) is every
 * application the caller took a step on. The same filters give the Excel export.
 */
export class ApplicationListService {
  private readonly reads: ApplicationReads;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    policies: PolicyService,
    calendar: CalendarService,
  ) {
    this.reads = new ApplicationReads(db, vault, clock, policies, calendar);
  }

  async worklist(
    actor: Actor,
    q: Worklist,
  ): Promise<{ total: number; totalIsLowerBound: boolean; applications: ApplicationViewT[] }> {
    const query = this.filtered(actor, q);
    const counted = await countUpTo(this.db, query.select('id'), COUNT_CAP);
    const rows = await this.sorted(query.selectAll(), q)
      .limit(q.limit ?? 20)
      .offset(q.offset ?? 0)
      .execute();
    return {
      ...counted,
      applications: await this.reads.views(rows, actor),
    };
  }

  /** The filtered rows as a workbook, in the caller's language, amounts in 元. */
  async exportSheet(actor: Actor, q: Worklist, language: 'zh' | 'en'): Promise<Buffer> {
    const rows = await this.sorted(this.filtered(actor, q).selectAll(), q).limit(EXPORT_LIMIT).execute();
    const views = await this.reads.views(rows, actor);
    const zh = language === 'zh';
    const regionName = await regionNamer(this.db, language);
    const header = zh
      ? ['申请编号', '补贴', '申请人', '证件号码（脱敏）', '地区', '状态', '提交日期', '办理时限', '金额（元）']
      : ['Application', 'Subsidy', 'Applicant', 'ID (masked)', 'Region', 'State', 'Submitted', 'Due', 'Amount (yuan)'];
    const body = views.map((v) => [
      v.number,
      zh ? v.subsidyName.zh : v.subsidyName.en,
      v.applicant.name,
      v.applicant.identifier,
      regionName(v.regionCode),
      // The English name is written for a sentence ("returned for correction"); a cell starts with a capital.
      zh ? v.stateName.zh : v.stateName.en.charAt(0).toUpperCase() + v.stateName.en.slice(1),
      v.submittedOn ?? '',
      v.dueOn ?? '',
      v.decidedStatus
        ? NO_AMOUNT[v.decidedStatus][zh ? 0 : 1]
        : v.decidedFen !== undefined
          ? { fen: v.decidedFen }
          : '',
    ]);
    return toXlsx(zh ? '申请列表' : 'Applications', header, body);
  }

  private filtered(actor: Actor, q: Worklist): ApplicationQuery {
    const scope = regionRange(actor.regionCode);
    let query: ApplicationQuery = this.db
      .selectFrom('application')
      .where('region_code', '>=', scope.low)
      .where('region_code', '<=', scope.high);
    if (q.region) {
      const narrower = regionRange(q.region);
      query = query.where('region_code', '>=', narrower.low).where('region_code', '<=', narrower.high);
    }
    if (q.view === 'queue') {
      const states = this.queueStates(actor);
      query = states.length > 0 ? query.where('state', 'in', states) : query.where((eb) => eb.lit(false));
    }
    if (q.view === 'processed') {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('application_event')
            .select('application_event.seq')
            .whereRef('application_event.application_id', '=', 'application.id')
            .where('application_event.actor_id', '=', actor.accountId),
        ),
      );
    }
    if (q.state) query = query.where('state', '=', q.state);
    if (q.subsidy) query = query.where('subsidy_id', '=', q.subsidy);
    if (q.submittedFrom) query = query.where('submitted_on', '>=', q.submittedFrom);
    if (q.submittedTo) query = query.where('submitted_on', '<=', q.submittedTo);
    if (q.overdue) query = query.where('due_on', '<', this.clock.today());
    // An objection moves a claim out of publicity, so what is still in it when the period is over had none.
    if (q.publicityEnded)
      query = query.where('state', '=', 'publicised').where('publicity_ends_on', '<', this.clock.today());
    const search = q.search?.trim();
    return search ? this.searched(query, search) : query;
  }

  /**
   * Applicants found by what was typed, each side by its own index (the ID number's keyed hash, a
   * unit's credit code, a name's start), joined to their applications: one list of ids rather than
   * an OR across two columns, which would read every application of the region.
   */
  private searched(query: ApplicationQuery, search: string): ApplicationQuery {
    const upper = search.toUpperCase();
    if (APPLICATION_NUMBER.test(search)) return query.where('number', '=', search);
    const byPerson = this.db
      .selectFrom('application as a')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .select('a.id');
    const byUnit = this.db
      .selectFrom('application as a')
      .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
      .select('a.id');
    if (ID_NUMBER.test(upper) || CREDIT_CODE.test(upper)) {
      const hash = this.vault.lookupHash('id-number', upper);
      return query.where(
        'id',
        'in',
        byPerson.where('p.id_number_hmac', '=', hash).unionAll(byUnit.where('o.credit_code', '=', upper)),
      );
    }
    // A name: people by its start (a surname finds the family), units by any part of theirs.
    const literal = search.replace(/[\\%_]/g, (c) => `\\${c}`);
    return query.where(
      'id',
      'in',
      byPerson.where('p.name', 'like', `${literal}%`).unionAll(byUnit.where('o.name', 'like', `%${literal}%`)),
    );
  }

  private sorted<O>(
    query: SelectQueryBuilder<Database, 'application', O>,
    q: Worklist,
  ): SelectQueryBuilder<Database, 'application', O> {
    const column = SORT_COLUMNS[q.sort ?? 'dueOn'];
    const direction = q.order ?? (q.sort === 'updatedAt' ? 'desc' : 'asc');
    // `id` last, in the same direction: rows that tie keep one order from page to page, and the
    // order is one of the (column, id) indexes read forwards or backwards (no deadline sorts last
    // ascending, first descending, as PostgreSQL orders nulls by default).
    return query.orderBy(column, direction).orderBy('id', direction);
  }

  /** States where the caller has a staff step to take (as the queue counts them). */
  private queueStates(actor: Actor): ApplicationState[] {
    return (Object.keys(STATE_NAMES) as ApplicationState[]).filter((s) =>
      actionsAvailable(s, actor.permissions).some((a) => transitionFor(a, s)?.step !== 'application'),
    );
  }
}

/** Why an exported row has no amount, where the page says the same (decision.status in the web's words). */
const NO_AMOUNT: Record<NonNullable<ApplicationViewT['decidedStatus']>, readonly [zh: string, en: string]> = {
  'awaiting-confirmation': ['待核验申报事项后判定', 'Decided once the declarations are checked'],
  ineligible: ['不符合条件', 'Not eligible'],
  'not-in-force': ['政策未生效', 'Not in force'],
  'not-offered': ['本地区未开展', 'Not offered in this region'],
  'not-applicable': ['不适用', 'Not applicable'],
};
