const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const DAY_MS = 86_400_000;

/** The civil date in Asia/Shanghai of an instant: the day a payment, a grant or a filing fell on. */
export function shanghaiDateOf(instant: Date): string {
  return SHANGHAI.format(instant);
}

/** The minute in Asia/Shanghai of an instant, as people read it: 2026-12-06 15:04. */
export function shanghaiMinuteOf(instant: Date): string {
  // China keeps UTC+8 all year (no daylight saving since 1991).
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Today, and the instants it spans: formatting it for every request showed in profiles. */
let today: { readonly date: string; readonly from: number; readonly until: number } | undefined;

/** Today's civil date in Asia/Shanghai, the date policies are judged on unless one is given. */
export function todayInShanghai(now: Date = new Date()): string {
  const at = now.getTime();
  if (today && at >= today.from && at < today.until) return today.date;
  const date = shanghaiDateOf(now);
  // China keeps UTC+8 all year (no daylight saving since 1991), so a day is 24 hours from 00:00+08:00.
  const from = Date.parse(`${date}T00:00:00+08:00`);
  today = { date, from, until: from + DAY_MS };
  return date;
}
