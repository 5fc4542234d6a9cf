import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { backOfficeEn } from '../../i18n/back-office.en.js';
import { backOfficeZh } from '../../i18n/back-office.js';
import { periodText } from './period-text.js';

/** No key of the server's reaches a person: each period reads as words, in each language. */
describe('the period an application claims for', () => {
  beforeAll(async () => {
    await i18n.init({
      resources: {
        'zh-CN': { translation: { backOffice: backOfficeZh } },
        'en-US': { translation: { backOffice: backOfficeEn } },
      },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
  });

  it('reads as words in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(periodText('once', t)).toBe('一次性');
    expect(periodText('year:2026', t)).toBe('2026 年度');
    expect(periodText('months:2025-12..2026-11', t)).toBe('2025-12 至 2026-11');
    expect(periodText('months:2026-03..2026-03', t)).toBe('2026-03');
    expect(periodText('certificate:ZS00000026', t)).toBe('证书 ZS00000026');
    expect(periodText('loan-period:2025-Q3', t)).toBe('贷款结息期 2025年第3季度');
  });

  it('reads as words in English', async () => {
    await i18n.changeLanguage('en-US');
    const t = i18n.t.bind(i18n);
    expect(periodText('once', t)).toBe('Once');
    expect(periodText('month:2026-11', t)).toBe('2026-11');
    expect(periodText('months:2025-12..2026-11', t)).toBe('2025-12 to 2026-11');
    expect(periodText('certificate:ZS00000026', t)).toBe('Certificate ZS00000026');
    expect(periodText('loan-period:2025-Q3', t)).toBe('Loan interest period Q3 2025');
  });
});
