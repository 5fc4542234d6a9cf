import { wan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { QY102, SC34 } from '../rules/common.js';

/** 创业担保贷款 limits, terms and the share of interest the budget pays (贴息). */
export const loanParameters: ParameterList = {
  source: import.meta.url,
  labels: {
    'startup-loan.individual-limit': {
      zh: '个人创业担保贷款额度上限',
      en: 'Start-up guaranteed loan limit (individual)',
      unit: 'fen',
    },
    'startup-loan.partnership-raise-permille': {
      zh: '合伙创业贷款额度上浮比例',
      en: 'Partnership start-up loan raise',
      unit: 'permille',
    },
    'startup-loan.individual-term-months': {
      zh: '个人创业担保贷款期限',
      en: 'Start-up guaranteed loan term (individual)',
      unit: 'months',
    },
    'startup-loan.enterprise-limit': {
      zh: '小微企业创业担保贷款额度上限',
      en: 'Start-up guaranteed loan limit (small business)',
      unit: 'fen',
    },
    'startup-loan.enterprise-term-months': {
      zh: '小微企业创业担保贷款期限',
      en: 'Start-up guaranteed loan term (small business)',
      unit: 'months',
    },
    'startup-loan.interest-share-permille': {
      zh: '创业担保贷款财政贴息比例',
      en: 'Share of loan interest the budget pays',
      unit: 'permille',
    },
    'startup-loan.counter-guarantee-waiver-limit': {
      zh: '免除反担保的个人贷款额度',
      en: 'Individual loan guaranteed without a counter-guarantee, up to',
      unit: 'fen',
    },
    'startup-loan.extension-max-months': {
      zh: '创业担保贷款展期最长期限',
      en: 'Longest loan extension',
      unit: 'months',
    },
  },
  values: [
    {
      parameter: 'startup-loan.individual-limit',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: wan(20),
      source: 'text',
      citation: QY102('第16条'),
    },
    {
      parameter: 'startup-loan.partnership-raise-permille',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 100,
      source: 'text',
      citation: QY102('第16条'),
    },
    {
      parameter: 'startup-loan.individual-term-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 36,
      source: 'text',
      citation: QY102('第16条'),
    },
    {
      parameter: 'startup-loan.enterprise-limit',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: wan(300),
      source: 'text',
      citation: QY102('第16条'),
    },
    {
      parameter: 'startup-loan.enterprise-term-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 24,
      source: 'text',
      citation: QY102('第16条'),
    },
    {
      parameter: 'startup-loan.individual-limit',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: wan(30),
      source: 'text',
      citation: SC34('（五）'),
    },
    {
      parameter: 'startup-loan.enterprise-limit',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: wan(400),
      source: 'text',
      citation: SC34('（五）'),
    },
    {
      parameter: 'startup-loan.interest-share-permille',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 500,
      source: 'text',
      citation: SC34('（五）'),
    },
    // 庆阳 第16条 "对符合10万元以下个人创业担保贷款条件的要免除反担保": an individual loan up to this
    // amount is guaranteed without a counter-guarantee (反担保).
    {
      parameter: 'startup-loan.counter-guarantee-waiver-limit',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: wan(10),
      source: 'text',
      citation: QY102('第16条'),
    },
    // 庆阳 第16条 "可申请展期还款，期限原则上不超过1年": one extension of at most 12 months.
    {
      parameter: 'startup-loan.extension-max-months',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: 12,
      source: 'text',
      citation: QY102('第16条'),
    },
  ],
};
