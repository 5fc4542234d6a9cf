import type { ApplicantFacts, ClaimFacts, Decision, IsoDate, PolicyEngine, ReceivedSubsidy } from '@huimin/policy';
import type { Selectable, Transaction } from 'kysely';
import type { ApplicationTable, Database } from '../db/schema.js';
import { shanghaiDateOf } from '../http/today.js';

// What a claimant's other claims say about this one: claims still in process, hires who left.

export type StoredLists = {
  hires?: { personId: string }[];
  interns?: { personId: string }[];
  workers?: { personId: string }[];
};

export const LIVE = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'reviewed',
  'approved',
  'publicised',
  'payable',
  'paid',
];
/** Live but not yet paid: what the engine does not yet count among a person's subsidies. */
export const IN_PROCESS = LIVE.filter((s) => s !== 'paid');

/**
 * The engine counts what was paid; a claim still in process in another region (or here) is not
 * yet among the person's subsidies. Decide this claim again as if those were granted: a rule it
 * then breaks (a cap, an exclusive pair) is for a reviewer to look at before both are paid.
 */
export async function pendingElsewhere(
  trx: Transaction<Database>,
  engine: PolicyEngine,
  app: Selectable<ApplicationTable>,
  decided: { applicant: ApplicantFacts; claim: ClaimFacts; decision: Decision },
  today: IsoDate,
) {
  if (!decided.decision.eligible || decided.applicant.kind !== 'person') return undefined;
  const live = await trx
    .selectFrom('application')
    .select(['number', 'subsidy_id', 'region_code', 'amount_fen', 'claim'])
    .where('person_id', '=', app.person_id)
    .where('id', '<>', app.id)
    .where('state', 'in', IN_PROCESS)
    .orderBy('number')
    .execute();
  if (live.length === 0) return undefined;
  const asIfGranted: ReceivedSubsidy[] = live.map((a) => {
    const claim = a.claim as { certificateId?: string; fromMonth?: string; toMonth?: string };
    return {
      subsidy: a.subsidy_id,
      grantedOn: today,
      region: a.region_code,
      ...(a.amount_fen !== null ? { amountFen: Number(a.amount_fen) } : {}),
      ...(claim.certificateId ? { certificateId: claim.certificateId } : {}),
      ...(claim.fromMonth ? { fromMonth: claim.fromMonth } : {}),
      ...(claim.toMonth ? { toMonth: claim.toMonth } : {}),
    };
  });
  const applicant = { ...decided.applicant, subsidies: [...(decided.applicant.subsidies ?? []), ...asIfGranted] };
  const again = engine.evaluate({
    subsidy: app.subsidy_id,
    region: app.region_code,
    date: today,
    applicant,
    claim: decided.claim,
  });
  if (again.eligible) return undefined;
  return {
    numbers: live.map((a) => a.number),
    broken: again.reasons.filter((r) => !r.met).map((r) => ({ message: r.message, cites: r.cites })),
  };
}

/** The unit's earlier paid claims for lists of hires, with the day each hire left the unit (if they did). */
export async function earlierHires(
  trx: Transaction<Database>,
  organisationId: string,
  creditCode: string,
  limits: { months: number; min: number },
) {
  const paid = await trx
    .selectFrom('application')
    .select(['number', 'claim', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('state', '=', 'paid')
    .execute();
  const withHires = paid
    .map((p) => ({
      number: p.number,
      paidOn: shanghaiDateOf(p.updated_at),
      hires: ((p.claim as StoredLists).hires ?? []).map((h) => h.personId),
    }))
    .filter((p) => p.hires.length > 0);
  if (withHires.length === 0) return undefined;
  const employments = await trx
    .selectFrom('registry_fact')
    .select(['person_id', 'data'])
    .where('kind', '=', 'employment')
    .where('retracted_at', 'is', null)
    .where('person_id', 'in', [...new Set(withHires.flatMap((p) => p.hires))])
    .execute();
  // The last day of the person's job at this unit; null while any job there is still open.
  const leftOn = new Map<string, IsoDate | null>();
  for (const e of employments) {
    const job = e.data as { employer?: string; to?: IsoDate };
    if (job.employer !== creditCode || !e.person_id) continue;
    const before = leftOn.get(e.person_id);
    leftOn.set(
      e.person_id,
      before === null || !job.to ? null : before === undefined || job.to > before ? job.to : before,
    );
  }
  return {
    claims: withHires.map((p) => ({
      number: p.number,
      paidOn: p.paidOn,
      leftOn: p.hires.map((h) => leftOn.get(h) ?? null),
    })),
    ...limits,
  };
}
