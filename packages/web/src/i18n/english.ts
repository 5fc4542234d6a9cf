/**
 * Every English text, in one chunk the page downloads only when someone reads it in English, so
 * the first screen of the Chinese site does not carry the translation.
 */
import antdEnglish from 'antd/locale/en_US';
import { adminEn } from './admin.en.js';
import { factsEn } from './applicant-facts.en.js';
import { backOfficeEn } from './back-office.en.js';
import { employmentEn } from './employment-services.en.js';
import { enUS } from './en-US.js';
import { gigEn } from './gig-market.en.js';
import { labourEn } from './labour-market.en.js';
import { loansEn } from './loans.en.js';
import { eventsEn } from './recruitment-events.en.js';

export { antdEnglish };

export const english = {
  ...enUS,
  backOffice: backOfficeEn,
  employment: employmentEn,
  admin: adminEn,
  facts: factsEn,
  labour: labourEn,
  gig: gigEn,
  events: eventsEn,
  loans: loansEn,
};
