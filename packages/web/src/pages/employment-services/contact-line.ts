import { punctuation } from '../../components/format.js';

/**
 * One logged contact: its day, kind and note. A note written as "岗位推荐：…" (as referrals were
 * noted before) does not say its kind twice.
 */
export function contactLine(day: string, kind: string, note: string, language: string): string {
  const { colon } = punctuation(language);
  const said =
    note.startsWith(`${kind}${colon}`) || note.startsWith(`${kind}:`) ? note.slice(kind.length + 1).trimStart() : note;
  return `${day} ${kind}${colon}${said}`;
}
