import type { Text } from '../api/schema.js';

/**
 * Money on screen. Amounts are integer 分 end to end; these only place the decimal point, so a
 * figure shown is exactly the figure stored. Chinese puts 元 straight after the figure (1,500元), as
 * the server's explanations and messages do, so the two read alike side by side.
 */
export function formatFen(fen: number, language: string): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return language === 'en-US' ? `${sign}¥${yuan}.${cents}` : `${sign}${yuan}${cents === '00' ? '' : `.${cents}`}元`;
}

/**
 * The punctuation around values in a sentence of the page's language: full-width in Chinese
 * (（…）、：；、), ASCII with its spaces in English, so an English page shows no Chinese marks.
 */
export function punctuation(language: string): {
  open: string;
  close: string;
  colon: string;
  semicolon: string;
  /** Between the items of a list: 甲、乙、丙 / A, B, C. */
  list: string;
} {
  return language === 'en-US'
    ? { open: ' (', close: ')', colon: ': ', semicolon: '; ', list: ', ' }
    : { open: '（', close: '）', colon: '：', semicolon: '；', list: '、' };
}

/** 分 as an amount field holds it (150050 → "1500.50"), for a form that proposes a figure; `parseYuan` reads it back. */
export function fenAsYuanInput(fen: number): string {
  return `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

/** "1,500.50" or "1500.5" (元, as typed) → 150050 分; undefined when it is not an amount. */
export function parseYuan(input: string): number | undefined {
  const m = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(input.replaceAll(',', ''));
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * An amount a form's number input holds in 元 (at most two decimals) → 分. Rounded, because the
 * binary float of 19.99 × 100 is 1998.999…, not 1999.
 */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function pick(text: Text | undefined, language: string): string {
  if (!text) return '';
  return language === 'en-US' ? text.en : text.zh;
}

/**
 * A name the server gives a state or a step, as a label: the server's English ones are lower case
 * for use inside a sentence ("approved", "returned for correction"), which on a tag by itself
 * read like a raw value; a label starts with a capital.
 */
export function pickLabel(text: Text | undefined, language: string): string {
  const words = pick(text, language);
  return language === 'en-US' ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** A per-mille rate (as the server computes it, exactly) as a percentage with one decimal. */
export function formatPermille(permille: number): string {
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const SHANGHAI_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** The Asia/Shanghai civil date and time of an instant, whatever the browser's zone. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  return `${SHANGHAI_DATE.format(d)} ${SHANGHAI_TIME.format(d)}`;
}

export function todayInShanghai(): string {
  return SHANGHAI_DATE.format(new Date());
}

/**
 * Whether a day picked in a calendar is after today as the bureau counts days. A date picker's own
 * "today" is the browser's: in another zone it would offer tomorrow or refuse today.
 */
export function isAfterTodayInShanghai(day: { format(template: string): string }): boolean {
  return day.format('YYYY-MM-DD') > todayInShanghai();
}

/** Anything that looks like a whole 18-digit ID number. Pages for roles that may not see one never show it. */
export const FULL_ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;

/** A parameter's name and unit as the policy package declares it (the server sends it with each value). */
export interface ParameterLabel {
  zh: string;
  en: string;
  unit: 'fen' | 'permille' | 'months' | 'years' | 'days' | 'working-days' | 'count' | 'flag';
}

/**
 * A parameter's value in its declared unit: money in 元, rates as %, terms in months or years, head
 * counts, and 0/1 switches as yes/no; `t` is the page's translation function.
 */
export function formatParameterValue(
  value: number,
  unit: ParameterLabel['unit'],
  language: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  switch (unit) {
    case 'fen':
      return formatFen(value, language);
    case 'permille':
      return formatPermille(value);
    case 'flag':
      return t(value === 0 ? 'admin.units.flagOff' : 'admin.units.flagOn');
    default:
      return t(`admin.units.${unit}`, { count: value });
  }
}
