/**
 * De-identification for lists and screens (GB/T 35273-2020 §7.2). No national standard fixes the
 * positions; the default keeps what bureaus commonly publish: ID first 6 + last 4, the surname.
 * The server lets a region configure other positions.
 */
export function maskIdNumber(id: string, keepStart = 6, keepEnd = 4): string {
  if (id.length <= keepStart + keepEnd) return '*'.repeat(id.length);
  return id.slice(0, keepStart) + '*'.repeat(id.length - keepStart - keepEnd) + id.slice(id.length - keepEnd);
}

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? phone.slice(0, 3) + '****' + phone.slice(7) : maskIdNumber(phone, 3, 4);
}
