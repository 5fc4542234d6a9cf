/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I O Z S V); the 18th
 * is a check character. Some genuine codes from early pilot areas fail the check, so the result
 * distinguishes a bad format (refuse) from a bad check character (warn; a clerk may override).
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck = 'valid' | 'format' | 'check-digit';

export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET.charAt(c === 31 ? 0 : c);
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'format';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? 'valid' : 'check-digit';
}

export type OrganisationKind =
  'enterprise' | 'individual-business' | 'farmers-cooperative' | 'government-organ' | 'public-institution' | 'other';

/** The organisation type in positions 1–2 (91 企业, 92 个体工商户, 93 农民专业合作社, 11 机关, 12 事业单位). */
export function organisationKindOf(code: string): OrganisationKind {
  switch (code.slice(0, 2)) {
    case '91':
      return 'enterprise';
    case '92':
      return 'individual-business';
    case '93':
      return 'farmers-cooperative';
    case '11':
      return 'government-organ';
    case '12':
      return 'public-institution';
    default:
      return 'other';
  }
}
