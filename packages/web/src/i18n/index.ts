import type { Locale } from 'antd/es/locale';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { factsZh } from './applicant-facts.js';
import { backOfficeZh } from './back-office.js';
import { offerCardZh } from './offer-card.js';
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

// The texts of the first screen and of the frames; the desks' own arrive with `loadAllTexts`.
const initialised = i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, backOffice: backOfficeZh, facts: factsZh, offerCard: offerCardZh } },
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
/** Set once a page past the first screen has asked for every text: a change of language then brings them too. */
let allWanted = false;
const moreLoaded = new Set<Language>();

/** Fetches the English texts of the frames the first time they are needed; Chinese is always there. */
async function load(language: Language): Promise<void> {
  if (language === 'en-US' && !antdEnglish) {
    const english = await import('./english.js');
    i18n.addResourceBundle('en-US', 'translation', english.english, true);
    antdEnglish = english.antdEnglish;
  }
  if (allWanted) await loadMore(language);
}

async function loadMore(language: Language): Promise<void> {
  if (moreLoaded.has(language)) return;
  const more =
    language === 'en-US'
      ? (await import('./english-more.js')).englishMore
      : (await import('./chinese-more.js')).chineseMore;
  i18n.addResourceBundle(language, 'translation', more, true);
  moreLoaded.add(language);
}

/** Settled once the starting language's texts are in: the page renders after it, so no key shows raw. */
export const i18nReady: Promise<void> = initialised.then(() => load(initialLanguage()));

const current = (): Language => (i18n.language === 'en-US' ? 'en-US' : 'zh-CN');

/**
 * Every text of the page's language: awaited by each page past the first screen before it shows
 * (layout/lazy-page.ts), so the policy list a visitor lands on downloads only its own.
 */
export function loadAllTexts(): Promise<void> {
  allWanted = true;
  return i18nReady.then(() => loadMore(current()));
}

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
