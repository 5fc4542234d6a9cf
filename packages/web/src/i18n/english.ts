/**
 * The English of the first screen and the frames around every page, in one chunk the page
 * downloads only when someone reads it in English, so the Chinese site does not carry the
 * translation. The rest of the English (english-more.ts) follows with the first page past it.
 */
import antdEnglish from 'antd/locale/en_US';
import { factsEn } from './applicant-facts.en.js';
import { backOfficeEn } from './back-office.en.js';
import { enUS } from './en-US.js';
import { offerCardEn } from './offer-card.en.js';

export { antdEnglish };

export const english = { ...enUS, backOffice: backOfficeEn, facts: factsEn, offerCard: offerCardEn };
