import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn, adminZh } from './admin.js';
import { factsEn, factsZh } from './applicant-facts.js';
import { backOfficeEn, backOfficeZh } from './back-office.js';
import { employmentEn, employmentZh } from './employment-services.js';
import { labourEn, labourZh } from './labour-market.js';
import { gigEn, gigZh } from './gig-market.js';
import { eventsEn, eventsZh } from './recruitment-events.js';
import { loansEn, loansZh } from './loans.js';
import { enUS } from './en-US.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'huimin.language';

function initialLanguage(): Language {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' ? 'en-US' : 'zh-CN';
}

declare global {
  interface Window {
    /** Keys a page asked for that have no text: the browser tests fail on any. */
    __huiminMissingKeys?: string[];
  }
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        backOffice: backOfficeZh,
        employment: employmentZh,
        admin: adminZh,
        facts: factsZh,
        labour: labourZh,
        gig: gigZh,
        events: eventsZh,
        loans: loansZh,
      },
    },
    'en-US': {
      translation: {
        ...enUS,
        backOffice: backOfficeEn,
        employment: employmentEn,
        admin: adminEn,
        facts: factsEn,
        labour: labourEn,
        gig: gigEn,
        events: eventsEn,
        loans: loansEn,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (_languages, _namespace, key) => {
    (window.__huiminMissingKeys ??= []).push(key);
  },
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
