import {
  DEFAULT_DISCLOSURE_MASKING,
  formatYuan,
  formatYuanEn,
  maskIdNumber,
  maskName,
  type Decision,
  type DisclosureMasking,
  type IsoDate,
  type PolicyEngine,
} from '@huimin/policy';
import { sql, type Kysely } from 'kysely';
import { latestAuditSeq } from '../audit/audit-trail.js';
import { localWriteCount } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { FreshRead } from '../http/fresh-read.js';
import { PublicResponses, type PublicBody } from '../http/public-response.js';
import type { PolicyService } from '../policies/policy-service.js';
import { shanghaiDateOf } from '../http/today.js';
import { disclosedApplications, readSummary, type DisclosureSummary } from './disclosure-summary.js';
import { toXlsx } from '../registry/import/tabular.js';
import type { Vault } from '../security/vault.js';

/**
 * Public disclosure lists (公示, 181号 第二十八条; 人社部发〔2024〕5号 (十四)): who received which
 * subsidy, with the name and ID number partly hidden, the unit, the standard and the amount; for
 * public-welfare posts also the post, the employing unit and the period. 一次性求职补贴 is listed
 * from the start of its publicity, before payment; the others once paid. Revoked claims leave the
 * list. Nothing sensitive under PIPL 第二十八条 (bank accounts, health or disability status) is shown.
 */
export interface DisclosureRow {
  subsidy: string;
  subsidyName: { zh: string; en: string };
  regionCode: string;
  recipient: string;
  idNumber?: string;
  unit?: string;
  post?: string;
  period?: string;
  /** The standard as the notice states it, in both languages (e.g. `2,100元/月 × 3个月`). */
  standard: { zh: string; en: string };
  amountFen: number;
  status: 'publicised' | 'paid';
  publicityEndsOn?: string;
  date: string;
}

export interface DisclosureQuery {
  readonly region: string;
  readonly subsidy?: string;
  readonly year?: number;
  readonly limit?: number;
  readonly offset?: number;
}

export type DisclosureList = { total: number; masking: DisclosureMasking; rows: DisclosureRow[] };

export class DisclosureService {
  /** Pages as sent, keyed by the question and the version of what they were built from (decision 025). */
  private readonly answers = new PublicResponses();
  /** The audit trail's newest entry as of each request, one query for all the requests waiting on it. */
  private readonly changes: FreshRead<string>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    /** Seconds browsers and proxies may reuse a page without asking again (`HUIMIN_PUBLIC_CACHE_SECONDS`). */
    readonly maxAgeSeconds = 0,
    /**
     * The trail's newest entry and the settings' version as of each call, in one statement
     * (`publicVersions`), when both are read from `db`; with a replica, the trail's is read here from
     * the replica and the settings' by the policies from the primary.
     */
    private readonly versionsNow?: () => Promise<{ readonly changes: string; readonly settings: string }>,
  ) {
    this.changes = new FreshRead(() => latestAuditSeq(this.db), localWriteCount(this.db));
  }

  /** The versions a page is kept under, as of this call, and the engine at those settings. */
  private async versions(): Promise<[string, { engine: PolicyEngine; version: string }]> {
    if (!this.versionsNow) return Promise.all([this.changes.read(), this.policies.fresh()]);
    const { changes, settings } = await this.versionsNow();
    return [changes, await this.policies.fresh(settings)];
  }

  /**
   * A page as the response body, serialised by the route's own serialiser. Anything that can change
   * a page (a claim publicised, paid or revoked, a name corrected, a masking setting) is recorded in
   * the audit trail in its own transaction, so the trail's newest entry, read for each request on the
   * database the page is read from, versions every page: a page is built once per change and day,
   * and a change made through any server process shows in the next answer.
   */
  async page(q: DisclosureQuery, serialise: (list: DisclosureList) => string): Promise<PublicBody> {
    // Read before the page, so a page kept under a version has at least what the version counts.
    const [changes, { engine, version }] = await this.versions();
    const today = this.clock.today();
    const key = JSON.stringify([changes, version, today, q.region, q.subsidy, q.year, q.limit, q.offset]);
    return this.answers.get(key, async () => serialise(await this.read(q, engine, today)));
  }

  /**
   * 补贴资金使用情况: a region's year of the same list, counted by subsidy — recipients and 元 paid,
   * and those in publicity before payment (181号 第二十八条: 各项补贴资金的使用情况). Kept like a page, per change and day.
   */
  async summary(q: { region: string; year: number }, serialise: (s: DisclosureSummary) => string): Promise<PublicBody> {
    const [changes, { engine, version }] = await this.versions();
    // One day for the key and the read: across midnight they would disagree.
    const today = this.clock.today();
    const key = JSON.stringify(['summary', changes, version, today, q.region, q.year]);
    return this.answers.get(key, async () => serialise(await readSummary(this.db, engine, q, today)));
  }

  /** A page read now (the Excel export; nothing kept). */
  async list(q: DisclosureQuery): Promise<DisclosureList> {
    return this.read(q, await this.policies.engine(), this.clock.today());
  }

  private async read(q: DisclosureQuery, engine: PolicyEngine, today: IsoDate): Promise<DisclosureList> {
    const query = disclosedApplications(this.db, engine, q)
      .leftJoin('person', 'person.id', 'application.person_id')
      .leftJoin('organisation', 'organisation.id', 'application.organisation_id');
    const total = Number((await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await query
      .select([
        'application.id',
        'application.subsidy_id',
        'application.region_code',
        'application.state',
        'application.amount_fen',
        'application.claim',
        'application.publicity_ends_on',
        'application.updated_at',
        'application.person_id',
        'person.name as person_name',
        'person.id_number_cipher',
        'organisation.name as organisation_name',
      ])
      .orderBy('application.subsidy_id')
      .orderBy('application.updated_at', 'desc')
      .orderBy('application.id')
      .limit(q.limit ?? 200)
      .offset(q.offset ?? 0)
      .execute();

    const ids = rows.map((r) => r.id);
    // Only the monthly figures of the approval's decision are shown: read those, not the whole decision.
    const decisions = ids.length
      ? await this.db
          .selectFrom('application_event')
          .select([
            'application_id',
            sql<string | null>`decision->>'perMonthFen'`.as('per_month_fen'),
            sql<string | null>`decision->>'months'`.as('months'),
          ])
          .where('application_id', 'in', ids)
          .where('action', '=', 'approve')
          .execute()
      : [];
    const decisionOf = new Map(
      decisions.map((d) => [
        d.application_id,
        {
          ...(d.per_month_fen !== null ? { perMonthFen: Number(d.per_month_fen) } : {}),
          ...(d.months !== null ? { months: Number(d.months) } : {}),
        } as Pick<Decision, 'perMonthFen' | 'months'>,
      ]),
    );
    // Posts are shown for public-welfare posts only.
    const personIds = rows
      .filter((r) => r.subsidy_id === 'public-welfare-post')
      .map((r) => r.person_id)
      .filter((x): x is string => x !== null);
    const posts = personIds.length
      ? await this.db
          .selectFrom('registry_fact')
          .select(['person_id', 'data'])
          .where('person_id', 'in', personIds)
          .where('kind', '=', 'employment')
          .where('retracted_at', 'is', null)
          .execute()
      : [];
    const postUnits = new Set(
      posts.map((p) => (p.data as { employer?: string }).employer).filter((x): x is string => Boolean(x)),
    );
    const units = postUnits.size
      ? await this.db
          .selectFrom('organisation')
          .select(['credit_code', 'name'])
          .where('credit_code', 'in', [...postUnits])
          .execute()
      : [];
    const unitName = new Map(units.map((u) => [u.credit_code, u.name]));
    const masking = this.masking(engine, q.region, today);

    return {
      total,
      masking,
      rows: rows.map((r): DisclosureRow => {
        const subsidy = engine.subsidy(r.subsidy_id);
        const decision = decisionOf.get(r.id);
        const claim = r.claim as { fromMonth?: string; toMonth?: string };
        const post =
          r.subsidy_id === 'public-welfare-post'
            ? (posts.find(
                (p) => p.person_id === r.person_id && (p.data as { kind?: string }).kind === 'public-welfare-post',
              )?.data as { employer?: string; postName?: string } | undefined)
            : undefined;
        const amount = Number(r.amount_fen ?? 0);
        return {
          subsidy: r.subsidy_id,
          subsidyName: subsidy?.name ?? { zh: r.subsidy_id, en: r.subsidy_id },
          regionCode: r.region_code,
          recipient: r.person_name ? maskName(r.person_name, masking.nameKeepLast) : (r.organisation_name ?? ''),
          ...(r.id_number_cipher
            ? { idNumber: maskIdNumber(this.vault.decrypt(r.id_number_cipher), masking.idKeepStart, masking.idKeepEnd) }
            : {}),
          ...(r.organisation_name
            ? { unit: r.organisation_name }
            : post?.employer
              ? { unit: unitName.get(post.employer) ?? post.employer }
              : {}),
          ...(post?.postName ? { post: post.postName } : {}),
          ...(claim.fromMonth ? { period: `${claim.fromMonth} — ${claim.toMonth ?? claim.fromMonth}` } : {}),
          standard: decision?.perMonthFen
            ? {
                zh: `${formatYuan(decision.perMonthFen)}/月 × ${decision.months ?? 0}个月`,
                en: `${formatYuanEn(decision.perMonthFen)} a month × ${decision.months ?? 0} ${decision.months === 1 ? 'month' : 'months'}`,
              }
            : { zh: formatYuan(amount), en: formatYuanEn(amount) },
          amountFen: amount,
          status: r.state === 'paid' ? 'paid' : 'publicised',
          ...(r.publicity_ends_on ? { publicityEndsOn: r.publicity_ends_on } : {}),
          date: shanghaiDateOf(r.updated_at),
        };
      }),
    };
  }

  async exportXlsx(q: DisclosureQuery): Promise<Buffer> {
    const { rows } = await this.list({ ...q, limit: 100_000, offset: 0 });
    const header = [
      '补贴项目',
      '行政区划',
      '姓名/单位',
      '身份证号',
      '工作单位',
      '岗位',
      '享受期间',
      '补贴标准',
      '补贴金额(元)',
      '状态',
      '公示截止',
    ];
    return toXlsx(
      '公示名单',
      header,
      rows.map((r) => [
        r.subsidyName.zh,
        r.regionCode,
        r.recipient,
        r.idNumber ?? '',
        r.unit ?? '',
        r.post ?? '',
        r.period ?? '',
        r.standard.zh,
        { fen: r.amountFen },
        r.status === 'paid' ? '已发放' : '公示中',
        r.publicityEndsOn ?? '',
      ]),
    );
  }

  /** The region's masking rule: parameters `disclosure.id-keep-start`, `…id-keep-end`, `…name-keep-last`. */
  private masking(engine: PolicyEngine, region: string, date: IsoDate): DisclosureMasking {
    const p = (id: string) => engine.parameters.resolve(id, region, date)?.value;
    return {
      idKeepStart: p('disclosure.id-keep-start') ?? DEFAULT_DISCLOSURE_MASKING.idKeepStart,
      idKeepEnd: p('disclosure.id-keep-end') ?? DEFAULT_DISCLOSURE_MASKING.idKeepEnd,
      nameKeepLast: (p('disclosure.name-keep-last') ?? 0) === 1 || DEFAULT_DISCLOSURE_MASKING.nameKeepLast,
    };
  }
}
