/** Days from the State Council's notice as typed: one date a line, or a range "start 至 end" / "start - end". */
export type DateLines =
  | { ok: true; dates: string[] }
  | { ok: false; line: number; text: string; why: 'not-a-date' | 'reversed' | 'too-long' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_RANGE_DAYS = 31;

function realDate(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text ? d : undefined;
}

export function parseDateLines(input: string): DateLines {
  const dates = new Set<string>();
  const lines = input.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const text = raw.trim();
    if (!text) continue;
    const [a, b, ...rest] = text.split(/\s*(?:至|到|~|–|—|\s-\s)\s*/);
    const start = realDate(a ?? '');
    const end = b === undefined ? start : realDate(b);
    if (!start || !end || rest.length > 0) return { ok: false, line: i + 1, text, why: 'not-a-date' };
    if (end < start) return { ok: false, line: i + 1, text, why: 'reversed' };
    const days = (end.getTime() - start.getTime()) / 86_400_000;
    if (days > MAX_RANGE_DAYS) return { ok: false, line: i + 1, text, why: 'too-long' };
    for (let n = 0; n <= days; n++) dates.add(new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10));
  }
  return { ok: true, dates: [...dates].sort() };
}
