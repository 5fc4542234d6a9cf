import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { adminEn } from './admin.en.js';
import { enUS } from './en-US.js';
import { employmentEn } from './employment-services.en.js';
import { loansEn } from './loans.en.js';
import { zhCN } from './zh-CN.js';

/** The English as the page reads it: i18next picks `_one` for a count of 1 and the plain key otherwise. */
async function translator(language: 'zh-CN' | 'en-US') {
  const t = i18next.createInstance();
  await t.init({
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    resources: {
      'zh-CN': { translation: zhCN },
      'en-US': { translation: { ...enUS, employment: employmentEn, admin: adminEn, loans: loansEn } },
    },
  });
  return t.t.bind(t);
}

describe('counts read as English counts', () => {
  it('one unread message, three unread messages', async () => {
    const t = await translator('en-US');
    expect(t('nav.unread', { count: 1 })).toBe('1 unread message');
    expect(t('nav.unread', { count: 3 })).toBe('3 unread messages');
  });

  it("one entry makes a balance, or many; past the statement's count, more than many", async () => {
    const t = await translator('en-US');
    expect(t('funds.statement.balance', { amount: '¥5.00', count: 1 })).toBe('Balance ¥5.00: the one entry below');
    expect(t('funds.statement.balance', { amount: '¥5.00', count: 3 })).toBe(
      'Balance ¥5.00: the sum of the 3 entries below',
    );
    expect(t('funds.statement.totalAtLeast', { count: 10000 })).toBe('More than 10000, newest first');
  });

  it('one row imported, two rows imported', async () => {
    const t = await translator('en-US');
    expect(t('registry.imported', { count: 1 })).toBe('1 row imported');
    expect(t('registry.imported', { count: 2 })).toBe('2 rows imported');
    expect(t('registry.imported', { count: 0 })).toBe('0 rows imported');
    expect(t('payments.created', { count: 1, missing: 0 })).toBe('1 batch created; 0 without a payee account left out');
    expect(t('employment.registrations.imported', { count: 1 })).toBe('1 registration imported');
    // A parameter's duration: "1 month", "6 months".
    expect(t('admin.units.months', { count: 1 })).toBe('1 month');
    expect(t('admin.units.months', { count: 6 })).toBe('6 months');
    expect(t('admin.reference.loaded', { rows: 1, count: 1 })).toBe('1 record loaded');
    expect(t('decision.perMonth', { amount: '¥500.00', months: 1, count: 1 })).toBe('¥500.00 a month for 1 month');
    expect(t('loans.statementDone', { period: '2026-Q3', rows: 1, count: 1, amount: '¥1.00' })).toBe(
      'Imported 1 row of 2026-Q3; subsidy ¥1.00 in all',
    );
  });

  it('Chinese has one form for every count', async () => {
    const t = await translator('zh-CN');
    expect(t('registry.imported', { count: 1 })).toBe(t('registry.imported', { count: 2 }).replace('2', '1'));
  });
});
