import type { ParameterList } from '../../core/parameters.js';
import { GZ2022, QY102, SC34 } from '../../rules/common.js';

/** Durations the texts state for 劳务输转 rewards, 就业帮扶车间 and 贵州 交通补贴: months worked or under contract. */
export const LABOUR_EXPORT_DURATIONS: ParameterList = {
  source: import.meta.url,
  labels: {
    'employment-workshop.worked-months': {
      zh: '就业帮扶车间：最短务工月数',
      en: 'Employment workshop: shortest months worked',
      unit: 'months',
    },
    'labour-export.service-reward.contract-months': {
      zh: '劳务输出奖补：最短合同期限',
      en: 'Labour export reward: shortest contract',
      unit: 'months',
    },
    'labour-export.transport.stable-months': {
      zh: '往返交通补助：稳定就业月数',
      en: 'Return travel: months in stable work',
      unit: 'months',
    },
  },
  values: [
    // 劳务输转: 庆阳 签订并实际履行6个月以上劳动合同; 四川 1年以上劳动合同. 就业帮扶车间: 稳定就业6个月以上.
    {
      parameter: 'labour-export.service-reward.contract-months',
      region: '621000',
      from: '2023-10-27',
      value: 6,
      source: 'text',
      citation: QY102('第21条'),
    },
    {
      parameter: 'labour-export.service-reward.contract-months',
      region: '510000',
      from: '2024-07-13',
      to: '2025-12-31',
      value: 12,
      source: 'text',
      citation: SC34('（十六）'),
    },
    {
      parameter: 'employment-workshop.worked-months',
      region: '621000',
      from: '2023-10-27',
      value: 6,
      source: 'text',
      citation: QY102('第21条'),
    },
    // 贵州 一次性交通补贴: 在省外稳定就业3个月及以上.
    {
      parameter: 'labour-export.transport.stable-months',
      region: '520000',
      from: '2022-01-14',
      value: 3,
      source: 'text',
      citation: GZ2022('二（三）'),
    },
  ],
};
