import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { chineseMore } from '../../i18n/chinese-more.js';
import { englishMore } from '../../i18n/english-more.js';
import { enUS } from '../../i18n/en-US.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { factText } from './fact-text.js';

async function words(language: 'zh-CN' | 'en-US') {
  const i18n = i18next.createInstance();
  const missing: string[] = [];
  await i18n.init({
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_l, _n, key) => missing.push(key),
    resources: {
      'zh-CN': { translation: { ...zhCN, ...chineseMore } },
      'en-US': { translation: { ...enUS, ...englishMore } },
    },
  });
  const subsidyName = (id: string) => (id === 'skill-evaluation' ? '技能评价补贴' : '');
  return { t: i18n.t.bind(i18n), language, subsidyName, missing };
}

/** Every kind the registry records, as the demo and the import write them. */
const FACTS: [string, Record<string, unknown>][] = [
  ['status', { kind: 'registered-unemployed', from: '2026-03-01' }],
  ['status', { kind: 'hard-to-employ', from: '2025-01-01', to: '2026-12-31' }],
  ['graduation', { date: '2026-06-30', institution: 'university' }],
  ['employment', { kind: 'labour-contract', employer: '91510100MA61234567', from: '2026-07-01', contractMonths: 12 }],
  ['insurance', { month: '2026-09', payer: 'employer', pensionFen: 80000, medicalFen: 35050, unemploymentFen: 2000 }],
  [
    'business',
    {
      creditCode: '92510104MA6C000001',
      form: 'individual-business',
      registeredOn: '2025-05-01',
      operatingNormally: true,
    },
  ],
  [
    'certificate',
    { id: 'E1', kind: 'skill-level', occupation: '焊工', level: 5, issuedOn: '2026-10-01', firstEvaluation: true },
  ],
  ['subsidy', { subsidy: 'skill-evaluation', grantedOn: '2026-11-01', region: '510104', amountFen: 30000 }],
  [
    'unemployment-insurance-year',
    { year: 2025, contributedFen: 1200000, fullyPaidMonths: 24, insuredStaffAtYearStart: 40, layoffs: 0 },
  ],
];

describe('a registry fact in words', () => {
  it('reads a status by its name and its dates, in Chinese', async () => {
    const w = await words('zh-CN');
    expect(factText('status', { kind: 'registered-unemployed', from: '2026-03-01' }, w)).toBe(
      '城镇登记失业人员，2026-03-01 起',
    );
    expect(factText('status', { kind: 'hard-to-employ', from: '2025-01-01', to: '2026-12-31' }, w)).toBe(
      '就业困难人员，2025-01-01 至 2026-12-31',
    );
  });

  it('reads a certificate by kind, occupation and level, and a grant by its subsidy and amount in 元', async () => {
    const w = await words('zh-CN');
    expect(factText(...(FACTS[6] as [string, Record<string, unknown>]), w)).toBe(
      '职业技能等级证书，焊工，五级/初级工，2026-10-01 发证，首次评价，证书编号 E1',
    );
    expect(factText(...(FACTS[7] as [string, Record<string, unknown>]), w)).toBe(
      '技能评价补贴，2026-11-01 发放，300元',
    );
  });

  it('names the employer by its registered name where the registry knows it, by its code where not', async () => {
    const zh = await words('zh-CN');
    const fact = { kind: 'labour-contract', employer: '91510100MA61234567', from: '2026-07-01' };
    const unitName = (code: string) => (code === '91510100MA61234567' ? '成都示例科技有限公司' : undefined);
    expect(factText('employment', fact, { ...zh, unitName })).toContain(
      '用人单位 成都示例科技有限公司（91510100MA61234567）',
    );
    expect(factText('employment', fact, zh)).toContain('用人单位 91510100MA61234567，');
    const en = await words('en-US');
    expect(factText('employment', fact, { ...en, unitName })).toContain(
      'employer 成都示例科技有限公司 (91510100MA61234567)',
    );
  });

  it('counts a one-month contract as one month in English', async () => {
    const w = await words('en-US');
    expect(factText('employment', { kind: 'flexible', from: '2026-07-01', contractMonths: 1 }, w)).toMatch(
      /contract of 1 month$/,
    );
  });

  for (const language of ['zh-CN', 'en-US'] as const)
    it(`shows no key, code, fen amount or JSON for any kind in ${language}`, async () => {
      const w = await words(language);
      for (const [kind, data] of FACTS) {
        const shown = factText(kind, data, w);
        expect(shown, kind).not.toMatch(
          /[{}]|registered-unemployed|skill-level|labour-contract|Fen|undefined|\b80000\b/,
        );
        if (language === 'zh-CN') expect(shown, kind).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(w.missing).toEqual([]);
    });

  it('says a kind it does not know is there without printing its data', async () => {
    const w = await words('zh-CN');
    expect(factText('something-new', { secret: 'x' }, w)).toBe('（此类事实暂无法在本页显示）');
  });
});
