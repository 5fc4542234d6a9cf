import { isIsoDate, type IsoDate } from '../core/dates.js';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, birth date YYYYMMDD, 3-digit sequence (odd for
 * men), and an ISO 7064 MOD 11-2 check character. Foreign permanent-residence cards issued from
 * 2023-12-01 share the layout and check but start with 9 (外国人永久居留身份证).
 */
export type ResidentIdKind = 'resident' | 'foreign-permanent-resident';

export interface ResidentId {
  readonly number: string;
  readonly kind: ResidentIdKind;
  readonly areaCode: string;
  readonly birthDate: IsoDate;
  readonly sex: 'male' | 'female';
}

export type ResidentIdError = 'format' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

export function parseResidentId(
  input: string,
): { ok: true; value: ResidentId } | { ok: false; error: ResidentIdError } {
  const number = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, error: 'format' };
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return { ok: false, error: 'birth-date' };
  if (residentIdCheckChar(number.slice(0, 17)) !== number.charAt(17)) return { ok: false, error: 'check-digit' };
  return {
    ok: true,
    value: {
      number,
      kind: number.startsWith('9') ? 'foreign-permanent-resident' : 'resident',
      areaCode: number.slice(0, 6),
      birthDate,
      sex: (number.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Upgrades a legacy 15-digit number (YYMMDD, no check) to 18 digits: insert 19, append the check. */
export function upgradeLegacyResidentId(legacy: string): string | undefined {
  if (!/^\d{15}$/.test(legacy)) return undefined;
  const first17 = legacy.slice(0, 6) + '19' + legacy.slice(6);
  const upgraded = first17 + residentIdCheckChar(first17);
  return parseResidentId(upgraded).ok ? upgraded : undefined;
}
