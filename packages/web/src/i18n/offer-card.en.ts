/** English texts under `offerCard.`; typed against the Chinese in ./offer-card.ts. */
import type { offerCardZh } from './offer-card.js';
import type { Translation } from './zh-CN.js';

export const offerCardEn: Translation<typeof offerCardZh> = {
  intro:
    'The bureau checked the data other departments share (graduate records, the lists of low-income and other hardship households, and your registration) against each subsidy’s conditions and found that you qualify for the subsidies below. There is no form to fill in and no proof to hand in for what the data already shows: just confirm.',
  found: 'Found by the proactive sweep on {{date}}',
  amount: 'Amount',
  why: 'Why you were found',
  whyPerson: 'The data of the departments concerned shows these facts, which meet the subsidy’s conditions:',
  whyUnit: 'The people your unit registered as hired meet the subsidy’s conditions.',
  whatNext: 'What confirming does',
  steps: {
    confirm: 'Click “Confirm and apply”: the application is submitted in your name at once, with no form to fill in.',
    review:
      'The bureau accepts and reviews it; if it still needs a paper document (your ID card, say), it tells you when it accepts.',
    pay: 'Once approved (and, where required, publicised without objection), the subsidy is paid to you. You get a message at each step, and “My applications” shows where it stands.',
  },
  declineNote:
    'If you do not want it, click “Decline”: it will not be offered again, and you can still apply yourself from the policy list later.',
  declineConfirm: 'Decline this subsidy?',
  declineConfirmNote: 'It will not be offered again; you can still apply yourself later.',
  notes: {
    confirmed: 'You confirmed it and the application was submitted; its page shows where it stands.',
    declined: 'You declined it; it will not be offered again.',
    filed: 'No application needed: the bureau filed it for you, there is nothing to confirm.',
  },
  pending:
    '{{count}} subsidies are waiting for you to confirm: the data shows you qualify, so confirming applies, with no form to fill in.',
  pending_one:
    '1 subsidy is waiting for you to confirm: the data shows you qualify, so confirming applies, with no form to fill in.',
  pendingAction: 'Review and confirm',
};
