const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's civil date in Asia/Shanghai, the date policies are judged on unless one is given. */
export function todayInShanghai(now: Date = new Date()): string {
  return SHANGHAI.format(now);
}
