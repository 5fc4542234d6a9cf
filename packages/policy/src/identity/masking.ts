/**
 * De-identification for lists and screens (GB/T 35273-2020 §7.2). No national standard fixes the
 * positions; the default keeps what bureaus commonly publish: ID first 6 + last 4, the surname.
 * The server lets a region configure other positions.
 */
export function maskIdNumber(id: string, keepStart = 6, keepEnd = 4): string {
  if (id.length <= keepStart + keepEnd) return '*'.repeat(id.length);
  return id.slice(0, keepStart) + '*'.repeat(id.length - keepStart - keepEnd) + id.slice(id.length - keepEnd);
}

/**
 * Names on public lists: the surname and a star for each other character (张**), or, where a region
 * chooses, the first and last characters (张*三). A one-character given name keeps only the surname
 * either way, so the list never shows a whole name.
 */
export function maskName(name: string, keepLast = false): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (keepLast && chars.length >= 3) return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** How a region masks its public lists; each field is a parameter the region may set. */
export interface DisclosureMasking {
  readonly idKeepStart: number;
  readonly idKeepEnd: number;
  readonly nameKeepLast: boolean;
}

/** The default: what bureaus commonly publish (FACTS.md), the least that identifies a recipient. */
export const DEFAULT_DISCLOSURE_MASKING: DisclosureMasking = { idKeepStart: 6, idKeepEnd: 4, nameKeepLast: false };
