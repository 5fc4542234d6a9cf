import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatParameterValue } from '../../components/format.js';
import { adminEn } from '../../i18n/admin.en.js';
import { adminZh } from '../../i18n/admin.js';
import { parseParameterInput, unitSuffix } from './parameter-input.js';

describe('a parameter typed in its unit', () => {
  it('reads 元 as fen, % as per mille, whole counts, and 0/1 switches', () => {
    expect(parseParameterInput('1,800', 'fen')).toBe(180000);
    expect(parseParameterInput('12.5', 'fen')).toBe(1250);
    expect(parseParameterInput('5.5%', 'permille')).toBe(55);
    expect(parseParameterInput('60', 'permille')).toBe(600);
    expect(parseParameterInput('12', 'months')).toBe(12);
    expect(parseParameterInput('1', 'flag')).toBe(1);
  });

  it('refuses what is not such a value', () => {
    expect(parseParameterInput('一千', 'fen')).toBeUndefined();
    expect(parseParameterInput('5.55', 'permille')).toBeUndefined();
    expect(parseParameterInput('1.5', 'count')).toBeUndefined();
    expect(parseParameterInput('2', 'flag')).toBeUndefined();
    expect(parseParameterInput('-200', 'fen')).toBeUndefined();
  });

  it('takes a share up to the whole, and not past it', () => {
    expect(parseParameterInput('100', 'permille')).toBe(1000);
    expect(parseParameterInput('100.1', 'permille')).toBeUndefined();
    expect(parseParameterInput('150', 'permille')).toBeUndefined();
  });
});

describe('a deadline counted on the official calendar', () => {
  it('is said in working days, not days, in both languages', async () => {
    const t = await i18n.createInstance().init({
      resources: { 'zh-CN': { translation: { admin: adminZh } }, 'en-US': { translation: { admin: adminEn } } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    expect(formatParameterValue(5, 'working-days', 'zh-CN', t)).toBe('5 个工作日');
    expect(formatParameterValue(5, 'days', 'zh-CN', t)).toBe('5 天');
    expect(unitSuffix('working-days', t)).toBe('个工作日');
    const en = await i18n.createInstance().init({
      resources: { 'en-US': { translation: { admin: adminEn } } },
      lng: 'en-US',
      interpolation: { escapeValue: false },
    });
    expect(formatParameterValue(5, 'working-days', 'en-US', en)).toBe('5 working days');
    expect(formatParameterValue(1, 'working-days', 'en-US', en)).toBe('1 working day');
  });
});
