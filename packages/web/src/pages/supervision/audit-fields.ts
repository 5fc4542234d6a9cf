/**
 * The fields of an audit entry in reading order. The database keeps a JSON record's keys shortest
 * first (jsonb), so a period reads backwards: "to" before "from", "endsAt" before "startsAt". Each
 * end is put after its start; every other field keeps its place.
 */
export function startsBeforeEnds(fields: readonly string[]): string[] {
  const present = new Set(fields);
  const startOf = (field: string): string | undefined =>
    [
      field.replace(/^ends/, 'starts'),
      field.replace(/^end/, 'start'),
      field.replace(/End/, 'Start'),
      field.replace(/_end/, '_start'),
      field.replace(/^to$/, 'from'),
      field.replace(/^to([A-Z_])/, 'from$1'),
      field.replace(/To$/, 'From'),
      field.replace(/^until$/, 'from'),
    ].find((candidate) => candidate !== field && present.has(candidate));
  const placed = new Set<string>();
  const ordered: string[] = [];
  for (const field of fields) {
    if (placed.has(field)) continue;
    const start = startOf(field);
    if (start && !placed.has(start)) {
      ordered.push(start);
      placed.add(start);
    }
    ordered.push(field);
    placed.add(field);
  }
  return ordered;
}

/** Digits grouped by thousands, as both page languages write them. */
const GROUPED = new Intl.NumberFormat('en-US');

/**
 * A whole number recorded in an entry as a count (观看人次 18,640), grouped by thousands; undefined
 * for anything else. A year or an entry's number is a name, not a count, and stays as recorded.
 */
export function countText(field: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || /year|seq/i.test(field)) return undefined;
  return GROUPED.format(value);
}
