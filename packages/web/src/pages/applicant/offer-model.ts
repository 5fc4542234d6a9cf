import type { Offer } from '../../api/schema.js';

/**
 * What a person or unit can do with an offer: answer it (confirm or decline) while it is open and
 * theirs to answer; open the application it became; or nothing (declined). A 免申即享 offer is
 * filed by the sweep itself and is never answered: the server refuses a confirmation of one.
 */
export type OfferStep = 'answer' | 'view' | 'none';

export function offerStep(offer: Pick<Offer, 'state' | 'noApplication' | 'applicationId'>): OfferStep {
  if (offer.state === 'open' && !offer.noApplication) return 'answer';
  return offer.applicationId ? 'view' : 'none';
}

/** The offers still waiting for an answer: what "My applications" points to while there are any. */
export function waitingOffers<T extends Pick<Offer, 'state' | 'noApplication' | 'applicationId'>>(
  offers: readonly T[],
): T[] {
  return offers.filter((o) => offerStep(o) === 'answer');
}
