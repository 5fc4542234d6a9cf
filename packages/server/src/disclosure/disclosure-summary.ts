import type { IsoDate, PolicyEngine } from '@huimin/policy';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { EMPLOYMENT_TARGETS, employmentTarget, type EmploymentTarget } from '../parameters/server-parameters.js';
import { regionPrefix } from '../regions/region-scope.js';

/**
 * The applications a region's public list shows: paid, and — for a subsidy publicised before
 * payment (一次性求职补贴) — in publicity or released for payment; in a year when one is asked for,
 * by the Beijing day of their last change, as the list dates them.
 */
export function disclosedApplications(
  db: Kysely<Database>,
  engine: PolicyEngine,
  q: { readonly region: string; readonly subsidy?: string; readonly year?: number },
) {
  const beforePayment = engine
    .catalogue()
    .filter((s) => s.disclosure === 'before-payment')
    .map((s) => s.id);
  let query = db
    .selectFrom('application')
    .where('application.region_code', 'like', `${regionPrefix(q.region)}%`)
    .where((eb) =>
      eb.or([
        eb('application.state', '=', 'paid'),
        ...(beforePayment.length
          ? [
              eb.and([
                eb('application.subsidy_id', 'in', beforePayment),
                eb('application.state', 'in', ['publicised', 'payable']),
              ]),
            ]
          : []),
      ]),
    );
  if (q.subsidy) query = query.where('application.subsidy_id', '=', q.subsidy);
  if (q.year)
    query = query
      .where('application.updated_at', '>=', new Date(`${q.year}-01-01T00:00:00+08:00`))
      .where('application.updated_at', '<', new Date(`${q.year + 1}-01-01T00:00:00+08:00`));
  return query;
}

/** One subsidy's year: who was paid and how much, and what is in publicity before payment. */
export interface SubsidyUse {
  subsidy: string;
  subsidyName: { zh: string; en: string };
  /** People and units paid (each once, however many claims). */
  recipients: number;
  /** Claims paid. */
  payments: number;
  paidFen: number;
  /** Claims listed before payment (in publicity, or released and not yet paid). */
  pending: number;
  pendingFen: number;
}

/** One of the year's employment targets, and what the registrations show was achieved. */
export interface TargetProgress {
  indicator: EmploymentTarget;
  name: { zh: string; en: string };
  /** The region's own target for the year; absent when it set none. */
  target?: number;
  achieved: number;
  /** Achieved as a share of the target, in ‰ rounded down; absent without a target above zero. */
  ratePermille?: number;
}

export interface DisclosureSummary {
  region: string;
  year: number;
  subsidies: SubsidyUse[];
  targets: TargetProgress[];
  total: { payments: number; paidFen: number; pending: number; pendingFen: number };
}

/** The year's list counted by subsidy, in one statement; the totals are the rows' sums. */
export async function readSummary(
  db: Kysely<Database>,
  engine: PolicyEngine,
  q: { readonly region: string; readonly year: number },
  today: IsoDate,
): Promise<DisclosureSummary> {
  const paid = sql<boolean>`application.state = 'paid'`;
  const rows = await disclosedApplications(db, engine, q)
    .select([
      'application.subsidy_id',
      sql<string>`count(distinct coalesce(application.person_id, application.organisation_id)) filter (where ${paid})`.as(
        'recipients',
      ),
      sql<string>`count(*) filter (where ${paid})`.as('payments'),
      sql<string>`coalesce(sum(application.amount_fen) filter (where ${paid}), 0)`.as('paid_fen'),
      sql<string>`count(*) filter (where not ${paid})`.as('pending'),
      sql<string>`coalesce(sum(application.amount_fen) filter (where not ${paid}), 0)`.as('pending_fen'),
    ])
    .groupBy('application.subsidy_id')
    .orderBy('application.subsidy_id')
    .execute();
  const subsidies = rows.map((r): SubsidyUse => ({
    subsidy: r.subsidy_id,
    subsidyName: engine.subsidy(r.subsidy_id)?.name ?? { zh: r.subsidy_id, en: r.subsidy_id },
    recipients: Number(r.recipients),
    payments: Number(r.payments),
    paidFen: Number(r.paid_fen),
    pending: Number(r.pending),
    pendingFen: Number(r.pending_fen),
  }));
  const sum = (f: (s: SubsidyUse) => number) => subsidies.reduce((n, s) => n + f(s), 0);
  return {
    region: q.region,
    year: q.year,
    subsidies,
    targets: await readTargets(db, engine, q, today),
    total: {
      payments: sum((s) => s.payments),
      paidFen: sum((s) => s.paidFen),
      pending: sum((s) => s.pending),
      pendingFen: sum((s) => s.pendingFen),
    },
  };
}

/** What each target counts, as the report names it. */
const INDICATOR_NAMES: Readonly<Record<EmploymentTarget, { zh: string; en: string }>> = {
  'employment-target.new-urban-jobs': { zh: '城镇新增就业', en: 'New urban jobs' },
  'employment-target.unemployed-reemployed': { zh: '失业人员再就业', en: 'Unemployed people back in work' },
  'employment-target.hard-to-employ-employed': { zh: '就业困难人员就业', en: 'People hard to employ, in work' },
};

/**
 * 年度就业工作总体目标、工作任务完成 (181号 第二十八条), as the platform's registrations count them:
 * employment registrations begun in the year (就业登记), unemployment registrations ended by a job,
 * and 就业困难人员 certifications ended because the person found work — in the region and those
 * below it, each by its Beijing calendar day. One statement.
 */
async function readTargets(
  db: Kysely<Database>,
  engine: PolicyEngine,
  q: { readonly region: string; readonly year: number },
  today: IsoDate,
): Promise<TargetProgress[]> {
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  const inRegion = `${regionPrefix(q.region)}%`;
  const counts = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('employment_registration')
        .select((c) => c.fn.countAll<string>().as('n'))
        .where('kind', '=', 'employment')
        .where('region_code', 'like', inRegion)
        .where('starts_on', '>=', from)
        .where('starts_on', '<=', to)
        .as('new_jobs'),
      eb
        .selectFrom('employment_registration')
        .select((c) => c.fn.countAll<string>().as('n'))
        .where('kind', '=', 'unemployment')
        .where('end_reason', '=', 'employed')
        .where('region_code', 'like', inRegion)
        .where('ends_on', '>=', from)
        .where('ends_on', '<=', to)
        .as('reemployed'),
      eb
        .selectFrom('hardship_certification')
        .select((c) => c.fn.countAll<string>().as('n'))
        .where('exit_reason', '=', 'employed')
        .where('region_code', 'like', inRegion)
        .where('exited_on', '>=', from)
        .where('exited_on', '<=', to)
        .as('hard_to_employ'),
    ])
    .executeTakeFirstOrThrow();
  const achieved: Record<EmploymentTarget, number> = {
    'employment-target.new-urban-jobs': Number(counts.new_jobs ?? 0),
    'employment-target.unemployed-reemployed': Number(counts.reemployed ?? 0),
    'employment-target.hard-to-employ-employed': Number(counts.hard_to_employ ?? 0),
  };
  return EMPLOYMENT_TARGETS.map((indicator) => {
    const target = employmentTarget(engine, indicator, q.region, q.year, today);
    return {
      indicator,
      name: INDICATOR_NAMES[indicator],
      ...(target !== undefined ? { target } : {}),
      achieved: achieved[indicator],
      ...(target ? { ratePermille: Math.floor((achieved[indicator] * 1000) / target) } : {}),
    };
  });
}
