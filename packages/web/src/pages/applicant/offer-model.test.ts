import { describe, expect, it } from 'vitest';
import { offerStep, waitingOffers } from './offer-model.js';

const offer = (state: string, more: { noApplication?: boolean; applicationId?: string } = {}) => ({
  state,
  noApplication: more.noApplication ?? false,
  ...(more.applicationId ? { applicationId: more.applicationId } : {}),
});

describe('an offer the sweep made (政策找人)', () => {
  it('is answered, confirmed or declined, while it is open', () => {
    expect(offerStep(offer('open'))).toBe('answer');
  });

  it('once confirmed, opens the application it was filed as', () => {
    expect(offerStep(offer('confirmed', { applicationId: 'a1' }))).toBe('view');
  });

  it('declined, offers nothing more', () => {
    expect(offerStep(offer('declined'))).toBe('none');
  });

  it('needing no application (免申即享), is filed by the bureau and never answered', () => {
    expect(offerStep(offer('open', { noApplication: true }))).toBe('none');
    expect(offerStep(offer('filed', { noApplication: true, applicationId: 'a2' }))).toBe('view');
  });

  it('still waiting, are the ones "My applications" points to', () => {
    const open = offer('open');
    expect(waitingOffers([open, offer('declined'), offer('confirmed', { applicationId: 'a1' })])).toEqual([open]);
  });
});
