/**
 * Citations (条款) as readers of each language read them. The documents keep their Chinese names
 * (文号 and titles have no official English), but an English page numbers their parts as English
 * does: 第十六条（四） is Art. 16(4), 第三条第（二）项 is Art. 3 item (2), 第三章第十条 is Ch. 3 Art. 10.
 */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三十二 → 32, 一百零一 → 101, 十 → 10; Arabic digits are read as they are. */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[ch] ?? 0;
  }
  return total + digit;
}

const N = '([〇零一二两三四五六七八九十百]+|\\d+)';
const PARTS: Record<string, string> = { 章: 'Ch.', 节: 'Sec.', 条: 'Art.', 款: 'para.', 项: 'item' };

/** A citation in the page's language: unchanged in Chinese; its parts numbered in English. */
export function citationIn(cites: string, language: string): string {
  if (language !== 'en-US') return cites;
  const n = (s: string) => String(chineseNumber(s));
  return (
    cites
      // 第十六—十八条 / 第十六至十八条: a range of articles.
      .replace(new RegExp(`第${N}[—–至-]${N}条`, 'g'), (_, a: string, b: string) => ` Arts. ${n(a)}–${n(b)}`)
      .replace(new RegExp(`第（${N}）([章节条款项])`, 'g'), (_, a: string, k: string) => ` ${PARTS[k]} (${n(a)})`)
      .replace(new RegExp(`第${N}([章节条款项])`, 'g'), (_, a: string, k: string) => ` ${PARTS[k]} ${n(a)}`)
      .replace(new RegExp(`（${N}）`, 'g'), (_, a: string) => `(${n(a)})`)
      // A section numbered alone, as 二（六）: the numeral before its item.
      .replace(/(^|\s)([一二三四五六七八九十]+)(?=\(|\s|$)/g, (_, before: string, a: string) => `${before}${n(a)}`)
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}
