import { type Decision, type Hire, type IsoDate, type PersonFacts, type PolicyEngine } from '@huimin/policy';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-trail.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { Clock } from '../http/clock.js';
import { recordOfferNotice } from '../notifications/notification-repository.js';
import { loadOrganisationFacts, loadPersonFacts } from '../registry/applicant-record-queries.js';
import type { Vault } from '../security/vault.js';

/**
 * A unit took someone on: through a referral (岗位推荐) or an employment registered (就业登记), which
 * names the unit by its credit code.
 */
export interface HireForOffer {
  readonly organisationId: string;
  readonly personId: string;
  readonly hiredOn: IsoDate;
  readonly source: { readonly kind: 'referral' | 'registration'; readonly id: string };
}

/** One hire an offer is for, as kept on the offer row (`offer.hires`). */
export interface OfferedHire {
  readonly personId: string;
  readonly hiredOn: IsoDate;
  readonly source: HireForOffer['source'];
}

/** What a hire did: the offer it made or added to, or the engine's reasons for not making one. */
export interface HireOfferOutcome {
  readonly subsidy: string;
  /** The offer the hire is now on; absent when the hire does not qualify or the month's offer is closed. */
  readonly offerId?: string;
  /** The engine's decision on this hire alone, with the article behind each condition. */
  readonly decision: Decision;
  /** An offer for the month's hires was already confirmed or declined: nothing is offered again. */
  readonly closed?: boolean;
}

/**
 * The subsidies a unit can claim for a hire the day it is made (一次性吸纳就业补贴). 社保补贴 needs months
 * of insurance paid first; the sweep finds it then, as it finds every subsidy of the unit's own facts.
 */
export const HIRE_SUBSIDIES: readonly string[] = ['one-time-hiring'];

/**
 * 政策找人 from a hire: the sweep decides people and units on their registry facts and never sees a
 * unit's hires, so a hiring subsidy is never offered by it. When a referral ends in a hire (or a
 * unit registers an employment), this decides the unit's hiring subsidies over that hire — the
 * engine, on the registry's facts of the unit and the person, with the contract's start and the
 * insurance the registry already shows for it — and, where it is eligible, offers it: one offer per
 * unit, subsidy and month of hiring, listing every qualifying hire of the month, its amount decided
 * over all of them, and the decision with its articles kept on the offer. The unit applies from the
 * offer; nothing is filed for it. An offer the unit confirmed or declined is not made again for that
 * month. Nothing here is run by the sweep, and the sweep's offers are never touched.
 */
export class HireOfferService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly policies: { engine(): Promise<PolicyEngine> },
  ) {}

  /**
   * A registered employment (就业登记, a labour contract with a unit): the unit, found by its credit
   * code, is offered as for a referral's hire. A unit the registry does not hold is offered nothing.
   */
  async offerForRegisteredEmployment(
    actor: Actor,
    employment: { personId: string; employerCreditCode: string; startsOn: IsoDate; registrationId: string },
  ): Promise<HireOfferOutcome[]> {
    const unit = await this.db
      .selectFrom('organisation')
      .select('id')
      .where('credit_code', '=', employment.employerCreditCode.toUpperCase())
      .executeTakeFirst();
    if (!unit) return [];
    return this.offerForHire(actor, {
      organisationId: unit.id,
      personId: employment.personId,
      hiredOn: employment.startsOn,
      source: { kind: 'registration', id: employment.registrationId },
    });
  }

  /** Decides and offers for one hire; called after the hire is committed, so a failure here never undoes it. */
  async offerForHire(actor: Actor, hire: HireForOffer): Promise<HireOfferOutcome[]> {
    const engine = await this.policies.engine();
    const out: HireOfferOutcome[] = [];
    for (const subsidy of HIRE_SUBSIDIES) {
      if (!engine.subsidy(subsidy)) continue;
      out.push(await this.offerOne(engine, actor, subsidy, hire));
    }
    return out;
  }

  private async offerOne(
    engine: PolicyEngine,
    actor: Actor,
    subsidy: string,
    hire: HireForOffer,
  ): Promise<HireOfferOutcome> {
    const periodKey = `month:${hire.hiredOn.slice(0, 7)}`;
    // Two hires of one month at once: the row lock orders them; the one that found no row and lost
    // the insert tries again and finds the other's offer.
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('offer')
          .selectAll()
          .where('organisation_id', '=', hire.organisationId)
          .where('subsidy_id', '=', subsidy)
          .where('period_key', '=', periodKey)
          .forUpdate()
          .executeTakeFirst();
        const unit = await loadOrganisationFacts(trx, this.vault, hire.organisationId);
        if (!unit) return undefined;
        const request = (hires: readonly Hire[]) => ({
          subsidy,
          region: unit.region,
          date: this.clock.today(),
          applicant: unit,
          claim: { hires },
        });
        const alone = engine.evaluate(request([await this.hireFacts(trx, hire)]));
        if (!alone.eligible || alone.amountFen === 0) return { subsidy, decision: alone };
        if (existing && (existing.origin !== 'hire' || existing.state !== 'open'))
          return { subsidy, decision: alone, closed: true };
        const earlier = ((existing?.hires ?? []) as OfferedHire[]).filter((h) => h.personId !== hire.personId);
        const hires: OfferedHire[] = [
          ...earlier,
          { personId: hire.personId, hiredOn: hire.hiredOn, source: hire.source },
        ];
        const all = engine.evaluate(
          request(await Promise.all(hires.map((h) => this.hireFacts(trx, { ...hire, ...h })))),
        );
        const row = {
          amount_fen: all.amountFen === null ? null : String(all.amountFen),
          hires: JSON.stringify(hires),
          decision: JSON.stringify(all),
        };
        let offerId = existing?.id;
        if (offerId) await trx.updateTable('offer').set(row).where('id', '=', offerId).execute();
        else {
          const inserted = await trx
            .insertInto('offer')
            .values({
              ...row,
              person_id: null,
              organisation_id: hire.organisationId,
              subsidy_id: subsidy,
              period_key: periodKey,
              region_code: unit.region,
              // The unit applies itself, with the hires listed: 免申即享 filing is the sweep's, over its own offers.
              no_application: false,
              state: 'open',
              sweep_job_id: null,
              origin: 'hire',
            })
            .onConflict((oc) =>
              oc
                .columns(['organisation_id', 'subsidy_id', 'period_key'])
                .where('organisation_id', 'is not', null)
                .doNothing(),
            )
            .returning('id')
            .executeTakeFirst();
          if (!inserted) return 'retry' as const;
          offerId = inserted.id;
          await recordOfferNotice(trx, { id: offerId, personId: null, organisationId: hire.organisationId });
        }
        await this.audit(trx, actor, offerId, unit.region, { subsidy, periodKey, hire, amountFen: all.amountFen });
        return { subsidy, offerId, decision: alone };
      });
      if (outcome === undefined) throw new Error(`no organisation ${hire.organisationId} for a hire offer`);
      if (outcome !== 'retry') return outcome;
      if (attempt >= 2) throw new Error('the month’s hire offer kept changing under this hire');
    }
  }

  /**
   * The hire as the engine reads it: the person's registry facts, the contract from the day of
   * hiring (its term unknown here, so open-ended as the engine reads a hire listed without one), and
   * the months of insurance the registry shows this unit paid for them since.
   */
  private async hireFacts(trx: Transaction<Database>, hire: HireForOffer): Promise<Hire> {
    const person = (await loadPersonFacts(trx, this.vault, [hire.personId])).get(hire.personId);
    if (!person) throw new Error(`no person ${hire.personId} for a hire offer`);
    const unit = await trx
      .selectFrom('organisation')
      .select('credit_code')
      .where('id', '=', hire.organisationId)
      .executeTakeFirstOrThrow();
    return {
      person,
      contractStart: hire.hiredOn,
      insuredMonths: insuredMonthsSince(person, unit.credit_code, hire.hiredOn),
    };
  }

  private async audit(
    trx: Transaction<Database>,
    actor: Actor,
    offerId: string,
    regionCode: string,
    after: object,
  ): Promise<void> {
    await appendAudit(trx, this.vault, {
      actor,
      action: 'proactive.hire-offer',
      entityType: 'offer',
      entityId: offerId,
      regionCode,
      after,
    });
  }
}

/** Months of insurance the registry shows the unit paid for the person since the day of hiring. */
function insuredMonthsSince(person: PersonFacts, creditCode: string, hiredOn: IsoDate): number {
  return new Set(
    (person.insurance ?? [])
      .filter((m) => m.payer === 'employer' && m.employer === creditCode && m.month >= hiredOn.slice(0, 7))
      .map((m) => m.month),
  ).size;
}

/**
 * The hires a hire offer is for, as the unit's claim lists them when it confirms the offer: each
 * person by ID number, hired on the day recorded, with the insured months the registry shows now.
 */
export async function offeredHiresClaim(
  db: Kysely<Database>,
  vault: Vault,
  offer: { organisation_id: string | null; hires: unknown },
): Promise<{ idNumber: string; contractStart: IsoDate; insuredMonths: number }[]> {
  const hires = (offer.hires ?? []) as OfferedHire[];
  if (!offer.organisation_id || hires.length === 0) return [];
  const unit = await db
    .selectFrom('organisation')
    .select('credit_code')
    .where('id', '=', offer.organisation_id)
    .executeTakeFirstOrThrow();
  const people = await loadPersonFacts(
    db,
    vault,
    hires.map((h) => h.personId),
  );
  return hires.flatMap((h) => {
    const person = people.get(h.personId);
    return person
      ? [
          {
            idNumber: person.idNumber,
            contractStart: h.hiredOn,
            insuredMonths: insuredMonthsSince(person, unit.credit_code, h.hiredOn),
          },
        ]
      : [];
  });
}
