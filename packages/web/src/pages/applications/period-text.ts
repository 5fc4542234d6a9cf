import type { TFunction } from 'i18next';

/**
 * The period an application claims for, as a person reads it: the server's key (`once`,
 * `year:2026`, `months:2025-12..2026-11`, `month:2026-11`, `certificate:ZS00000026`,
 * `loan-period:2025-Q3`) in words of
 * the page's language; a key of another shape is shown as it is rather than hidden.
 */
export function periodText(key: string, t: TFunction): string {
  const [kind = '', value = ''] = key.includes(':')
    ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
    : [key];
  switch (kind) {
    case 'once':
      return t('backOffice.period.once');
    case 'year':
      return t('backOffice.period.year', { year: value });
    case 'month':
      return t('backOffice.period.month', { month: value });
    case 'months': {
      const [from = '', to = ''] = value.split('..');
      return from === to ? t('backOffice.period.month', { month: from }) : t('backOffice.period.months', { from, to });
    }
    case 'certificate':
      return t('backOffice.period.certificate', { certificate: value });
    case 'loan-period':
      return t('backOffice.period.loanPeriod', { quarter: quarterText(value, t) });
    default:
      return key;
  }
}

/** A quarter's key (`2025-Q3`, a loan's 结息期) in words: 2025年第3季度, Q3 2025; another shape as it is. */
export function quarterText(key: string, t: TFunction): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  return quarter ? t('backOffice.period.quarter', { year: quarter[1], n: quarter[2] }) : key;
}
