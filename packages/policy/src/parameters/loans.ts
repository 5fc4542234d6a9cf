import { wan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { QY102, SC34 } from '../rules/common.js';

/** 创业担保贷款 limits, terms and the share of interest the budget pays (贴息). */
export const loanParameters: ParameterList = {
  source: import.meta.url,
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
  ],
};
