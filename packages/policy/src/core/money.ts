/**
 * Money is an integer number of 分 (fen). Floats never hold money: 0.1 + 0.2 is not 0.3, and a
 * subsidy ledger must add up to the fen.
 */
export type Fen = number;

/** Whole yuan to fen, for amounts the texts state in 元 or 万元. */
export function yuan(amount: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`yuan() takes whole yuan, got ${amount}`);
  return amount * 100;
}

export function wan(amount: number): Fen {
  return yuan(amount * 10_000);
}

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Grouping by hand: toLocaleString goes through ICU and is slow on a hot path. */
function groupThousands(n: number): string {
  let s = String(n);
  if (s.length <= 3) return s;
  let out = '';
  while (s.length > 3) {
    out = ',' + s.slice(-3) + out;
    s = s.slice(0, -3);
  }
  return s + out;
}

/** `123456` → `1,234.56元`; used in explanations, never in arithmetic. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = groupThousands(Math.floor(abs / 100));
  const cents = abs % 100;
  return `${sign}${whole}${cents === 0 ? '' : '.' + String(cents).padStart(2, '0')}元`;
}

/**
 * `123456` → `¥1,234.56`: the English explanation's amount, written as the web shows money in
 * English, so a figure in an explanation reads the same as the figure beside it.
 */
export function formatYuanEn(fen: Fen): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${groupThousands(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * `fen × numerator / denominator`, rounded down to the fen. Used for capped shares such as
 * "不超过其实际缴费的2/3": rounding down keeps the subsidy at or under the cap.
 */
export function shareOf(fen: Fen, numerator: number, denominator: number): Fen {
  return Math.floor((fen * numerator) / denominator);
}

/** 元 as people write it ("1500", "1,500.5", "1500.00") to 分, by text, never through a float. */
export function parseYuan(input: string): Fen | undefined {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(input.replaceAll(',', '').trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : undefined;
}

/** 分 as 元 with exactly two decimals and no grouping ("1500.00"), for files exchanged with banks. */
export function yuanText(fen: Fen): string {
  return `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}
