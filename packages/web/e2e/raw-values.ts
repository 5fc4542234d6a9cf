import { CATALOGUE, PARAMETER_LABELS } from '../../policy/src/catalogue.js';
import {
  DESIGNATION_NAMES,
  EMPLOYMENT_SERVICE_NAMES,
  ORGANISATION_CATEGORY_NAMES,
  PERSON_STATUS_NAMES,
} from '../../policy/src/facts/vocabulary.js';
import { ACTIONS, STATES } from '../../server/src/applications/workflow.js';
import { ROLES } from '../../server/src/auth/roles.js';
import { RISK_THRESHOLDS } from '../../server/src/parameters/server-parameters.js';
import type { Language } from './harness.js';

/** Every parameter id a page could show raw: the policy package's and the server's own. */
const PARAMETER_IDS = [...Object.keys(PARAMETER_LABELS), ...Object.keys(RISK_THRESHOLDS)];

/**
 * Codes the server speaks in and people must never read: application states and actions, roles,
 * subsidy ids, fact kinds, parameter sources and units. Single plain words among them ("pay",
 * "text") are English words too, so on an English page only codes with a hyphen or a dot count.
 */
const ENUM_LITERALS = new Set<string>([
  ...STATES,
  ...ACTIONS,
  ...ROLES,
  ...CATALOGUE.map((s) => s.id),
  ...Object.keys(PERSON_STATUS_NAMES),
  ...Object.keys(ORGANISATION_CATEGORY_NAMES),
  ...Object.keys(DESIGNATION_NAMES),
  ...Object.keys(EMPLOYMENT_SERVICE_NAMES),
  'local-setting',
  'permille',
  'once',
]);

const WORD = /[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g;

/** What on a page's text is a raw value; empty when the page shows only labels and 元. */
export function rawValues(text: string, language: Language, allow: readonly string[] = []): string[] {
  let rest = text;
  for (const a of allow) rest = rest.replaceAll(a, ' ');
  const found: string[] = [];
  for (const id of PARAMETER_IDS)
    if (new RegExp(`(?<![\\w.-])${id.replaceAll('.', '\\.')}(?![\\w-])`).test(rest)) found.push(`parameter id ${id}`);
  // Money the page formats has its thousands grouped ("1,500元"); four ungrouped digits before a
  // spaced 元 is a fen amount dressed as 元. A policy's own words quote the document ("每人1500元"),
  // unspaced, so there only five or more digits count.
  for (const m of rest.matchAll(
    /(?<![\d,.])(?:\d{4,}(?:\.\d{1,2})?\s+元|\d{5,}(?:\.\d{1,2})?元)|¥\s?\d{4,}|=\s*\d{3,}(?![\d,.]*\s*(?:元|yuan))/g,
  ))
    found.push(`an amount not in 元: ${m[0]}`);
  if (/(?<![\d-])000000(?!\d)/.test(rest)) found.push('the national region code 000000');
  for (const m of rest.matchAll(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi))
    found.push(`a record id: ${m[0]}`);
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    const coded = /[-.]/.test(word) && /^[a-z]/.test(word);
    if (ENUM_LITERALS.has(word) && (language === 'zh-CN' || coded)) found.push(`an enum literal: ${word}`);
    else if (language === 'zh-CN' && coded) found.push(`a code: ${word}`);
  }
  if (language === 'zh-CN')
    for (const m of rest.matchAll(/[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,}){1,}/g)) found.push(`English text: ${m[0]}`);
  // A Chinese list mark or colon against an English word is our template's, not the data's (a
  // Chinese name or note keeps its own marks between Chinese characters).
  if (language === 'en-US')
    for (const m of rest.matchAll(/[A-Za-z][ ]?[、：；]|[、：；][ ]?[A-Za-z]/g))
      found.push(`Chinese punctuation in English: ${m[0]}`);
  // A citation we format reads 财社〔2023〕181号 Art. 23 on an English page. Ours put a space
  // between the document and its article (formatCitation), so an article numbered in Chinese after
  // that space is ours left untranslated; a person's Chinese note (《就业促进法》第三条) has none.
  if (language === 'en-US')
    for (const m of rest.matchAll(/[号》] 第[〇零一二三四五六七八九十百\d]+条/g))
      found.push(`an article in Chinese: ${m[0]}`);
  return [...new Set(found)];
}
