import { wan, yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { QY102, SC34 } from '../rules/common.js';

/** Amounts for job-seeking, start-up and internship subsidies stated in the texts. */
export const employmentParameters: ParameterList = {
  source: import.meta.url,
  values: [
    // 一次性求职补贴
    {
      parameter: 'job-seeking.amount',
      region: '621000',
      from: '2023-10-27',
      value: yuan(1000),
      source: 'text',
      citation: QY102('第22条'),
    },
    {
      parameter: 'job-seeking.amount',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(1500),
      source: 'text',
      citation: SC34('（十四）'),
    },
    // 一次性创业补贴
    {
      parameter: 'startup.amount',
      region: '621000',
      from: '2023-10-27',
      value: yuan(5000),
      source: 'text',
      citation: QY102('第14条'),
    },
    // 庆阳 第14条: 3—15万元省级创业带动就业资金补助 per project.
    {
      parameter: 'startup-project.min',
      region: '621000',
      from: '2023-10-27',
      value: wan(3),
      source: 'text',
      citation: QY102('第14条'),
    },
    {
      parameter: 'startup-project.max',
      region: '621000',
      from: '2023-10-27',
      value: wan(15),
      source: 'text',
      citation: QY102('第14条'),
    },
    {
      parameter: 'startup.amount',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: wan(1),
      source: 'text',
      citation: SC34('（五）'),
    },
    // 就业见习补贴: 庆阳 1000元/月, raised to 1200/1350/1500 at retention 50%/60%/70%.
    {
      parameter: 'internship.monthly',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1000),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-500',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1200),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-600',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1350),
      source: 'text',
      citation: QY102('第12条'),
    },
    {
      parameter: 'internship.monthly.retention-700',
      region: '621000',
      from: '2023-10-27',
      to: '2023-12-31',
      value: yuan(1500),
      source: 'text',
      citation: QY102('第12条'),
    },
    // 四川: 按当地最低工资标准给予用人单位就业见习补贴 — the standard is the local minimum wage.
    {
      parameter: 'internship.at-minimum-wage',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 1,
      source: 'text',
      citation: SC34('（十三）'),
    },
  ],
};
