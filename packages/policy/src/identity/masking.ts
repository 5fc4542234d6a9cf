/**
 * De-identification for lists and screens (GB/T 35273-2020 §7.2). No national standard fixes the
 * positions; the default keeps what bureaus commonly publish: ID first 6 + last 4, the surname.
 * The server lets a region configure other positions.
 */
export function maskIdNumber(id: string, keepStart = 6, keepEnd = 4): string {
  if (id.length <= keepStart + keepEnd) return '*'.repeat(id.length);
  return id.slice(0, keepStart) + '*'.repeat(id.length - keepStart - keepEnd) + id.slice(id.length - keepEnd);
}
