import type { Kysely } from 'kysely';
import type { ApplicationService } from '../applications/application-service.js';
import type { ApplicationViewT } from '../applications/applications.schemas.js';
import { NO_ONE, type Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { regionRange } from '../regions/region-scope.js';
import type { Vault } from '../security/vault.js';
import { offeredHiresClaim } from './hire-offer-service.js';
import type { OfferView } from './proactive.schemas.js';

/** 政策找人: the offers the sweep and hires make, as their person or unit sees and answers them. */
export class OfferService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly applications: ApplicationService,
  ) {}

  /** Offers the caller may see: an applicant or unit, their own; staff, their regions. */
  async offers(actor: Actor, state?: OfferView['state']): Promise<OfferView[]> {
    let q = this.db.selectFrom('offer').selectAll();
    if (actor.permissions.has('application:read')) {
      const range = regionRange(actor.regionCode);
      q = q.where('region_code', '>=', range.low).where('region_code', '<=', range.high);
    } else
      q = q.where((eb) =>
        eb.or([
          eb('person_id', '=', actor.personId ?? NO_ONE),
          eb('organisation_id', '=', actor.organisationId ?? NO_ONE),
        ]),
      );
    if (state) q = q.where('state', '=', state as 'open');
    const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
    return rows.map((o) => ({
      id: o.id,
      ...(o.person_id ? { personId: o.person_id } : {}),
      ...(o.organisation_id ? { organisationId: o.organisation_id } : {}),
      subsidy: o.subsidy_id,
      periodKey: o.period_key,
      ...(o.amount_fen !== null ? { amountFen: Number(o.amount_fen) } : {}),
      noApplication: o.no_application,
      state: o.state,
      ...(o.application_id ? { applicationId: o.application_id } : {}),
      createdAt: o.created_at.toISOString(),
    }));
  }

  /**
   * The person or unit confirms in one step: their application is filed and submitted. The offer is
   * claimed (confirmed) before it is filed, so that a decline sent meanwhile finds it no longer open;
   * filed first, a decline could slip in between and leave a declined offer with an application.
   */
  async confirm(actor: Actor, offerId: string, language?: string): Promise<ApplicationViewT> {
    const offer = await this.claim(actor, offerId);
    // A hire's offer is claimed with the hires it was made for; a sweep's names no one.
    const hires = offer.origin === 'hire' ? await offeredHiresClaim(this.db, this.vault, offer) : [];
    const claim = hires.length ? { claim: { hires } } : {};
    const application = await this.applications
      .create(
        actor,
        { subsidy: offer.subsidy_id, idempotencyKey: `offer-${offer.id}`, submit: true, ...claim },
        language,
        // Made from what the platform holds: what it still needs on paper is asked for at acceptance.
        { fromOffer: true },
      )
      .then((filed) => filed.application)
      .catch(async (error: unknown) => {
        // Not filed: the offer is open again, to be confirmed (or declined) once the cause is gone.
        await this.db
          .updateTable('offer')
          .set({ state: 'open' })
          .where('id', '=', offer.id)
          .where('state', '=', 'confirmed')
          .where('application_id', 'is', null)
          .execute();
        throw error;
      });
    await this.db
      .updateTable('offer')
      .set({ state: 'confirmed', application_id: application.id })
      .where('id', '=', offer.id)
      .where('application_id', 'is', null)
      .execute();
    return application;
  }

  /** The person or unit says no: the offer is closed and the next sweep does not make it again. */
  async decline(actor: Actor, offerId: string): Promise<OfferView> {
    const offer = await this.ownOpenOffer(actor, offerId);
    await this.db
      .updateTable('offer')
      .set({ state: 'declined' })
      .where('id', '=', offer.id)
      .where('state', '=', 'open')
      .execute();
    const [view] = (await this.offers(actor)).filter((o) => o.id === offer.id);
    if (!view) throw new AppError('OFFER_NOT_FOUND', 404);
    return view;
  }

  private async ownOpenOffer(actor: Actor, offerId: string) {
    const offer = await this.db
      .selectFrom('offer')
      .selectAll()
      .where('id', '=', offerId)
      .where((eb) =>
        eb.or([
          eb('person_id', '=', actor.personId ?? NO_ONE),
          eb('organisation_id', '=', actor.organisationId ?? NO_ONE),
        ]),
      )
      .where('state', '=', 'open')
      .where('no_application', '=', false)
      .executeTakeFirst();
    if (!offer) throw new AppError('OFFER_NOT_FOUND', 404);
    return offer;
  }

  /**
   * The caller's open offer, marked confirmed in one statement (copies of one confirmation sent at
   * once wait on its row, then file under the same key); or one confirmed but not yet filed, as a
   * confirmation cut off half-way leaves it, to be filed now.
   */
  private async claim(actor: Actor, offerId: string) {
    const offer = await this.db
      .updateTable('offer')
      .set({ state: 'confirmed' })
      .where('id', '=', offerId)
      .where((eb) =>
        eb.or([
          eb('person_id', '=', actor.personId ?? NO_ONE),
          eb('organisation_id', '=', actor.organisationId ?? NO_ONE),
        ]),
      )
      .where('no_application', '=', false)
      .where((eb) =>
        eb.or([eb('state', '=', 'open'), eb.and([eb('state', '=', 'confirmed'), eb('application_id', 'is', null)])]),
      )
      .returningAll()
      .executeTakeFirst();
    if (!offer) throw new AppError('OFFER_NOT_FOUND', 404);
    return offer;
  }
}
