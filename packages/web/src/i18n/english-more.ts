/** The English of the pages past the first screen: loaded, like `chineseMore`, with the first of them. */
import { adminEn } from './admin.en.js';
import { employmentEn } from './employment-services.en.js';
import { gigEn } from './gig-market.en.js';
import { labourEn } from './labour-market.en.js';
import { loansEn } from './loans.en.js';
import { nextStepEn } from './next-step.en.js';
import { eventsEn } from './recruitment-events.en.js';
import { spotChecksEn } from './spot-checks.en.js';

export const englishMore = {
  employment: employmentEn,
  admin: adminEn,
  labour: labourEn,
  gig: gigEn,
  events: eventsEn,
  loans: loansEn,
  nextStep: nextStepEn,
  spotChecks: spotChecksEn,
};
