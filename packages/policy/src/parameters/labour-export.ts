import { yuan } from '../core/money.js';
import type { ParameterList } from '../core/parameters.js';
import { GZ2022, QY102, SC34 } from '../rules/common.js';

/** Organised labour-export rewards, job-seeking payments and transport subsidies (庆阳, 四川, 贵州). */
export const labourExportParameters: ParameterList = {
  source: import.meta.url,
  values: [
    {
      parameter: 'labour-export.service-reward',
      region: '621000',
      from: '2023-10-27',
      value: yuan(200),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.service-reward',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(300),
      source: 'text',
      citation: SC34('（十六）'),
    },
    // 四川: 不超过400元/人 — a cap; the amount paid is the local standard under it.
    {
      parameter: 'labour-export.job-seeking.cap',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: yuan(400),
      source: 'text',
      citation: SC34('（十六）'),
    },
    // 贵州: 县外省内500元, 省外1000元.
    {
      parameter: 'labour-export.job-seeking.outside-county',
      region: '520000',
      from: '2022-01-14',
      value: yuan(500),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    {
      parameter: 'labour-export.job-seeking.other-province',
      region: '520000',
      from: '2022-01-14',
      value: yuan(1000),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    // 一次性往返交通补助: caps from the texts; the tiers under them are local.
    {
      parameter: 'labour-export.transport.other-province.cap',
      region: '621000',
      from: '2023-10-27',
      value: yuan(600),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.transport.within-province.cap',
      region: '621000',
      from: '2023-10-27',
      value: yuan(300),
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.transport.other-province.cap',
      region: '520000',
      from: '2022-01-14',
      value: yuan(500),
      source: 'text',
      citation: GZ2022('二（三）'),
    },
    // 乡村就业工厂（就业帮扶车间）: 每人每年3000元.
    {
      parameter: 'employment-workshop.per-person-year',
      region: '621000',
      from: '2023-10-27',
      value: yuan(3000),
      source: 'text',
      citation: QY102('第21条'),
    },
  ],
};
