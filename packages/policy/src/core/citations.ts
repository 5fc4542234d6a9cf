/**
 * Citations (条款) as readers of each language read them. The documents keep their Chinese names
 * (文号 and titles have no official English), but an English page numbers the articles as English
 * does: 第十六条（四） is Art. 16(4), 第三条第（二）项 is Art. 3 item (2).
 */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三十二 → 32; numerals up to 99 are all the articles use. Arabic digits are read as they are. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return DIGITS[s] ?? 0;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? 0);
  return tens * 10 + (DIGITS[s.slice(ten + 1)] ?? 0);
}

const N = '([〇零一二三四五六七八九十]+|\\d+)';

/** A citation in the page's language: unchanged in Chinese; articles, paragraphs and items numbered in English. */
export function citationIn(cites: string, language: string): string {
  if (language !== 'en-US') return cites;
  const n = (s: string) => String(chineseNumber(s));
  return cites
    .replace(new RegExp(`第${N}条`, 'g'), (_, a: string) => `Art. ${n(a)}`)
    .replace(
      new RegExp(`第（${N}）([款项])`, 'g'),
      (_, a: string, k: string) => ` ${k === '款' ? 'para.' : 'item'} (${n(a)})`,
    )
    .replace(
      new RegExp(`第${N}([款项])`, 'g'),
      (_, a: string, k: string) => ` ${k === '款' ? 'para.' : 'item'} ${n(a)}`,
    )
    .replace(new RegExp(`（${N}）`, 'g'), (_, a: string) => `(${n(a)})`)
    .replace(/ {2,}/g, ' ')
    .trim();
}
