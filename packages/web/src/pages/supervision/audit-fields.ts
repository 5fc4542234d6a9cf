import { formatInstant } from '../../components/format.js';

/** Pairs whose names do not say which comes first: the later one, and the earlier. */
const LATER_OF: Readonly<Record<string, string>> = { maturesOn: 'disbursedOn' };

/**
 * The fields of an audit entry in reading order. The database keeps a JSON record's keys shortest
 * first (jsonb), so a period reads backwards: "to" before "from", "endsAt" before "startsAt", the
 * pay's maximum before its minimum. Each end is put after its start; every other field keeps its
 * place.
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
      field.replace(/Max/, 'Min'),
      LATER_OF[field] ?? field,
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

/**
 * A whole number recorded in an entry as a count (观看人次 18,640), grouped by thousands; undefined
 * for anything else. A year or an entry's number is a name, not a count, and stays as recorded.
 */
export function countText(field: string, value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || /year|seq/i.test(field)) return undefined;
  // Grouped by thousands, as both page languages write numbers.
  return value.toLocaleString('en-US');
}

/** An instant as JSON writes it, with its offset or Z. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment recorded under a name that says it is one (`startsAt`, `created_at`), in Shanghai's
 * time as the pages show one; undefined for anything else. Text someone typed that looks like a
 * moment (a posting's skills) is shown as typed, and an impossible one (month 13) is not a moment.
 */
export function momentText(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !/(At|_at)$/.test(field) || !INSTANT.test(value)) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : formatInstant(value);
}

/**
 * Digits in hyphenated groups, perhaps after a few capitals: a record's number (510104-2026-0000090,
 * PX510104-2026-0000100), also a date or a phone number. Each is one word, never broken at its hyphens.
 */
export const isHyphenatedNumber = (text: string): boolean => /^[A-Z]{0,4}\d+(-\d+)+$/.test(text);
