/**
 * The Chinese texts of the pages past the first screen (the back office's desks, the labour
 * market, loans, administration), in a chunk of their own: the first page a person opens after
 * the policy list brings them (see `loadAllTexts` in index.ts), so the public site's first screen
 * does not carry them (issue 17: the first load under 200 kB).
 */
import { adminZh } from './admin.js';
import { employmentZh } from './employment-services.js';
import { gigZh } from './gig-market.js';
import { labourZh } from './labour-market.js';
import { loansZh } from './loans.js';
import { nextStepZh } from './next-step.js';
import { eventsZh } from './recruitment-events.js';
import { spotChecksZh } from './spot-checks.js';

export const chineseMore = {
  employment: employmentZh,
  admin: adminZh,
  labour: labourZh,
  gig: gigZh,
  events: eventsZh,
  loans: loansZh,
  nextStep: nextStepZh,
  spotChecks: spotChecksZh,
};
