import type { PolicyEngine } from '@huimin/policy';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
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

export interface DisclosureSummary {
  region: string;
  year: number;
  subsidies: SubsidyUse[];
  total: { payments: number; paidFen: number; pending: number; pendingFen: number };
}

/** The year's list counted by subsidy, in one statement; the totals are the rows' sums. */
export async function readSummary(
  db: Kysely<Database>,
  engine: PolicyEngine,
  q: { readonly region: string; readonly year: number },
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
    total: {
      payments: sum((s) => s.payments),
      paidFen: sum((s) => s.paidFen),
      pending: sum((s) => s.pending),
      pendingFen: sum((s) => s.pendingFen),
    },
  };
}
