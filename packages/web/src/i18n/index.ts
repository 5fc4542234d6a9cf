import type { Locale } from 'antd/es/locale';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminZh } from './admin.js';
import { factsZh } from './applicant-facts.js';
import { backOfficeZh } from './back-office.js';
import { employmentZh } from './employment-services.js';
import { labourZh } from './labour-market.js';
import { gigZh } from './gig-market.js';
import { eventsZh } from './recruitment-events.js';
import { loansZh } from './loans.js';
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

const initialised = i18n.use(initReactI18next).init({
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

let antdEnglish: Locale | undefined;

/** Fetches the English texts the first time they are needed; Chinese is always there. */
async function load(language: Language): Promise<void> {
  if (language !== 'en-US' || antdEnglish) return;
  const english = await import('./english.js');
  i18n.addResourceBundle('en-US', 'translation', english.english);
  antdEnglish = english.antdEnglish;
}

/** Settled once the starting language's texts are in: the page renders after it, so no key shows raw. */
export const i18nReady: Promise<void> = initialised.then(() => load(initialLanguage()));

/** Ant Design's own texts in the page language; English is there once `load` has run. */
export function antdLocale(language: string): Locale | undefined {
  return language === 'en-US' ? antdEnglish : undefined;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void load(language).then(async () => {
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
  });
}

export default i18n;
